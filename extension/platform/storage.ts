import type { KeyValueStore } from '../../src/portals/key-value-store.ts';
import { browser } from './browser.ts';

/**
 * storage.local behind the KeyValueStore port. Writes go through one chain so that two handlers never
 * interleave a read-modify-write; storage.sync is never used, so nothing (secrets least of all) leaves the device.
 */
export function createLocalStore(): KeyValueStore {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const items = await browser.storage.local.get(key);
      return items[key] as T | undefined;
    },
    set: (items) => serial(() => browser.storage.local.set(items)),
    remove: (keys) => serial(() => browser.storage.local.remove(keys)),
  };
}

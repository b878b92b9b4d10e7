import type { Browser, Storage } from 'webextension-polyfill';
import { MemoryStorageArea, type StorageArea } from '../../src/storage/storage-area.ts';
import type { Areas } from '../../src/storage/typed-storage.ts';
import { indexedDbArea } from './indexeddb-area.ts';

function adapt(area: Storage.StorageArea): StorageArea {
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

type SessionArea = Storage.StorageArea & { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };

/**
 * storage.local for what must outlive the worker and the browser; storage.session (in memory, survives worker
 * restarts) where the browser has it, else an in-memory stand-in that lives as long as the worker; the
 * extension's IndexedDB for secrets. storage.sync is never used: nothing, secrets least of all, leaves the device.
 */
export function storageAreas(browser: Browser): Areas {
  const session = (browser.storage as { session?: SessionArea }).session;
  // Chrome keeps storage.session from content scripts by default; say so where the browser lets us.
  try {
    void session?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);
  } catch {
    // A browser without access levels keeps its own default.
  }
  return {
    local: adapt(browser.storage.local),
    session: session ? adapt(session) : new MemoryStorageArea(),
    // idb opens the global IndexedDB, which every extension context has.
    secure: typeof indexedDB === 'undefined' ? new MemoryStorageArea() : indexedDbArea(),
  };
}

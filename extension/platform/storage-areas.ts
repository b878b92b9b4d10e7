import type { Browser, Storage } from 'webextension-polyfill';
import { MemoryStorageArea, type StorageArea } from '../../src/storage/storage-area.ts';
import type { Areas } from '../../src/storage/typed-storage.ts';

function adapt(area: Storage.StorageArea): StorageArea {
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

/**
 * storage.local for what must outlive the worker and the browser; storage.session (in memory, survives
 * worker restarts) where the browser has it, else an in-memory stand-in that lives as long as the worker.
 * storage.sync is never used: nothing, secrets least of all, leaves the device.
 */
export function storageAreas(browser: Browser): Areas {
  const session = (browser.storage as { session?: Storage.StorageArea }).session;
  return { local: adapt(browser.storage.local), session: session ? adapt(session) : new MemoryStorageArea() };
}

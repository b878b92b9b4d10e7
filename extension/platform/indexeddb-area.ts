import { openDB, type IDBPDatabase } from 'idb';
import type { StorageArea } from '../../src/storage/storage-area.ts';

const STORE = 'items';

/**
 * A storage area in the extension's own IndexedDB: only the extension's pages and worker can open it (a
 * content script runs in the web page's origin and sees the page's databases), so secrets kept here stay
 * out of every content script's reach, which storage.local does not promise.
 */
export function indexedDbArea(name = 'dpt-secure'): StorageArea {
  let db: Promise<IDBPDatabase> | undefined;
  const open = (): Promise<IDBPDatabase> =>
    (db ??= openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore(STORE);
      },
    }).catch((error: unknown) => {
      db = undefined;
      throw error;
    }));
  return {
    async get(keys) {
      const database = await open();
      const tx = database.transaction(STORE, 'readonly');
      const out: Record<string, unknown> = {};
      if (keys === null) {
        let cursor = await tx.store.openCursor();
        while (cursor) {
          out[String(cursor.key)] = cursor.value;
          cursor = await cursor.continue();
        }
      } else {
        const values = await Promise.all(keys.map((key) => tx.store.get(key)));
        keys.forEach((key, i) => {
          if (values[i] !== undefined) out[key] = values[i];
        });
      }
      await tx.done;
      return out;
    },
    async set(items) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      await Promise.all([...Object.entries(items).map(([key, value]) => tx.store.put(value, key)), tx.done]);
    },
    async remove(keys) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
    },
  };
}

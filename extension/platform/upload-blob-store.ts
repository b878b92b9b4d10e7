import { openDB, type IDBPDatabase } from 'idb';
import type { UploadBlobStore } from '../../src/jobs/kinds/upload-blobs.ts';

const DATABASE = 'dpt-uploads';
const STORE = 'files';

export interface PageUploadStore {
  /** Stores the picked files; resolves with one key per file, in order. */
  put(files: readonly Blob[]): Promise<string[]>;
  remove(keys: readonly string[]): Promise<void>;
}

/**
 * The picked files of uploads, in the extension origin's IndexedDB. A page cannot send a Blob through runtime
 * messaging, but the popup and the background share this origin's databases: the page stores each file and sends
 * its key, the upload job reads the bytes chunk by chunk and deletes the file once its item is finished. A key
 * starts with the time it was stored, so the background can drop files a closed page stored but never sent.
 */
export function uploadBlobStore(now: () => number = Date.now): UploadBlobStore &
  PageUploadStore & {
    /** Deletes the stored files that no job holds and that are older than `graceMs` (a page may be sending them). */
    sweep(kept: ReadonlySet<string>, graceMs: number): Promise<void>;
  } {
  let db: Promise<IDBPDatabase> | undefined;
  const open = (): Promise<IDBPDatabase> =>
    (db ??= openDB(DATABASE, 1, {
      upgrade(database) {
        database.createObjectStore(STORE);
      },
    }).catch((error: unknown) => {
      db = undefined;
      throw error;
    }));
  const remove = async (keys: readonly string[]): Promise<void> => {
    if (keys.length === 0) return;
    const tx = (await open()).transaction(STORE, 'readwrite');
    await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
  };
  return {
    async put(files) {
      const keys = files.map(() => `${now()}-${crypto.randomUUID()}`);
      const tx = (await open()).transaction(STORE, 'readwrite');
      // Stored as a plain Blob: a File's name and date are sent with the command, not needed here.
      await Promise.all([
        ...files.map((file, i) => tx.store.put(new Blob([file], { type: file.type }), keys[i])),
        tx.done,
      ]);
      return keys;
    },
    async slice(key, start, end) {
      const blob = (await (await open()).get(STORE, key)) as Blob | undefined;
      return blob ? blob.slice(start, end) : null;
    },
    remove,
    async sweep(kept, graceMs) {
      const keys = (await (await open()).getAllKeys(STORE)).map(String);
      const old = keys.filter((key) => !kept.has(key) && now() - Number(key.split('-')[0]) > graceMs);
      await remove(old);
    },
  };
}

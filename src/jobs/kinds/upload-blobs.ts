/**
 * Where an upload job finds the bytes of the files the user picked. A page cannot send a Blob through runtime
 * messaging, so it stores each file in the extension's own IndexedDB and sends the keys; the background reads
 * the same store. The job kind gets this interface, so `src/` stays browser-free (tests pass a Map).
 */
export interface UploadBlobStore {
  /** Bytes [start, end) of a stored file, or null when it is no longer stored. */
  slice(key: string, start: number, end: number): Promise<Blob | null>;
  /** Deletes stored files (missing keys are fine). */
  remove(keys: readonly string[]): Promise<void>;
}

/** An in-memory store, for tests and for anything that has no IndexedDB. */
export function memoryBlobStore(blobs = new Map<string, Blob>()): UploadBlobStore & { blobs: Map<string, Blob> } {
  return {
    blobs,
    async slice(key, start, end) {
      return blobs.get(key)?.slice(start, end) ?? null;
    },
    async remove(keys) {
      for (const key of keys) blobs.delete(key);
    },
  };
}

/**
 * The storage port: `storage.local` / `storage.session` in the browser, a Map in tests. Values are cloned in
 * and out, as the browser's structured clone does, so no caller can change what another one reads.
 */
export interface StorageArea {
  /** `null` reads every item (only migrations do, once). */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export class MemoryStorageArea implements StorageArea {
  readonly data = new Map<string, unknown>();

  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const key of keys ?? [...this.data.keys()]) {
      if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }

  async remove(keys: string[]): Promise<void> {
    for (const key of keys) this.data.delete(key);
  }
}

/** Every area in memory: tests, and a worker that may not write to disk. */
export function memoryAreas(): { local: MemoryStorageArea; session: MemoryStorageArea; secure: MemoryStorageArea } {
  return { local: new MemoryStorageArea(), session: new MemoryStorageArea(), secure: new MemoryStorageArea() };
}

// Where a folder sits: its breadcrumb chain (section -> ... -> folder), the section (root) and the
// room that contains it. Cached per store version: every DTO needs it, and walking up per entry
// would repeat the same work a hundred times per page.
import type { FolderRecord, SandboxStore } from '../store.ts';

export interface Location {
  /** Section root first, the folder itself last. */
  chain: readonly FolderRecord[];
  root: FolderRecord;
  /** The room the folder is, or is inside of. */
  room: FolderRecord | undefined;
}

const caches = new WeakMap<SandboxStore, { version: number; byId: Map<number, Location | null> }>();

export function locate(store: SandboxStore, folderId: number): Location | undefined {
  let cache = caches.get(store);
  if (!cache || cache.version !== store.version) {
    cache = { version: store.version, byId: new Map() };
    caches.set(store, cache);
  }
  const hit = cache.byId.get(folderId);
  if (hit !== undefined) return hit ?? undefined;

  const chain: FolderRecord[] = [];
  let current = store.getFolder(folderId);
  while (current && chain.length < 64) {
    chain.unshift(current);
    if (current.parentId === 0) break;
    current = store.getFolder(current.parentId);
  }
  const root = chain[0];
  const location =
    root && root.parentId === 0 ? { chain, root, room: chain.find((f) => f.roomType !== undefined) } : null;
  cache.byId.set(folderId, location);
  return location ?? undefined;
}

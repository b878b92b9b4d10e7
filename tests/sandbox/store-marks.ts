// Per-user marks kept in the store: favourites (files and folders) and recently opened files.
// Entries in the Trash drop out of both lists, as on the server.
import type { SandboxStore } from './store.ts';
import type { EntryRecord, FileRecord } from './store-records.ts';

export function setFavorite(
  store: SandboxStore,
  userId: string,
  kind: EntryRecord['kind'],
  id: number,
  favorite: boolean,
): void {
  let set = store.favorites.get(userId);
  if (!set) store.favorites.set(userId, (set = new Set()));
  if (favorite) set.add(`${kind}:${id}`);
  else set.delete(`${kind}:${id}`);
  store.touch();
}

export function isFavorite(store: SandboxStore, userId: string, kind: EntryRecord['kind'], id: number): boolean {
  return store.favorites.get(userId)?.has(`${kind}:${id}`) ?? false;
}

export function favoriteEntries(store: SandboxStore, userId: string): EntryRecord[] {
  const out: EntryRecord[] = [];
  for (const key of store.favorites.get(userId) ?? []) {
    const [kind, raw] = key.split(':');
    const entry = kind === 'folder' ? store.folders.get(Number(raw)) : store.files.get(Number(raw));
    if (entry && !store.isTrashed(entry)) out.push(entry);
  }
  return out;
}

export function markOpened(store: SandboxStore, userId: string, fileId: number, when: Date): void {
  let map = store.recent.get(userId);
  if (!map) store.recent.set(userId, (map = new Map()));
  map.set(fileId, when);
  store.touch();
}

export function removeRecent(store: SandboxStore, userId: string, fileIds: readonly number[]): void {
  const map = store.recent.get(userId);
  if (!map) return;
  for (const id of fileIds) map.delete(id);
  store.touch();
}

export function lastOpened(store: SandboxStore, userId: string, fileId: number): Date | undefined {
  return store.recent.get(userId)?.get(fileId);
}

export function recentFiles(store: SandboxStore, userId: string): FileRecord[] {
  const out: FileRecord[] = [];
  for (const fileId of store.recent.get(userId)?.keys() ?? []) {
    const file = store.files.get(fileId);
    if (file && !store.isTrashed(file)) out.push(file);
  }
  return out;
}

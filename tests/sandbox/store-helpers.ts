// Pure helpers of the store: hashing, the child indexes' list operations, folder statistics and
// the server's "Name (1).ext" rule. No state here; store.ts owns it.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { SandboxStore } from './store.ts';
import type { EntryRecord, FileRecord, FolderStats, StoreCounts } from './store-records.ts';

export const EMPTY_IDS: readonly number[] = Object.freeze([]);

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function pushChild(index: Map<number, number[]>, parentId: number, childId: number): void {
  const list = index.get(parentId);
  if (list) list.push(childId);
  else index.set(parentId, [childId]);
}

export function removeChild(index: Map<number, number[]>, parentId: number, childId: number): void {
  const list = index.get(parentId);
  if (!list) return;
  const at = list.indexOf(childId);
  if (at !== -1) list.splice(at, 1);
}

export function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** What the statistics walk needs of the store. */
export interface StatsSource {
  folderIds(): Iterable<number>;
  childFileIds(folderId: number): readonly number[];
  childFolderIds(folderId: number): readonly number[];
  fileSize(fileId: number): number;
}

/** Recursive file/folder counts and byte totals of every folder. */
export function computeFolderStats(source: StatsSource): Map<number, FolderStats> {
  const stats = new Map<number, FolderStats>();
  const visit = (folderId: number): FolderStats => {
    const cached = stats.get(folderId);
    if (cached) return cached;
    const own: FolderStats = { filesCount: 0, foldersCount: 0, bytes: 0 };
    for (const fileId of source.childFileIds(folderId)) {
      own.filesCount++;
      own.bytes += source.fileSize(fileId);
    }
    for (const childId of source.childFolderIds(folderId)) {
      const child = visit(childId);
      own.foldersCount += 1 + child.foldersCount;
      own.filesCount += child.filesCount;
      own.bytes += child.bytes;
    }
    stats.set(folderId, own);
    return own;
  };
  for (const id of source.folderIds()) visit(id);
  return stats;
}

/** Global.GetAvailableTitleAsync: "Name.ext" → "Name (1).ext" → "Name (2).ext" … (folders: no extension split). */
export function nextAvailableTitle(title: string, kind: EntryRecord['kind'], exists: (t: string) => boolean): string {
  if (!exists(title)) return title;
  const dot = kind === 'file' ? title.lastIndexOf('.') : -1;
  const stem = dot > 0 ? title.slice(0, dot) : title;
  const ext = dot > 0 ? title.slice(dot) : '';
  for (let n = 1; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

/** Counters for GET /__sandbox/state. */
export function storeCounts(store: SandboxStore): StoreCounts {
  let rooms = 0;
  let archivedRooms = 0;
  let trashed = 0;
  for (const folder of store.folders.values()) {
    if (folder.roomType !== undefined) {
      if (folder.parentId === store.portalSections.archive) archivedRooms++;
      else rooms++;
    }
    if (folder.trash) trashed++;
  }
  for (const file of store.files.values()) if (file.trash) trashed++;
  return {
    users: store.users.size,
    apiKeys: store.apiKeys.size,
    sessions: store.sessions.size,
    entries: store.folders.size + store.files.size,
    folders: store.folders.size,
    files: store.files.size,
    rooms,
    archivedRooms,
    trashed,
  };
}

/** The content of a new version of a file (addFileVersion). */
export interface NextVersion {
  size: number;
  content?: Buffer;
  comment?: string;
  userId: string;
  now: Date;
  title?: string;
}

/** Keeps the current content as an old version (FileRecord.history) and makes `next` current. */
export function pushVersion(file: FileRecord, next: NextVersion): void {
  (file.history ??= []).push({
    version: file.version,
    versionGroup: file.versionGroup,
    title: file.title,
    size: file.size,
    createdBy: file.updatedBy,
    created: file.updated,
    ...(file.comment !== undefined ? { comment: file.comment } : {}),
    ...(file.content !== undefined ? { content: file.content } : {}),
  });
  file.version++;
  file.versionGroup++;
  file.size = next.size;
  if (next.title !== undefined) file.title = next.title;
  if (next.content !== undefined) file.content = next.content;
  else delete file.content;
  if (next.comment !== undefined) file.comment = next.comment;
  else delete file.comment;
  file.updatedBy = next.userId;
  file.updated = next.now;
}

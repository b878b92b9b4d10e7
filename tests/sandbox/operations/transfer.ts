// Move, copy and duplicate with DocSpace's rules (FileMoveCopyOperation: Skip keeps the existing
// item, Overwrite stores a new version of it, Duplicate gives "Name (1).ext"; folders with the same
// name are merged; FileDuplicateOperation for "duplicate"), each step recorded in the history.
import { locate } from '../dto/locate.ts';
import { FolderType } from '../enums.ts';
import { fileBytes } from '../file-content.ts';
import type { EntryRecord, FileRecord, FolderRecord, SandboxStore } from '../store.ts';
import { HistoryAction, recordEntryEvent, recordFileEvent, recordTransfer } from '../history/record.ts';
import {
  areaOfEntry,
  canModify,
  ConflictResolveType,
  historyOf,
  isRoom,
  isSection,
  MESSAGES,
  stamp,
} from './actions.ts';
import type { Actor } from './actions.ts';

/** Ancestors of a folder, itself included (for the "into its own subfolder" check). */
export function chainIds(store: SandboxStore, folderId: number): number[] {
  return locate(store, folderId)?.chain.map((f) => f.id) ?? [];
}

function copyFileInto(actor: Actor, file: FileRecord, dest: FolderRecord, title: string): FileRecord {
  const content = fileBytes(file);
  return actor.store.addFile({
    folderId: dest.id,
    title,
    size: file.size,
    version: 1,
    versionGroup: 1,
    ...(file.isForm ? { isForm: true } : {}),
    ...(file.content ? { content: Buffer.from(content) } : {}),
    ...stamp(actor),
  });
}

function copyFolderInto(actor: Actor, folder: FolderRecord, dest: FolderRecord, title: string): FolderRecord {
  const { id: _id, kind: _kind, trash: _trash, parentId: _parentId, ...rest } = folder;
  const copy = actor.store.addFolder({ ...rest, tags: [...folder.tags], parentId: dest.id, title, ...stamp(actor) });
  for (const child of actor.store.childFoldersOf(folder.id)) copyFolderInto(actor, child, copy, child.title);
  for (const file of actor.store.childFilesOf(folder.id)) copyFileInto(actor, file, copy, file.title);
  return copy;
}

/** Restoring from the Trash clears the trash mark. */
function clearTrash(entry: EntryRecord): void {
  delete entry.trash;
}

export interface StepResult {
  /** "file_12" / "folder_7": the resulting entry, as the operation's Result. */
  result?: string;
  error?: string;
}

/** Moves or copies one file (FileMoveCopyOperation.MoveOrCopyFilesAsync). */
export function moveCopyFile(
  actor: Actor,
  file: FileRecord,
  dest: FolderRecord,
  copy: boolean,
  resolve: ConflictResolveType,
): StepResult {
  const { store } = actor;
  if (!copy && !canModify(store, file) && areaOfEntry(store, file) !== 'trash') return { error: MESSAGES.moveFile };
  const sameFolder = file.folderId === dest.id;
  const conflict = resolve === ConflictResolveType.Duplicate ? undefined : store.childFileByTitle(dest.id, file.title);
  if (!conflict) {
    const from = store.getFolder(file.folderId);
    if (copy) {
      const created = copyFileInto(actor, file, dest, store.availableTitle(dest.id, file.title, 'file'));
      if (from) recordTransfer(historyOf(actor), HistoryAction.FileCopied, created, from);
      return { result: `file_${created.id}` };
    }
    if (sameFolder) return { result: `file_${file.id}` };
    file.title = store.availableTitle(dest.id, file.title, 'file');
    clearTrash(file);
    store.moveFile(file, dest.id);
    if (from) recordTransfer(historyOf(actor), HistoryAction.FileMoved, file, from);
    return { result: `file_${file.id}` };
  }
  if (conflict.id === file.id) return copy && resolve === ConflictResolveType.Skip ? {} : { result: `file_${file.id}` };
  if (resolve === ConflictResolveType.Skip) return {};
  // Overwrite: the existing file gets the moved/copied content as a new version.
  const content = fileBytes(file);
  store.addFileVersion(conflict, {
    size: file.size,
    ...(file.content ? { content: Buffer.from(content) } : {}),
    comment: MESSAGES.commentOverwrite,
    userId: actor.user.id,
    now: actor.now,
  });
  recordFileEvent(historyOf(actor), HistoryAction.FileUploadedWithOverwriting, conflict);
  if (!copy) store.deleteFile(file.id);
  return { result: `file_${conflict.id}` };
}

/** Moves or copies one folder; a same-named folder in the destination is merged into. */
export function moveCopyFolder(
  actor: Actor,
  folder: FolderRecord,
  dest: FolderRecord,
  copy: boolean,
  resolve: ConflictResolveType,
): StepResult {
  const { store } = actor;
  if (isSection(folder)) return { error: copy ? MESSAGES.securityException : MESSAGES.moveFolder };
  if (chainIds(store, dest.id).includes(folder.id)) return { error: MESSAGES.folderCopyError };
  if (!copy && !canModify(store, folder) && !isRoom(folder) && areaOfEntry(store, folder) !== 'trash')
    return { error: MESSAGES.moveFolder };
  const sameParent = folder.parentId === dest.id;
  if (sameParent && resolve !== ConflictResolveType.Duplicate && !copy) return { result: `folder_${folder.id}` };

  if (isRoom(folder)) {
    // Archive / unarchive (and room copies): rooms are never merged.
    if (copy) {
      const created = copyFolderInto(actor, folder, dest, store.availableTitle(dest.id, folder.title, 'folder'));
      return { result: `folder_${created.id}` };
    }
    store.moveFolder(folder, dest.id);
    if (dest.folderType === FolderType.Archive) folder.pinned = false;
    const archived = dest.folderType === FolderType.Archive;
    recordEntryEvent(historyOf(actor), archived ? HistoryAction.RoomArchived : HistoryAction.RoomUnarchived, folder);
    return { result: `folder_${folder.id}` };
  }

  const conflict =
    resolve === ConflictResolveType.Duplicate && !sameParent
      ? undefined
      : store.childFolderByTitle(dest.id, folder.title);
  if (conflict && conflict.id !== folder.id) {
    if (resolve === ConflictResolveType.Duplicate) {
      const created = copy
        ? copyFolderInto(actor, folder, dest, store.availableTitle(dest.id, folder.title, 'folder'))
        : (() => {
            folder.title = store.availableTitle(dest.id, folder.title, 'folder');
            clearTrash(folder);
            store.moveFolder(folder, dest.id);
            return folder;
          })();
      return { result: `folder_${created.id}` };
    }
    // Merge the contents into the existing folder, resolving conflicts item by item.
    for (const child of [...store.childFoldersOf(folder.id)]) moveCopyFolder(actor, child, conflict, copy, resolve);
    for (const file of [...store.childFilesOf(folder.id)]) moveCopyFile(actor, file, conflict, copy, resolve);
    if (!copy && store.childFolderIds(folder.id).length === 0 && store.childFileIds(folder.id).length === 0)
      store.deleteFolderTree(folder.id);
    return { result: `folder_${conflict.id}` };
  }
  const from = store.getFolder(folder.parentId);
  if (copy) {
    const created = copyFolderInto(actor, folder, dest, store.availableTitle(dest.id, folder.title, 'folder'));
    if (from) recordTransfer(historyOf(actor), HistoryAction.FolderCopied, created, from);
    return { result: `folder_${created.id}` };
  }
  clearTrash(folder);
  store.moveFolder(folder, dest.id);
  if (from) recordTransfer(historyOf(actor), HistoryAction.FolderMoved, folder, from);
  return { result: `folder_${folder.id}` };
}

/** Duplicate (FileDuplicateOperation): a copy beside the original, "Name (1).ext". */
export function duplicateEntry(actor: Actor, entry: EntryRecord): StepResult {
  const { store } = actor;
  if (areaOfEntry(store, entry) !== 'live' || (entry.kind === 'folder' && isSection(entry)))
    return { error: MESSAGES.securityException };
  const parentId = entry.kind === 'file' ? entry.folderId : entry.parentId;
  const parent = store.getFolder(parentId);
  if (!parent) return { error: MESSAGES.folderNotFound };
  if (entry.kind === 'file') {
    const created = copyFileInto(actor, entry, parent, store.availableTitle(parent.id, entry.title, 'file'));
    return { result: `file_${created.id}` };
  }
  const created = copyFolderInto(actor, entry, parent, store.availableTitle(parent.id, entry.title, 'folder'));
  if (isRoom(created)) {
    // A duplicated room starts unpinned; its history starts with RoomCopied.
    created.pinned = false;
    recordEntryEvent(historyOf(actor), HistoryAction.RoomCopied, created);
  }
  return { result: `folder_${created.id}` };
}

/** Conflicting entries of a move/copy: same-named files (and folders) already in the destination. */
export function conflictsIn(
  store: SandboxStore,
  dest: FolderRecord,
  files: readonly FileRecord[],
  folders: readonly FolderRecord[],
): EntryRecord[] {
  const out: EntryRecord[] = [];
  for (const file of files) {
    const existing = store.childFileByTitle(dest.id, file.title);
    if (existing && existing.id !== file.id) out.push(existing);
  }
  for (const folder of folders) {
    const existing = store.childFolderByTitle(dest.id, folder.title);
    if (!existing || existing.id === folder.id) continue;
    // Merging folders: their same-named files conflict.
    out.push(...conflictsIn(store, existing, store.childFilesOf(folder.id), store.childFoldersOf(folder.id)));
  }
  return out;
}

// What the write endpoints and the long operations do to the store, with DocSpace's rules: where
// entries may be created, Trash semantics (delete moves to the caller's Trash, deleting from the
// Trash or `immediately` removes for good), and move/copy with conflict resolution
// (FileMoveCopyOperation: Skip keeps the existing item, Overwrite stores a new version of it,
// Duplicate gives "Name (1).ext"; folders with the same name are merged).
import { randomBytes, randomUUID } from 'node:crypto';
import { locate } from '../dto/locate.ts';
import { FolderType, ROOM_FOLDER_TYPE } from '../enums.ts';
import type { RoomType } from '../enums.ts';
import { fileBytes } from '../file-content.ts';
import type { EntryRecord, FileRecord, FolderRecord, SandboxStore, UserRecord } from '../store.ts';
import { removeRecent } from '../store-marks.ts';

export interface Actor {
  store: SandboxStore;
  user: UserRecord;
  now: Date;
}

/** FileConflictResolveType (written as names in JSON; 0/1/2 accepted). */
export const ConflictResolveType = { Skip: 0, Overwrite: 1, Duplicate: 2 } as const;
export type ConflictResolveType = (typeof ConflictResolveType)[keyof typeof ConflictResolveType];

/** FilesCommonResource messages the operations and endpoints use. */
export const MESSAGES = {
  fileNotFound: 'The required file was not found',
  folderNotFound: 'The required folder was not found',
  securityException: "You don't have enough permission to perform the operation",
  create: "You don't have enough permission to create",
  moveFolder: "You don't have enough permission to move the folder",
  moveFile: "You don't have enough permission to move the file",
  deleteFile: "You don't have enough permission to delete the file",
  deleteFolder: "You don't have enough permission to delete the folder",
  folderCopyError: 'You cannot copy the folder to its subfolder',
  renameFile: "You don't have enough permission to rename the file",
  renameFolder: "You don't have enough permission to rename the folder",
  editRoom: "You don't have permission to edit the room",
  updateArchivedRoom: 'You cannot edit archived rooms',
  invalidTitle: 'Incorrect title',
  manyDownloads: 'Too many downloads.',
  commentOverwrite: 'Overwritten',
  commentUpload: 'Uploaded',
  commentCreate: 'Created',
} as const;

const VIRTUAL_SECTIONS = new Set<number>([FolderType.Favorites, FolderType.Recent, FolderType.SHARE]);

export type Area = 'live' | 'trash' | 'archive';

export function areaOfEntry(store: SandboxStore, entry: EntryRecord): Area | undefined {
  const where = locate(store, entry.kind === 'file' ? entry.folderId : entry.id);
  if (!where) return undefined;
  if (where.root.folderType === FolderType.TRASH) return 'trash';
  if (where.root.folderType === FolderType.Archive) return 'archive';
  return 'live';
}

export function isSection(folder: FolderRecord): boolean {
  return folder.parentId === 0;
}

export function isRoom(folder: FolderRecord): boolean {
  return folder.roomType !== undefined;
}

/** FileSecurity.CanCreate for folders and files (rooms are created in the Rooms section only). */
export function canCreateIn(store: SandboxStore, folder: FolderRecord): boolean {
  if (VIRTUAL_SECTIONS.has(folder.folderType)) return false;
  if (
    folder.folderType === FolderType.VirtualRooms ||
    folder.folderType === FolderType.Archive ||
    folder.folderType === FolderType.TRASH
  )
    return false;
  return areaOfEntry(store, folder) === 'live';
}

/** Rename, move away, delete: live entries that are not sections. */
export function canModify(store: SandboxStore, entry: EntryRecord): boolean {
  if (entry.kind === 'folder' && isSection(entry)) return false;
  return areaOfEntry(store, entry) === 'live';
}

/** Global.ReplaceInvalidCharsAndTruncate: strips characters invalid in titles. */
export function cleanTitle(title: string): string {
  let out = '';
  for (const ch of title) out += ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch;
  return out.trim();
}

function stamp(actor: Actor): Pick<EntryRecord, 'createdBy' | 'created' | 'updatedBy' | 'updated'> {
  return { createdBy: actor.user.id, created: actor.now, updatedBy: actor.user.id, updated: actor.now };
}

const FOLDER_DEFAULTS = {
  tags: [],
  pinned: false,
  isPrivate: false,
  indexing: false,
  denyDownload: false,
  mute: false,
  shared: false,
};

export function createFolder(actor: Actor, parent: FolderRecord, title: string): FolderRecord {
  return actor.store.addFolder({
    parentId: parent.id,
    title,
    folderType: FolderType.DEFAULT,
    ...FOLDER_DEFAULTS,
    ...stamp(actor),
  });
}

export function createRoom(
  actor: Actor,
  input: {
    title: string;
    roomType: RoomType;
    tags: string[];
    color?: string;
    isPrivate: boolean;
    indexing: boolean;
    denyDownload: boolean;
  },
): FolderRecord {
  const { rooms } = actor.store.portalSections;
  for (const tag of input.tags) actor.store.addCustomTag(tag, actor.user.id, actor.now);
  return actor.store.addFolder({
    parentId: rooms,
    title: input.title,
    folderType: ROOM_FOLDER_TYPE[input.roomType],
    roomType: input.roomType,
    ...FOLDER_DEFAULTS,
    tags: [...input.tags],
    isPrivate: input.isPrivate,
    indexing: input.indexing,
    denyDownload: input.denyDownload,
    shared: input.roomType === 6,
    ...(input.color !== undefined ? { color: input.color } : {}),
    ...stamp(actor),
  });
}

/** CreateRoomAsync: a public room gets a primary "Shared link" (Read), a form-filling room a primary
 *  "Link to fill out" (FillForms). */
export function addDefaultRoomLink(actor: Actor, room: FolderRecord, fixed?: { id: string; key: string }): void {
  const fillForms = room.folderType === FolderType.FillingFormsRoom;
  if (room.folderType !== FolderType.PublicRoom && !fillForms) return;
  actor.store.addShareLink({
    id: fixed?.id ?? randomUUID(),
    key: fixed?.key ?? randomBytes(12).toString('base64url'),
    entryKind: 'folder',
    entryId: room.id,
    title: fillForms ? 'Link to fill out' : 'Shared link',
    access: fillForms ? 7 : 2,
    primary: true,
    internal: false,
    denyDownload: false,
    linkType: 1,
    expirationDate: null,
    createdBy: actor.user.id,
    created: actor.now,
  });
}

export function createFile(
  actor: Actor,
  folder: FolderRecord,
  title: string,
  content: Buffer,
  comment: string = MESSAGES.commentCreate,
): FileRecord {
  return actor.store.addFile({
    folderId: folder.id,
    title,
    size: content.length,
    version: 1,
    versionGroup: 1,
    comment,
    content,
    ...stamp(actor),
  });
}

/** Uploads `content` as `title` into `folder`: a new version of a same-named file unless
 *  `createNewIfExist`, then "Name (1).ext" (FileUploader.VerifyFileUploadAsync). */
export function uploadFile(
  actor: Actor,
  folder: FolderRecord,
  title: string,
  content: Buffer,
  createNewIfExist: boolean,
): FileRecord {
  const existing = actor.store.childFileByTitle(folder.id, title);
  if (existing && !createNewIfExist) {
    return actor.store.addFileVersion(existing, {
      size: content.length,
      content,
      comment: MESSAGES.commentUpload,
      userId: actor.user.id,
      now: actor.now,
    });
  }
  const name = existing ? actor.store.availableTitle(folder.id, title, 'file') : title;
  return createFile(actor, folder, name, content, MESSAGES.commentUpload);
}

// ---- delete ----

/** Moves an entry to the caller's Trash, remembering where it came from. */
export function trashEntry(actor: Actor, entry: EntryRecord): void {
  const trashId = actor.user.sections.trash;
  const originParentId = entry.kind === 'file' ? entry.folderId : entry.parentId;
  entry.trash = { originParentId, trashedAt: actor.now };
  if (entry.kind === 'file') {
    actor.store.moveFile(entry, trashId);
    removeRecent(actor.store, actor.user.id, [entry.id]);
  } else {
    actor.store.moveFolder(entry, trashId);
  }
}

/** One delete step (FileDeleteOperation): to Trash, or for good from the Trash / when `immediately`
 *  / for rooms. Returns an error message or undefined. */
export function deleteEntry(actor: Actor, entry: EntryRecord, immediately: boolean): string | undefined {
  const area = areaOfEntry(actor.store, entry);
  if (entry.kind === 'folder' && isSection(entry)) return MESSAGES.deleteFolder;
  if (entry.kind === 'folder' && isRoom(entry)) {
    actor.store.deleteFolderTree(entry.id);
    return undefined;
  }
  if (area === 'archive') return entry.kind === 'file' ? MESSAGES.deleteFile : MESSAGES.deleteFolder;
  if (immediately || area === 'trash') {
    if (entry.kind === 'file') actor.store.deleteFile(entry.id);
    else actor.store.deleteFolderTree(entry.id);
    return undefined;
  }
  trashEntry(actor, entry);
  return undefined;
}

// ---- move / copy ----

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
    if (copy) {
      const created = copyFileInto(actor, file, dest, store.availableTitle(dest.id, file.title, 'file'));
      return { result: `file_${created.id}` };
    }
    if (sameFolder) return { result: `file_${file.id}` };
    file.title = store.availableTitle(dest.id, file.title, 'file');
    clearTrash(file);
    store.moveFile(file, dest.id);
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
  if (copy) {
    const created = copyFolderInto(actor, folder, dest, store.availableTitle(dest.id, folder.title, 'folder'));
    return { result: `folder_${created.id}` };
  }
  clearTrash(folder);
  store.moveFolder(folder, dest.id);
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

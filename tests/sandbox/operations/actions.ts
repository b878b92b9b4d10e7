// What the write endpoints and the long operations do to the store, with DocSpace's rules: where
// entries may be created, Trash semantics (delete moves to the caller's Trash, deleting from the
// Trash or `immediately` removes for good), and move/copy with conflict resolution
// (FileMoveCopyOperation: Skip keeps the existing item, Overwrite stores a new version of it,
// Duplicate gives "Name (1).ext"; folders with the same name are merged).
import { randomBytes, randomUUID } from 'node:crypto';
import { locate } from '../dto/locate.ts';
import { FolderType, ROOM_FOLDER_TYPE } from '../enums.ts';
import type { RoomType } from '../enums.ts';
import { HistoryAction, recordEntryEvent, recordFileEvent } from '../history/record.ts';
import type { HistoryContext } from '../history/record.ts';
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

/** Where a write's history event goes: the actor, at the actor's time. */
export function historyOf(actor: Actor): HistoryContext {
  return { store: actor.store, userId: actor.user.id, date: actor.now };
}

export function stamp(actor: Actor): Pick<EntryRecord, 'createdBy' | 'created' | 'updatedBy' | 'updated'> {
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
  const folder = actor.store.addFolder({
    parentId: parent.id,
    title,
    folderType: FolderType.DEFAULT,
    ...FOLDER_DEFAULTS,
    ...stamp(actor),
  });
  recordEntryEvent(historyOf(actor), HistoryAction.FolderCreated, folder);
  return folder;
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
  const room = actor.store.addFolder({
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
  recordEntryEvent(historyOf(actor), HistoryAction.RoomCreated, room);
  return room;
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
  action: number = HistoryAction.FileCreated,
): FileRecord {
  const file = actor.store.addFile({
    folderId: folder.id,
    title,
    size: content.length,
    version: 1,
    versionGroup: 1,
    comment,
    content,
    ...stamp(actor),
  });
  recordFileEvent(historyOf(actor), action, file);
  return file;
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
    const updated = actor.store.addFileVersion(existing, {
      size: content.length,
      content,
      comment: MESSAGES.commentUpload,
      userId: actor.user.id,
      now: actor.now,
    });
    recordFileEvent(historyOf(actor), HistoryAction.FileUploadedWithOverwriting, updated);
    return updated;
  }
  const name = existing ? actor.store.availableTitle(folder.id, title, 'file') : title;
  return createFile(actor, folder, name, content, MESSAGES.commentUpload, HistoryAction.FileUploaded);
}

// ---- delete ----

/** Moves an entry to the caller's Trash, remembering where it came from. */
export function trashEntry(actor: Actor, entry: EntryRecord): void {
  const trashId = actor.user.sections.trash;
  const originParentId = entry.kind === 'file' ? entry.folderId : entry.parentId;
  const action = entry.kind === 'file' ? HistoryAction.FileMovedToTrash : HistoryAction.FolderMovedToTrash;
  recordEntryEvent(historyOf(actor), action, entry);
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
    recordEntryEvent(
      historyOf(actor),
      entry.kind === 'file' ? HistoryAction.FileDeleted : HistoryAction.FolderDeleted,
      entry,
    );
    if (entry.kind === 'file') actor.store.deleteFile(entry.id);
    else actor.store.deleteFolderTree(entry.id);
    return undefined;
  }
  trashEntry(actor, entry);
  return undefined;
}

export { chainIds, conflictsIn, duplicateEntry, moveCopyFile, moveCopyFolder } from './transfer.ts';
export type { StepResult } from './transfer.ts';

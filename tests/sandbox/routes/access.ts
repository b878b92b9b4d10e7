// Looking entries up for the caller: ids that do not parse, entries that do not exist and entries in
// other users' personal sections (My documents, Trash, …) all answer 404, as the real server does
// for items the caller may not see.
import type { RequestContext } from '../context.ts';
import { locate } from '../dto/locate.ts';
import { FolderType } from '../enums.ts';
import { fileNotFound, folderNotFound } from '../errors.ts';
import type { FileRecord, FolderRecord, UserRecord } from '../store.ts';
import { currentUser, parseEntryId } from './common.ts';

const PERSONAL_SECTIONS = new Set<number>([
  FolderType.USER,
  FolderType.TRASH,
  FolderType.Favorites,
  FolderType.Recent,
  FolderType.SHARE,
]);

export function folderVisibleTo(ctx: RequestContext, folder: FolderRecord, user: UserRecord): boolean {
  const root = locate(ctx.store, folder.id)?.root;
  if (!root) return false;
  return !PERSONAL_SECTIONS.has(root.folderType) || Object.values(user.sections).includes(root.id);
}

export function findFolder(ctx: RequestContext, raw: string | number | undefined): FolderRecord | undefined {
  const id = typeof raw === 'number' ? raw : parseEntryId(raw);
  const folder = id === undefined ? undefined : ctx.store.getFolder(id);
  return folder && folderVisibleTo(ctx, folder, currentUser(ctx)) ? folder : undefined;
}

export function findFile(ctx: RequestContext, raw: string | number | undefined): FileRecord | undefined {
  const id = typeof raw === 'number' ? raw : parseEntryId(raw);
  const file = id === undefined ? undefined : ctx.store.getFile(id);
  const parent = file ? ctx.store.getFolder(file.folderId) : undefined;
  return file && parent && folderVisibleTo(ctx, parent, currentUser(ctx)) ? file : undefined;
}

export function requireFolder(ctx: RequestContext, raw: string | number | undefined): FolderRecord {
  const folder = findFolder(ctx, raw);
  if (!folder) throw folderNotFound();
  return folder;
}

export function requireFile(ctx: RequestContext, raw: string | number | undefined): FileRecord {
  const file = findFile(ctx, raw);
  if (!file) throw fileNotFound();
  return file;
}

/** A room (folder with a room type) in Rooms or Archive. */
export function requireRoom(ctx: RequestContext, raw: string | number | undefined): FolderRecord {
  const room = findFolder(ctx, raw);
  if (!room || room.roomType === undefined) throw folderNotFound();
  return room;
}

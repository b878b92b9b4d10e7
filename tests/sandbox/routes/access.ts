// Looking entries up for the caller: ids that do not parse, entries that do not exist, entries in
// other users' personal sections (My documents, Trash, …) not shared with the caller, and rooms the
// caller is not a member of all answer 404, as the real server does for items the caller may not
// see (members/access.ts has the rules).
import type { RequestContext } from '../context.ts';
import { fileNotFound, folderNotFound } from '../errors.ts';
import { entryVisibleTo } from '../members/access.ts';
import type { FileRecord, FolderRecord, UserRecord } from '../store.ts';
import { currentUser, parseEntryId } from './common.ts';

export function folderVisibleTo(ctx: RequestContext, folder: FolderRecord, user: UserRecord): boolean {
  return entryVisibleTo(ctx.store, user, folder);
}

export function findFolder(ctx: RequestContext, raw: string | number | undefined): FolderRecord | undefined {
  const id = typeof raw === 'number' ? raw : parseEntryId(raw);
  const folder = id === undefined ? undefined : ctx.store.getFolder(id);
  return folder && folderVisibleTo(ctx, folder, currentUser(ctx)) ? folder : undefined;
}

export function findFile(ctx: RequestContext, raw: string | number | undefined): FileRecord | undefined {
  const id = typeof raw === 'number' ? raw : parseEntryId(raw);
  const file = id === undefined ? undefined : ctx.store.getFile(id);
  return file && entryVisibleTo(ctx.store, currentUser(ctx), file) ? file : undefined;
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

/** What can be done to one entry: create, rename, mark, trash and restore, details, versions, links. */
import * as v from 'valibot';
import type { EntryId, EntryRef } from '../protocol/index.ts';
import type { Lane, Outcome } from '../scheduler/request-executor.ts';
import type { DocSpaceClient } from './client.ts';
import { fileDtoSchema, folderDtoSchema, pathPartSchema, type FileDto, type FolderDto } from './dto.ts';

const fileSchema = fileDtoSchema as v.GenericSchema<unknown, FileDto>;
const folderSchema = folderDtoSchema as v.GenericSchema<unknown, FolderDto>;
const anything = v.unknown();
const id = (value: EntryId) => encodeURIComponent(String(value));

export async function createFolder(
  client: DocSpaceClient,
  parentId: EntryId,
  title: string,
  options: { lane?: Lane; signal?: AbortSignal; checkOutcome?: () => Promise<Outcome<FolderDto>> } = {},
): Promise<FolderDto> {
  const call: Parameters<DocSpaceClient['call']>[1] = {
    method: 'POST',
    body: { title },
    schema: folderSchema,
    lane: options.lane ?? 'user',
  };
  if (options.signal) call.signal = options.signal;
  const check = options.checkOutcome;
  if (check) {
    call.checkOutcome = async () => {
      const outcome = await check();
      return outcome.happened
        ? { happened: true, value: { data: outcome.value, count: 1, total: undefined } }
        : { happened: false };
    };
  }
  return (await client.call(`/api/2.0/files/folder/${id(parentId)}`, call)).data as FolderDto;
}

/** An empty document, spreadsheet, presentation or PDF form, named with the extension that says which. */
export async function createFile(client: DocSpaceClient, folderId: EntryId, title: string): Promise<FileDto> {
  const { data } = await client.call(`/api/2.0/files/${id(folderId)}/file`, {
    method: 'POST',
    body: { title },
    schema: fileSchema,
    lane: 'user',
  });
  return data;
}

export interface RoomSpec {
  title: string;
  roomType: number;
  /** Hex without '#', six digits (CreateRoomRequestDto.Color is at most 6 characters). */
  color?: string | undefined;
  tags?: string[] | undefined;
}

export async function createRoom(client: DocSpaceClient, room: RoomSpec): Promise<FolderDto> {
  const body: Record<string, unknown> = { title: room.title, roomType: room.roomType };
  if (room.color) body.color = room.color;
  if (room.tags?.length) body.tags = room.tags;
  const { data } = await client.call('/api/2.0/files/rooms', {
    method: 'POST',
    body,
    schema: folderSchema,
    lane: 'user',
  });
  return data;
}

export async function renameEntry(client: DocSpaceClient, entry: EntryRef & { isRoom?: boolean }, title: string) {
  if (entry.kind === 'file') {
    const { data } = await client.call(`/api/2.0/files/file/${id(entry.id)}`, {
      method: 'PUT',
      body: { title, lastVersion: 0 },
      schema: fileSchema,
      lane: 'user',
      idempotent: true,
    });
    return data;
  }
  const path = entry.isRoom ? `/api/2.0/files/rooms/${id(entry.id)}` : `/api/2.0/files/folder/${id(entry.id)}`;
  const { data } = await client.call(path, {
    method: 'PUT',
    body: { title },
    schema: folderSchema,
    lane: 'user',
    idempotent: true,
  });
  return data;
}

function split(entries: readonly EntryRef[]): { fileIds: EntryId[]; folderIds: EntryId[] } {
  return {
    fileIds: entries.filter((e) => e.kind === 'file').map((e) => e.id),
    folderIds: entries.filter((e) => e.kind === 'folder').map((e) => e.id),
  };
}

/** Adds to or removes from Favorites; the same request twice leaves the same state, so it may be repeated. */
export async function setFavorite(
  client: DocSpaceClient,
  entries: readonly EntryRef[],
  favorite: boolean,
): Promise<void> {
  await client.call('/api/2.0/files/favorites', {
    method: favorite ? 'POST' : 'DELETE',
    body: split(entries),
    schema: anything,
    lane: 'user',
    idempotent: true,
  });
}

export async function pinRoom(client: DocSpaceClient, roomId: EntryId, pinned: boolean): Promise<FolderDto> {
  const { data } = await client.call(`/api/2.0/files/rooms/${id(roomId)}/${pinned ? 'pin' : 'unpin'}`, {
    method: 'PUT',
    schema: folderSchema,
    lane: 'user',
    idempotent: true,
  });
  return data;
}

export async function getFile(client: DocSpaceClient, fileId: EntryId): Promise<FileDto> {
  return (await client.call(`/api/2.0/files/file/${id(fileId)}`, { schema: fileSchema, lane: 'interactive' })).data;
}

export async function getFolder(client: DocSpaceClient, folderId: EntryId): Promise<FolderDto> {
  return (await client.call(`/api/2.0/files/folder/${id(folderId)}`, { schema: folderSchema, lane: 'interactive' }))
    .data;
}

export async function folderPath(client: DocSpaceClient, folderId: EntryId) {
  const { data } = await client.call(`/api/2.0/files/folder/${id(folderId)}/path`, {
    schema: v.array(pathPartSchema),
    lane: 'interactive',
  });
  return data;
}

/** Every version of a file, newest first. */
export async function fileVersions(client: DocSpaceClient, fileId: EntryId): Promise<FileDto[]> {
  const { data } = await client.call(`/api/2.0/files/file/${id(fileId)}/history`, {
    schema: v.array(fileSchema),
    lane: 'interactive',
  });
  return [...data].sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
}

/** Makes an older version the current one (as a new version, so nothing is lost). */
export async function restoreVersion(client: DocSpaceClient, fileId: EntryId, version: number): Promise<void> {
  await client.call(`/api/2.0/files/file/${id(fileId)}/restoreversion`, {
    method: 'POST',
    query: { version },
    schema: anything,
    lane: 'user',
  });
}

const shareSchema = v.looseObject({
  access: v.number(),
  sharedLink: v.optional(
    v.looseObject({
      id: v.string(),
      shareLink: v.string(),
      expirationDate: v.optional(v.string()),
      isExpired: v.optional(v.boolean()),
      primary: v.optional(v.boolean()),
    }),
  ),
});
export type ShareDto = v.InferOutput<typeof shareSchema>;

const linkBase = (entry: EntryRef & { isRoom?: boolean }) =>
  entry.kind === 'file'
    ? `/api/2.0/files/file/${id(entry.id)}`
    : entry.isRoom
      ? `/api/2.0/files/rooms/${id(entry.id)}`
      : `/api/2.0/files/folder/${id(entry.id)}`;

/** The entry's primary external link; the portal makes one when there is none. */
export async function primaryLink(client: DocSpaceClient, entry: EntryRef & { isRoom?: boolean }): Promise<ShareDto> {
  return (await client.call(`${linkBase(entry)}/link`, { schema: shareSchema, lane: 'interactive' })).data;
}

/** Changes a link's access level and expiry (FileShare; None revokes it). */
export async function updateLink(
  client: DocSpaceClient,
  entry: EntryRef & { isRoom?: boolean },
  link: { linkId: string; access: number; expirationDate: string | null },
): Promise<ShareDto> {
  const body: Record<string, unknown> = {
    linkId: link.linkId,
    access: link.access,
    expirationDate: link.expirationDate,
    internal: false,
  };
  // RoomLinkRequest names the link's type and has no "primary"; file and folder links are primary.
  if (entry.kind === 'folder' && entry.isRoom) body.linkType = 1;
  else body.primary = true;
  const { data } = await client.call(`${linkBase(entry)}/links`, {
    method: 'PUT',
    body,
    schema: shareSchema,
    lane: 'user',
    idempotent: true,
  });
  return data;
}

/** A URL that downloads the file without the account's credentials (a signed stream link of the portal). */
export async function presignedUrl(client: DocSpaceClient, fileId: EntryId): Promise<string> {
  return (
    await client.call(`/api/2.0/files/file/${id(fileId)}/presigneduri`, { schema: v.string(), lane: 'interactive' })
  ).data;
}

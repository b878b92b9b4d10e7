/** Maps DocSpace DTOs to the protocol's view model: only what the pages show, with server URLs checked. */
import type {
  Crumb,
  Entry,
  EntryLocation,
  EntryPermissions,
  FileEntry,
  FolderEntry,
  FolderPage,
  PortalId,
} from '../protocol/index.ts';
import type { FileDto, FolderContentDto, FolderDto } from './dto.ts';

/** A folder DocSpace says holds more than this is treated as holding what it sent (a hostile total). */
const MAX_TOTAL = 10_000_000;
/** A room colour is six hex digits (CreateRoomRequestDto); anything else is dropped. */
const HEX_COLOR = /^[0-9a-f]{6}$/i;

export function toFolderPage(
  dto: FolderContentDto,
  portalId: PortalId,
  origin: string,
  startIndex: number,
): FolderPage {
  const folders = dto.folders.map((folder) => toFolderEntry(folder, origin));
  const files = dto.files.map((file) => toFileEntry(file, origin));
  const entries: Entry[] = [...folders, ...files];
  // The page starts where we asked: a server that echoes another start (or a negative one) cannot move it.
  const first = startIndex;
  const next = first + entries.length;
  const total = Number.isSafeInteger(dto.total) && dto.total >= 0 && dto.total <= MAX_TOTAL ? dto.total : next;
  const folder = toCrumb(dto.current);
  const breadcrumbs = (dto.pathParts ?? []).map((part) => {
    const crumb: Crumb = { id: part.id, title: part.title, folderType: part.folderType ?? 0 };
    if (part.roomType !== undefined) crumb.roomType = part.roomType;
    return crumb;
  });
  return {
    portalId,
    folder,
    breadcrumbs: breadcrumbs.length > 0 ? breadcrumbs : [folder],
    entries,
    startIndex: first,
    total: Math.max(total, next),
    // An empty page before the reported total means the server will not give more; stop instead of looping.
    nextStartIndex: next < total && entries.length > 0 ? next : null,
    can: { create: dto.current.security?.['Create'] === true },
  };
}

function toCrumb(folder: FolderDto): Crumb {
  const crumb: Crumb = { id: folder.id, title: folder.title, folderType: folder.type ?? 0 };
  if (folder.roomType !== undefined) crumb.roomType = folder.roomType;
  return crumb;
}

function permissions(security: Record<string, boolean> | undefined): EntryPermissions {
  const allowed = (...actions: string[]) => actions.some((action) => security?.[action] === true);
  return {
    rename: allowed('Rename', 'EditRoom'),
    delete: allowed('Delete'),
    move: allowed('Move'),
    copy: allowed('Copy'),
    download: allowed('Download'),
    share: allowed('CopyLink', 'CopySharedLink', 'EditAccess', 'ReadLinks'),
    create: allowed('Create'),
  };
}

function location(dto: FileDto | FolderDto): EntryLocation | undefined {
  if (dto.originTitle === undefined && dto.originRoomTitle === undefined) return undefined;
  const place: EntryLocation = {};
  if (dto.originId !== undefined) place.folderId = dto.originId;
  if (dto.originTitle) place.folderTitle = dto.originTitle;
  if (dto.originRoomTitle && dto.originRoomTitle !== dto.originTitle) place.roomTitle = dto.originRoomTitle;
  return place;
}

/** The folder's page in the DocSpace web client, so a middle-click or "copy link" on a row does what it says. */
function folderWebUrl(folder: FolderDto, origin: string): string | null {
  return sameOriginUrl(
    `/rooms/shared/${encodeURIComponent(String(folder.id))}/filter?folder=${encodeURIComponent(String(folder.id))}`,
    origin,
  );
}

export function toFolderEntry(folder: FolderDto, origin: string): FolderEntry {
  const entry: FolderEntry = {
    kind: 'folder',
    id: folder.id,
    title: folder.title,
    folderType: folder.type ?? 0,
    updated: folder.updated ?? folder.created ?? '',
    author: folder.createdBy?.displayName ?? '',
    isFavorite: folder.isFavorite ?? false,
    pinned: folder.pinned ?? false,
    tags: folder.tags ?? [],
    can: permissions(folder.security),
    canPin: folder.security?.['Pin'] === true,
    webUrl: folderWebUrl(folder, origin),
  };
  if (folder.roomType !== undefined) entry.roomType = folder.roomType;
  if (folder.parentId !== undefined) entry.parentId = folder.parentId;
  const color = folder.logo?.color;
  if (color && HEX_COLOR.test(color)) entry.color = color.toLowerCase();
  if (folder.roomType !== undefined && sameOriginUrl(folder.logo?.medium, origin)) entry.hasLogo = true;
  const place = location(folder);
  if (place) entry.location = place;
  return entry;
}

export function toFileEntry(file: FileDto, origin: string): FileEntry {
  const entry: FileEntry = {
    kind: 'file',
    id: file.id,
    title: file.title,
    fileType: file.fileType ?? 0,
    extension: (file.fileExst ?? '').toLowerCase(),
    sizeBytes: file.pureContentLength ?? null,
    version: file.version ?? 1,
    updated: file.updated ?? file.created ?? '',
    author: file.createdBy?.displayName ?? '',
    webUrl: sameOriginUrl(file.webUrl, origin),
    isFavorite: file.isFavorite ?? false,
    can: permissions(file.security),
    hasThumbnail: file.thumbnailStatus === 1 && !!file.thumbnailUrl,
    locked: file.locked ?? false,
  };
  if (file.folderId !== undefined) entry.parentId = file.folderId;
  const place = location(file);
  if (place) entry.location = place;
  return entry;
}

/** A server-provided link is opened only if it is http(s) on the portal itself (never javascript:, never elsewhere). */
export function sameOriginUrl(candidate: string | undefined, origin: string): string | null {
  if (!candidate) return null;
  try {
    const url = new URL(candidate, origin);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin) return url.toString();
  } catch {
    // An unparseable URL is treated like a missing one.
  }
  return null;
}

/**
 * A page as a read-only sign-in may act on it: whatever the folder's security says, the credentials refuse
 * every write, so no write action is offered (the server would answer 403 with an empty body).
 */
export function withoutWrites(page: FolderPage): FolderPage {
  const off = { rename: false, delete: false, move: false, copy: false, share: false, create: false };
  return {
    ...page,
    readOnly: true,
    can: { create: false },
    entries: page.entries.map((entry) => ({ ...entry, can: { ...entry.can, ...off } })),
  };
}

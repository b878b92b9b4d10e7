// FileDto and FolderDto (docspace-api.md §4.4). Property order follows the server (most-derived
// class first: FileDto/FolderDto, then FileEntryDto<T>, then FileEntryBaseDto); nothing null is
// written. Serialized entries are cached as UTF-8 bytes per (store version, origin, user, view):
// a page of a hundred entries is then one Buffer.concat.
import { apiDate } from '../dates.ts';
import { FileEntryType, FileStatus, FileType, FolderType, Thumbnail } from '../enums.ts';
import { extensionOf, fileTypeOf, humanSize, opensInEditor, opensInMediaViewer } from '../file-kinds.ts';
import { PORTAL } from '../portal-config.ts';
import type { EntryRecord, FileRecord, FolderRecord, SandboxStore } from '../store.ts';
import { employeeDto } from './employee.ts';
import { locate } from './locate.ts';
import type { Location } from './locate.ts';
import { areaOf, fileSecurity, folderSecurity } from './security.ts';
import { entryAccess } from '../members/access.ts';
import { isFavorite, lastOpened } from '../store-marks.ts';

export interface DtoScope {
  store: SandboxStore;
  /** `http://host:port` of the request: all absolute URLs point back at the sandbox as addressed. */
  origin: string;
  userId: string;
}

/** `origin`: listed outside its home (Recent, Favorites): adds originId/originTitle/originRoom*. */
export type EntryView = 'plain' | 'origin';

const DAY_MS = 86_400_000;

function date(d: Date): string {
  return apiDate(d, PORTAL.utcOffsetMinutes);
}

export function downloadUrl(origin: string, fileId: number): string {
  return `${origin}/filehandler.ashx?action=download&fileid=${fileId}`;
}

export function webUrlOf(origin: string, file: FileRecord): string {
  const type = fileTypeOf(file.title);
  if (opensInEditor(type)) return `${origin}/doceditor?fileid=${file.id}&version=${file.version}`;
  if (opensInMediaViewer(type)) return `${origin}/media/view/${file.id}`;
  return downloadUrl(origin, file.id);
}

function hasThumbnail(type: FileType): boolean {
  return opensInEditor(type) || type === FileType.Image;
}

function viewAccessibility(file: FileRecord, type: FileType): Record<string, boolean> {
  const editor = opensInEditor(type);
  return {
    ImageView: type === FileType.Image,
    MediaView: type === FileType.Video || type === FileType.Audio,
    WebView: editor,
    WebEdit: editor,
    WebReview: type === FileType.Document,
    WebCustomFilterEditing: type === FileType.Spreadsheet,
    WebRestrictedEditing: type === FileType.Pdf && file.isForm === true,
    WebComment: editor,
    CanConvert: editor,
    MustConvert: false,
  };
}

const LINK_RIGHTS = ['Editing', 'Review', 'Comment', 'Read', 'None'];

/** originId/originTitle/originRoomId/originRoomTitle (EntryManager.SetOriginsForRecentFileAsync):
 *  the room above the entry, and the nearest folder above it that is neither a room nor the Rooms
 *  section; the user's own My documents is titled "My documents". */
function originFields(scope: DtoScope, parentId: number): Record<string, unknown> {
  const chain = locate(scope.store, parentId)?.chain;
  if (!chain) return {};
  const room = chain.find((f) => f.roomType !== undefined);
  const folder = [...chain].reverse().find((f) => f.roomType === undefined && f.folderType !== FolderType.VirtualRooms);
  const mine = folder?.folderType === FolderType.USER && scope.store.users.get(scope.userId)?.sections.my === folder.id;
  return {
    originId: folder?.id,
    originRoomId: room?.id,
    originTitle: mine ? 'My documents' : folder?.title,
    originRoomTitle: room?.title,
  };
}

/** FileEntryDto.ownedBy: with a share record (room members, people a personal entry is shared
 *  with), the owner of the room or of the My documents it is in. */
function ownedBy(scope: DtoScope, where: Location): Record<string, unknown> | undefined {
  const ownerId = where.room
    ? where.room.createdBy
    : where.root.folderType === FolderType.USER &&
        !Object.values(scope.store.users.get(scope.userId)?.sections ?? {}).includes(where.root.id)
      ? where.root.createdBy
      : undefined;
  return ownerId ? employeeDto(scope.store.users.get(ownerId), scope.origin) : undefined;
}

/** External links of an entry: `shareSettings` counts and whether one is public (not internal). */
function linkSummary(
  store: SandboxStore,
  entry: EntryRecord,
): { settings?: Record<string, number>; external: boolean } {
  if (store.shareLinks.size === 0) return { external: false };
  let primary = 0;
  let other = 0;
  let external = false;
  for (const link of store.shareLinks.values()) {
    if (link.entryKind !== entry.kind || link.entryId !== entry.id || link.linkType !== 1) continue;
    if (link.primary) primary++;
    else other++;
    if (!link.internal) external = true;
  }
  if (primary + other === 0) return { external: false };
  return {
    settings: {
      ...(other > 0 ? { ExternalLink: other } : {}),
      ...(primary > 0 ? { PrimaryExternalLink: primary } : {}),
    },
    external,
  };
}

/** FileEntryBaseDto part shared by files and folders. */
function baseFields(
  scope: DtoScope,
  entry: EntryRecord,
  where: Location,
  isFavorite: boolean,
): Record<string, unknown> {
  const { store, origin } = scope;
  const room = where.room;
  const insideRoom = room !== undefined && room.id !== entry.id;
  const links = linkSummary(store, entry);
  return {
    title: entry.title,
    access: entryAccess(store, store.users.get(scope.userId), entry),
    shared: (entry.kind === 'folder' && entry.shared) || links.settings !== undefined,
    ownedBy: ownedBy(scope, where),
    sharedForUser: false,
    sharedExternal: links.external,
    parentShared: insideRoom ? room.shared : false,
    created: date(entry.created),
    createdBy: employeeDto(store.users.get(entry.createdBy), origin),
    updated: date(entry.updated),
    autoDelete: entry.trash
      ? date(new Date(entry.trash.trashedAt.getTime() + PORTAL.trashLifetimeDays * DAY_MS))
      : undefined,
    rootFolderType: where.root.folderType,
    parentRoomType: insideRoom ? room.folderType : undefined,
    updatedBy: employeeDto(store.users.get(entry.updatedBy), origin),
    isFavorite: isFavorite ? true : undefined,
    fileEntryType: entry.kind === 'folder' ? FileEntryType.Folder : FileEntryType.File,
  };
}

export function fileDto(
  scope: DtoScope,
  file: FileRecord,
  view: EntryView = 'plain',
): Record<string, unknown> | undefined {
  const where = locate(scope.store, file.folderId);
  if (!where) return undefined;
  const { store, origin, userId } = scope;
  const type = fileTypeOf(file.title);
  const area = areaOf(where.root.folderType);
  const favorite = isFavorite(store, userId, 'file', file.id);
  const opened = view === 'origin' ? lastOpened(store, userId, file.id) : undefined;
  const thumbnail = hasThumbnail(type);
  const origins = file.trash
    ? originFields(scope, file.trash.originParentId)
    : view === 'origin'
      ? originFields(scope, file.folderId)
      : {};
  const canShare = area === 'live';
  return {
    folderId: file.folderId,
    version: file.version,
    versionGroup: file.versionGroup,
    contentLength: humanSize(file.size),
    pureContentLength: file.size > 0 ? file.size : undefined,
    fileStatus: favorite ? FileStatus.IsFavorite : FileStatus.None,
    mute: false,
    viewUrl: downloadUrl(origin, file.id),
    webUrl: webUrlOf(origin, file),
    fileType: type,
    fileExst: extensionOf(file.title),
    comment: file.comment,
    thumbnailUrl: thumbnail
      ? `${origin}/filehandler.ashx?action=thumb&fileid=${file.id}&version=${file.version}&hash=${file.updated.getTime() % 1_000_000_007}`
      : undefined,
    thumbnailStatus: thumbnail ? Thumbnail.Created : Thumbnail.NotRequired,
    locked: file.lockedBy !== undefined ? true : undefined,
    lockedBy:
      file.lockedBy !== undefined && file.lockedBy !== userId ? store.users.get(file.lockedBy)?.displayName : undefined,
    isForm: type === FileType.Pdf ? file.isForm === true : undefined,
    viewAccessibility: viewAccessibility(file, type),
    availableShareRights: canShare ? { ExternalLink: LINK_RIGHTS, PrimaryExternalLink: LINK_RIGHTS } : undefined,
    lastOpened: opened ? date(opened) : undefined,
    id: file.id,
    rootFolderId: where.root.id,
    ...origins,
    canShare,
    shareSettings: linkSummary(store, file).settings,
    security: fileSecurity(file, area),
    ...baseFields(scope, file, where, favorite),
  };
}

/**
 * RoomLogoDto: a room with an uploaded logo gets its sizes as portal-relative paths with a cache hash (as
 * RoomLogoManager writes them); one without gets empty strings and its colour.
 */
function logoOf(folder: FolderRecord): Record<string, string> {
  const color = folder.color ?? '5299E0';
  if (!folder.logo) return { original: '', large: '', medium: '', small: '', color };
  const path = (size: string) =>
    `/storage/room_logos/root/${folder.id}_${size}.png?hash=${folder.updated.getTime() % 1_000_000_007}`;
  return { original: path('orig'), large: path('large'), medium: path('medium'), small: path('small'), color };
}

export function folderDto(
  scope: DtoScope,
  folder: FolderRecord,
  view: EntryView = 'plain',
): Record<string, unknown> | undefined {
  const where = locate(scope.store, folder.id);
  if (!where) return undefined;
  const { store, userId } = scope;
  const stats = store.folderStats(folder.id);
  const room = folder.roomType !== undefined;
  const section = folder.parentId === 0;
  const area = areaOf(where.root.folderType);
  const favorite = isFavorite(store, userId, 'folder', folder.id);
  const origins = folder.trash
    ? originFields(scope, folder.trash.originParentId)
    : view === 'origin' && !section
      ? originFields(scope, folder.parentId)
      : {};
  return {
    parentId: folder.parentId,
    filesCount: stats.filesCount,
    foldersCount: stats.foldersCount,
    new: 0,
    mute: folder.mute,
    tags: room ? folder.tags : undefined,
    logo: room ? logoOf(folder) : undefined,
    pinned: room ? folder.pinned : undefined,
    roomType: folder.roomType,
    private: folder.isPrivate,
    indexing: folder.indexing,
    denyDownload: folder.denyDownload,
    lifetime: folder.lifetime,
    watermark: folder.watermark,
    usedSpace: room ? stats.bytes : undefined,
    type: folder.folderType,
    id: folder.id,
    rootFolderId: where.root.id,
    ...origins,
    canShare: area === 'live' && !section,
    shareSettings: linkSummary(store, folder).settings,
    security: folderSecurity(folder, area),
    ...baseFields(scope, folder, where, favorite),
  };
}

// ---- serialized-entry cache ----

interface JsonCache {
  version: number;
  byScope: Map<string, Map<string, Buffer>>;
}

const jsonCaches = new WeakMap<SandboxStore, JsonCache>();
const MAX_SCOPES = 16;

function scopeCache(scope: DtoScope): Map<string, Buffer> {
  let cache = jsonCaches.get(scope.store);
  if (!cache || cache.version !== scope.store.version) {
    cache = { version: scope.store.version, byScope: new Map() };
    jsonCaches.set(scope.store, cache);
  }
  const key = `${scope.origin}\n${scope.userId}`;
  let entries = cache.byScope.get(key);
  if (!entries) {
    if (cache.byScope.size >= MAX_SCOPES) cache.byScope.clear();
    entries = new Map();
    cache.byScope.set(key, entries);
  }
  return entries;
}

export type EntryJson = (entry: EntryRecord, view?: EntryView) => Buffer | undefined;

/** An entry serializer bound to one scope: DTOs as UTF-8 JSON, from cache while the store is unchanged.
 *  Bind once per request; the lookup of the scope's cache is then paid once, not per entry. */
export function entryJsonFor(scope: DtoScope): EntryJson {
  const cache = scopeCache(scope);
  return (entry, view = 'plain') => {
    const key = `${entry.kind === 'file' ? 'f' : 'd'}${entry.id}${view === 'origin' ? 'o' : ''}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const dto = entry.kind === 'file' ? fileDto(scope, entry, view) : folderDto(scope, entry, view);
    if (!dto) return undefined;
    const json = Buffer.from(JSON.stringify(dto), 'utf8');
    cache.set(key, json);
    return json;
  };
}

/** pathParts element: `{id,title,roomType?,folderType}`. */
export function pathPart(folder: FolderRecord): Record<string, unknown> {
  return { id: folder.id, title: folder.title, roomType: folder.roomType, folderType: folder.folderType };
}

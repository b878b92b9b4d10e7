import * as v from 'valibot';
import type { EntryId, PortalId } from './common.ts';
import { command, entryIdSchema, pageRequestEntries, portalIdSchema, text } from './define.ts';

export type SectionId = 'rooms' | 'my' | 'shared' | 'recent' | 'favorites' | 'trash';
const sectionSchema = v.picklist(['my', 'shared', 'recent', 'favorites', 'trash']);

export type SortBy = 'name' | 'modified' | 'size' | 'type';
export type SortOrder = 'ascending' | 'descending';
export interface Sort {
  by: SortBy;
  order: SortOrder;
}

export interface Crumb {
  id: EntryId;
  title: string;
  folderType: number;
  roomType?: number;
}

/** What the signed-in account may do with an entry (from its `security` map). */
export interface EntryPermissions {
  rename: boolean;
  delete: boolean;
  move: boolean;
  copy: boolean;
  download: boolean;
  share: boolean;
  /** A folder or room the account may put files into (drop target of an upload). */
  create?: boolean;
}

/** Where an entry listed outside its folder lives (search results, Recent, Favorites, Trash). */
export interface EntryLocation {
  folderId?: EntryId;
  folderTitle?: string;
  roomTitle?: string;
}

interface EntryCommon {
  id: EntryId;
  title: string;
  updated: string;
  /** Who made it, as DocSpace names them. */
  author: string;
  isFavorite: boolean;
  can: EntryPermissions;
  location?: EntryLocation;
  /** The folder the entry is in (FileDto.folderId, FolderDto.parentId): where an undo of its trashing puts it. */
  parentId?: EntryId;
  /**
   * The entry in the DocSpace web client: the editor or viewer of a file, the folder's page; checked by the
   * background to be an http(s) URL on the portal's own origin, or null.
   */
  webUrl: string | null;
}

export interface FolderEntry extends EntryCommon {
  kind: 'folder';
  folderType: number;
  /** Present for rooms only (1 form filling, 2 collaboration, 5 custom, 6 public, 8 virtual data room). */
  roomType?: number;
  /** A room's colour (hex, no '#'), as DocSpace draws its tile. */
  color?: string;
  /** The room has an uploaded logo (`thumbnail` with `kind: 'room'` fetches it); its tile is drawn meanwhile. */
  hasLogo?: boolean;
  pinned: boolean;
  tags: string[];
  /** Rooms: the account may pin them, edit them. */
  canPin: boolean;
}

export interface FileEntry extends EntryCommon {
  kind: 'file';
  /** DocSpace FileType: 0 unknown, 1 archive, 2 video, 3 audio, 4 image, 5 spreadsheet, 6 presentation, 7 document, 10 pdf, 11 diagram. */
  fileType: number;
  /** The real extension, from the portal's file record (never guessed from a title that can be made to lie). */
  extension: string;
  sizeBytes: number | null;
  version: number;
  /** The portal has a thumbnail for it (`thumbnail` fetches it). */
  hasThumbnail: boolean;
  locked: boolean;
}

export type Entry = FolderEntry | FileEntry;
export type EntryRef = { kind: 'file' | 'folder'; id: EntryId };

export interface FolderPage {
  portalId: PortalId;
  folder: Crumb;
  breadcrumbs: Crumb[];
  entries: Entry[];
  startIndex: number;
  total: number;
  /** Where the next page starts, or null when this was the last one. */
  nextStartIndex: number | null;
  /** What the account may do in this folder. */
  can: { create: boolean };
  /** The account's sign-in allows reading only (a read-only key): nothing here offers a change. */
  readOnly?: boolean;
  /** Served from the background's cache while a fresh copy is fetched (entriesChanged follows if it differs). */
  cached?: boolean;
}

export const sortSchema = v.object({
  by: v.picklist(['name', 'modified', 'size', 'type']),
  order: v.picklist(['ascending', 'descending']),
});
const roomFilterSchema = v.object({
  /** Archived rooms instead of active ones. */
  archived: v.optional(v.boolean()),
  roomTypes: v.optional(v.pipe(v.array(v.picklist([1, 2, 5, 6, 8])), v.maxLength(5))),
  tags: v.optional(v.pipe(v.array(text(200)), v.maxLength(20))),
});
export type RoomFilter = v.InferOutput<typeof roomFilterSchema>;

/** Where the user was and how each section was sorted: the popup opens there again. */
export interface ViewState {
  section: SectionId;
  folderId?: EntryId;
  /** The list's scroll position, in rows. */
  firstRow: number;
  sort: Partial<Record<SectionId, Sort>>;
  roomFilter: RoomFilter;
  /** The folders the user last moved or copied into, newest first. */
  recentDestinations?: Array<{ id: EntryId; title: string }>;
}

const viewStateSchema = v.object({
  section: v.picklist(['rooms', 'my', 'shared', 'recent', 'favorites', 'trash']),
  folderId: v.optional(entryIdSchema),
  firstRow: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)),
  sort: v.record(v.picklist(['rooms', 'my', 'shared', 'recent', 'favorites', 'trash']), sortSchema),
  roomFilter: roomFilterSchema,
  recentDestinations: v.optional(v.pipe(v.array(v.object({ id: entryIdSchema, title: text(1_000) })), v.maxLength(5))),
});

export interface SearchResults {
  portalId: PortalId;
  query: string;
  entries: Entry[];
  total: number;
}

const page = { portalId: portalIdSchema, ...pageRequestEntries, sort: v.optional(sortSchema) };

export const browseCommands = {
  listRooms: command<FolderPage>()(
    v.object({ ...page, filterValue: v.optional(text(500)), filter: v.optional(roomFilterSchema) }),
  ),
  listFolder: command<FolderPage>()(v.object({ ...page, folderId: entryIdSchema })),
  listSection: command<FolderPage>()(v.object({ ...page, section: sectionSchema })),
  /** Rooms by title, or files and folders in a folder and everything below it. */
  searchEntries: command<SearchResults>()(
    v.object({
      portalId: portalIdSchema,
      query: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
      within: v.union([v.object({ rooms: v.literal(true) }), v.object({ folderId: entryIdSchema })]),
      count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
    }),
  ),
  /** The last view of a portal, and the last page painted there, for a popup that opens at once. */
  /** Without a portal: the one the pages show (so a page can ask at once, before it knows the portal list). */
  restoreView: command<{ portalId: PortalId | null; state: ViewState | null; page: FolderPage | null }>()(
    v.object({ portalId: v.optional(portalIdSchema) }),
  ),
  saveView: command<{ saved: true }>()(v.object({ portalId: portalIdSchema, state: viewStateSchema })),
  /**
   * A small image of a file the portal has a thumbnail for, or (`kind: 'room'`, `fileId` the room's id) a room's
   * uploaded logo, as a data URL (pages never call the portal).
   */
  thumbnail: command<{ dataUrl: string | null }>()(
    v.object({ portalId: portalIdSchema, fileId: entryIdSchema, kind: v.optional(v.picklist(['file', 'room'])) }),
  ),
};

export type PageRequest = { startIndex?: number | undefined; count?: number | undefined };

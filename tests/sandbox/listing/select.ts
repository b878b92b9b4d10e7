// Which entries a listing shows (filterType, filterValue, extension, author, room filters) and in
// which order (sortBy/sortOrder). Folders always come before files; paging is applied by the caller
// over that combined order, as the server pages over one entry list.
import { FileType, FilterType, FolderType, SortedByType } from '../enums.ts';
import { extensionOf, fileTypeOf } from '../file-kinds.ts';
import type { EntryRecord, FileRecord, FolderRecord, SandboxStore } from '../store.ts';
import { canSeeRoom, entryVisibleTo, sharedWithUser } from '../members/access.ts';
import { isDocSpaceAdmin } from '../people/roles.ts';
import { favoriteEntries, lastOpened, recentFiles } from '../store-marks.ts';

export interface Selection {
  filterType: number;
  /** Title substring, case-insensitive. */
  filterValue?: string;
  /** With a filterValue: search the whole subtree instead of the direct children. */
  withSubFolders: boolean;
  /** ".docx"-style extensions (lower case) a file must have. */
  extensions?: readonly string[];
  /** ByUser: creator id. */
  subjectId?: string;
  roomTypes?: readonly number[];
  /** Rooms must carry all of these tags. */
  tags?: readonly string[];
  withoutTags?: boolean;
  sortBy: number;
  descending: boolean;
  /** Rooms listing: pinned rooms first, whatever the sort. */
  pinnedFirst?: boolean;
  /** Folders whose contents are listed, instead of the listed folder's own (rooms with searchArea=Any). */
  sources?: readonly number[];
}

export interface Selected {
  folders: readonly FolderRecord[];
  files: readonly FileRecord[];
}

const ROOM_FILTERS: ReadonlyMap<number, number> = new Map([
  [FilterType.FillingFormsRooms, 1],
  [FilterType.EditingRooms, 2],
  [FilterType.CustomRooms, 5],
  [FilterType.PublicRooms, 6],
  [FilterType.VirtualDataRooms, 8],
  [FilterType.AiRooms, 9],
]);

const FILE_TYPE_FILTERS: ReadonlyMap<number, (type: FileType, file: FileRecord) => boolean> = new Map<
  number,
  (type: FileType, file: FileRecord) => boolean
>([
  [FilterType.DocumentsOnly, (t) => t === FileType.Document],
  [FilterType.PresentationsOnly, (t) => t === FileType.Presentation],
  [FilterType.SpreadsheetsOnly, (t) => t === FileType.Spreadsheet],
  [FilterType.ImagesOnly, (t) => t === FileType.Image],
  [FilterType.ArchiveOnly, (t) => t === FileType.Archive],
  [FilterType.MediaOnly, (t) => t === FileType.Video || t === FileType.Audio],
  [FilterType.Pdf, (t) => t === FileType.Pdf],
  [FilterType.PdfForm, (t, f) => t === FileType.Pdf && f.isForm === true],
  [FilterType.DiagramsOnly, (t) => t === FileType.Diagram],
]);

function folderPasses(folder: FolderRecord, s: Selection, needle: string | undefined): boolean {
  if (s.filterType === FilterType.FilesOnly || FILE_TYPE_FILTERS.has(s.filterType)) return false;
  if (s.filterType === FilterType.ByExtension || s.extensions?.length) return false;
  const roomFilter = ROOM_FILTERS.get(s.filterType);
  if (roomFilter !== undefined && folder.roomType !== roomFilter) return false;
  if (s.roomTypes?.length && (folder.roomType === undefined || !s.roomTypes.includes(folder.roomType))) return false;
  if (s.withoutTags && folder.tags.length > 0) return false;
  if (s.tags?.length && !s.tags.every((tag) => folder.tags.some((t) => t.toLowerCase() === tag.toLowerCase())))
    return false;
  if (s.subjectId && folder.createdBy !== s.subjectId) return false;
  return needle === undefined || folder.title.toLowerCase().includes(needle);
}

function filePasses(file: FileRecord, s: Selection, needle: string | undefined): boolean {
  if (s.filterType === FilterType.FoldersOnly || ROOM_FILTERS.has(s.filterType)) return false;
  if (s.roomTypes?.length || s.tags?.length || s.withoutTags) return false;
  const byType = FILE_TYPE_FILTERS.get(s.filterType);
  if (byType && !byType(fileTypeOf(file.title), file)) return false;
  if (s.extensions?.length && !s.extensions.includes(extensionOf(file.title))) return false;
  if (s.subjectId && file.createdBy !== s.subjectId) return false;
  return needle === undefined || file.title.toLowerCase().includes(needle);
}

/** Children of a folder; for virtual sections (Favorites, Recent, Shared with me), the user's marks. */
export function sourceEntries(store: SandboxStore, userId: string, folder: FolderRecord): Selected {
  switch (folder.folderType) {
    case FolderType.Favorites: {
      const marked = favoriteEntries(store, userId);
      return {
        folders: marked.filter((e): e is FolderRecord => e.kind === 'folder'),
        files: marked.filter((e): e is FileRecord => e.kind === 'file'),
      };
    }
    case FolderType.Recent:
      return { folders: [], files: recentFiles(store, userId) };
    case FolderType.SHARE: {
      const user = store.users.get(userId);
      const shared = user ? sharedWithUser(store, user) : [];
      return {
        folders: shared.filter((e): e is FolderRecord => e.kind === 'folder'),
        files: shared.filter((e): e is FileRecord => e.kind === 'file'),
      };
    }
    case FolderType.VirtualRooms:
    case FolderType.Archive: {
      const user = store.users.get(userId);
      const rooms = store.childFoldersOf(folder.id).filter((room) => user && canSeeRoom(store, user, room));
      return { folders: rooms, files: store.childFilesOf(folder.id) };
    }
    default:
      return { folders: store.childFoldersOf(folder.id), files: store.childFilesOf(folder.id) };
  }
}

function merge(parts: Selected[]): Selected {
  return { folders: parts.flatMap((p) => p.folders), files: parts.flatMap((p) => p.files) };
}

function subtree(store: SandboxStore, folderId: number, out: { folders: FolderRecord[]; files: FileRecord[] }): void {
  for (const child of store.childFoldersOf(folderId)) {
    out.folders.push(child);
    subtree(store, child.id, out);
  }
  out.files.push(...store.childFilesOf(folderId));
}

export function select(store: SandboxStore, userId: string, folder: FolderRecord, s: Selection): Selected {
  const needle = s.filterValue?.trim().toLowerCase() || undefined;
  let source = s.sources
    ? merge(
        s.sources
          .map((id) => store.getFolder(id))
          .filter((f) => f !== undefined)
          .map((f) => sourceEntries(store, userId, f)),
      )
    : sourceEntries(store, userId, folder);
  const virtual = folder.folderType === FolderType.Favorites || folder.folderType === FolderType.Recent;
  if (needle !== undefined && s.withSubFolders && !virtual) {
    const all = { folders: [] as FolderRecord[], files: [] as FileRecord[] };
    subtree(store, folder.id, all);
    // A search below the Rooms section must not reveal rooms the caller is not in.
    const user = store.users.get(userId);
    const visible = (e: EntryRecord) => user !== undefined && entryVisibleTo(store, user, e);
    source = isDocSpaceAdmin(user) ? all : { folders: all.folders.filter(visible), files: all.files.filter(visible) };
  }
  const folders = source.folders.filter((f) => folderPasses(f, s, needle));
  const files = source.files.filter((f) => filePasses(f, s, needle));
  return {
    folders: folders.sort(comparator(store, userId, s, true)),
    files: files.sort(comparator(store, userId, s, false)),
  };
}

type Key = number | string;

function sortKey(store: SandboxStore, userId: string, sortBy: number, entry: EntryRecord): Key {
  switch (sortBy) {
    case SortedByType.AZ:
      return entry.title.toLowerCase();
    case SortedByType.DateAndTimeCreation:
      return entry.created.getTime();
    case SortedByType.Size:
    case SortedByType.UsedSpace:
      return entry.kind === 'file' ? entry.size : store.folderStats(entry.id).bytes;
    case SortedByType.Author:
      return (store.users.get(entry.createdBy)?.displayName ?? '').toLowerCase();
    case SortedByType.Type:
      return entry.kind === 'file' ? extensionOf(entry.title) : String(entry.roomType ?? 0).padStart(2, '0');
    case SortedByType.RoomType:
      return entry.kind === 'folder' ? (entry.roomType ?? 0) : 0;
    case SortedByType.Tags:
      return entry.kind === 'folder' ? (entry.tags[0] ?? '').toLowerCase() : '';
    case SortedByType.LastOpened:
      return (
        (entry.kind === 'file' ? lastOpened(store, userId, entry.id) : undefined)?.getTime() ?? entry.updated.getTime()
      );
    case SortedByType.CustomOrder:
    case SortedByType.New:
    case SortedByType.Room:
      return entry.id;
    default:
      return entry.updated.getTime();
  }
}

function compareKeys(a: Key, b: Key): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparator<T extends EntryRecord>(
  store: SandboxStore,
  userId: string,
  s: Selection,
  folders: boolean,
): (a: T, b: T) => number {
  const keys = new Map<number, Key>();
  const key = (e: T): Key => {
    let k = keys.get(e.id);
    if (k === undefined) keys.set(e.id, (k = sortKey(store, userId, s.sortBy, e)));
    return k;
  };
  const direction = s.descending ? -1 : 1;
  return (a, b) => {
    if (folders && s.pinnedFirst) {
      const pa = a.kind === 'folder' && a.pinned ? 0 : 1;
      const pb = b.kind === 'folder' && b.pinned ? 0 : 1;
      if (pa !== pb) return pa - pb;
    }
    return (
      direction * compareKeys(key(a), key(b)) ||
      compareKeys(a.title.toLowerCase(), b.title.toLowerCase()) ||
      a.id - b.id
    );
  };
}

/** Listings: rooms, folders, sections, search, the subfolders of a folder. */
import type * as v from 'valibot';
import type { EntryId, PageRequest, RoomFilter, SectionId, Sort } from '../protocol/index.ts';
import type { Lane } from '../scheduler/request-executor.ts';
import type { DocSpaceClient } from './client.ts';
import { folderContentSchema, LISTING_FIELDS, rootsSchema, type FolderContentDto, type FolderDto } from './dto.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** Sections with a documented route of their own; "Shared with me" is listed by its folder id (see rootFolder). */
export const SECTION_PATHS: Record<Exclude<SectionId, 'rooms' | 'shared'>, string> = {
  my: '/api/2.0/files/@my',
  // The documented route (files/@recent is a hidden alias the spec does not describe).
  recent: '/api/2.0/files/recent',
  favorites: '/api/2.0/files/@favorites',
  trash: '/api/2.0/files/@trash',
};

/** DocSpace FolderType of the section roots `files/@root` returns. */
export const ROOT_FOLDER_TYPES = { rooms: 14, my: 5, shared: 6, recent: 11, favorites: 10, trash: 3 } as const;

/** SortedByType names (sent as names; unknown ones are ignored by the server). */
const SORT_BY: Record<Sort['by'], string> = { name: 'AZ', modified: 'DateAndTime', size: 'Size', type: 'Type' };

export function pageQuery(page: PageRequest): { startIndex: number; count: number } {
  const startIndex = Math.max(0, Math.floor(page.startIndex ?? 0));
  const count = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(page.count ?? DEFAULT_PAGE_SIZE)));
  return { startIndex, count };
}

export interface ListOptions extends PageRequest {
  signal?: AbortSignal;
  /** A newer listing with the same key cancels this one if it has not finished. */
  supersedeKey?: string;
  lane?: Lane;
  sort?: Sort | undefined;
}

type Query = Record<string, string | number | boolean | undefined | readonly (string | number)[]>;

// The server binds the enum's names too, but the spec documents SortOrder as the integer 0 | 1.
const SORT_ORDER = { ascending: 0, descending: 1 } as const;

function sortQuery(sort: Sort | undefined): Query {
  return sort ? { sortBy: SORT_BY[sort.by], sortOrder: SORT_ORDER[sort.order] } : {};
}

export async function listRooms(
  client: DocSpaceClient,
  options: ListOptions & { filterValue?: string | undefined; filter?: RoomFilter | undefined },
): Promise<FolderContentDto> {
  const filter = options.filter ?? {};
  const query: Query = {
    ...pageQuery(options),
    ...sortQuery(options.sort),
    filterValue: options.filterValue || undefined,
    // RoomContentRequestDto: searchArea 0 active, 1 archive; tags as a JSON array string.
    searchArea: filter.archived ? 1 : undefined,
    type: filter.roomTypes?.length ? filter.roomTypes : undefined,
    tags: filter.tags?.length ? JSON.stringify(filter.tags) : undefined,
  };
  return listing(client, '/api/2.0/files/rooms', query, options);
}

export async function listFolder(
  client: DocSpaceClient,
  folderId: EntryId,
  options: ListOptions,
): Promise<FolderContentDto> {
  return listing(client, folderPath(folderId), { ...pageQuery(options), ...sortQuery(options.sort) }, options);
}

export async function listSection(
  client: DocSpaceClient,
  section: keyof typeof SECTION_PATHS,
  options: ListOptions,
): Promise<FolderContentDto> {
  return listing(client, SECTION_PATHS[section], { ...pageQuery(options), ...sortQuery(options.sort) }, options);
}

export type SectionRoots = Partial<Record<SectionId, EntryId>>;

/** The folder id of each section root the account has (from `files/@root`, one request). */
export async function sectionRoots(client: DocSpaceClient, options: { lane?: Lane } = {}): Promise<SectionRoots> {
  const { data } = await client.call('/api/2.0/files/@root', {
    schema: rootsSchema,
    query: { count: 1, fields: 'current' },
    lane: options.lane ?? 'interactive',
  });
  const roots: SectionRoots = {};
  for (const [section, type] of Object.entries(ROOT_FOLDER_TYPES) as Array<[SectionId, number]>) {
    const root = data.find((r) => r.current.type === type);
    if (root) roots[section] = root.current.id;
  }
  return roots;
}

/** Rooms by title, or everything under a folder whose name (or content) matches, with where each one lives. */
export async function search(
  client: DocSpaceClient,
  query: string,
  within: { rooms: true } | { folderId: EntryId },
  options: ListOptions,
): Promise<FolderContentDto> {
  if ('rooms' in within) return listRooms(client, { ...options, filterValue: query });
  return listing(
    client,
    folderPath(within.folderId),
    { ...pageQuery(options), filterValue: query, withSubFolders: true },
    options,
  );
}

const folderPath = (folderId: EntryId) => `/api/2.0/files/${encodeURIComponent(String(folderId))}`;

async function listing(
  client: DocSpaceClient,
  path: string,
  query: Query,
  list: ListOptions,
): Promise<FolderContentDto> {
  const options: Parameters<DocSpaceClient['call']>[1] = {
    schema: folderContentSchema as v.GenericSchema<unknown, FolderContentDto>,
    query: { ...query, fields: LISTING_FIELDS },
  };
  if (list.signal) options.signal = list.signal;
  if (list.supersedeKey) options.supersedeKey = list.supersedeKey;
  if (list.lane) options.lane = list.lane;
  return (await client.call(path, options)).data as FolderContentDto;
}

/** DocSpace FilterType 2: folders only. */
const FOLDERS_ONLY = 2;

/** Every subfolder of a folder (paged by 100, the most DocSpace gives at once). */
export async function listSubfolders(
  client: DocSpaceClient,
  folderId: EntryId,
  options: { lane?: Lane; signal?: AbortSignal; filterValue?: string } = {},
): Promise<FolderDto[]> {
  const folders: FolderDto[] = [];
  for (let startIndex = 0; ;) {
    const query = {
      startIndex,
      count: MAX_PAGE_SIZE,
      filterType: FOLDERS_ONLY,
      withSubFolders: false,
      filterValue: options.filterValue || undefined,
    };
    const page = await listing(client, folderPath(folderId), query, {
      lane: options.lane ?? 'user',
      ...(options.signal ? { signal: options.signal } : {}),
    });
    folders.push(...page.folders);
    startIndex += page.folders.length + page.files.length;
    if (page.folders.length + page.files.length === 0 || startIndex >= page.total) return folders;
  }
}

import * as v from 'valibot';
import type { EntryId, PortalId } from './common.ts';
import { command, entryIdSchema, pageRequestEntries, portalIdSchema, text } from './define.ts';

export type SectionId = 'rooms' | 'my' | 'recent' | 'favorites' | 'trash';
const sectionSchema = v.picklist(['my', 'recent', 'favorites', 'trash']);

export interface Crumb {
  id: EntryId;
  title: string;
  folderType: number;
  roomType?: number;
}

export interface FolderEntry {
  kind: 'folder';
  id: EntryId;
  title: string;
  folderType: number;
  /** Present for rooms only (1 form filling, 2 collaboration, 5 custom, 6 public, 8 virtual data room). */
  roomType?: number;
  filesCount: number;
  foldersCount: number;
  updated: string;
  isFavorite: boolean;
  pinned: boolean;
  tags: string[];
}

export interface FileEntry {
  kind: 'file';
  id: EntryId;
  title: string;
  /** DocSpace FileType: 0 unknown, 1 archive, 2 video, 3 audio, 4 image, 5 spreadsheet, 6 presentation, 7 document, 10 pdf, 11 diagram. */
  fileType: number;
  extension: string;
  sizeBytes: number | null;
  updated: string;
  /** Checked by the background to be an http(s) URL on the portal's own origin, or null. */
  webUrl: string | null;
  isFavorite: boolean;
}

export type Entry = FolderEntry | FileEntry;

export interface FolderPage {
  portalId: PortalId;
  folder: Crumb;
  breadcrumbs: Crumb[];
  entries: Entry[];
  startIndex: number;
  total: number;
  /** Where the next page starts, or null when this was the last one. */
  nextStartIndex: number | null;
  /** Served from the background's cache while a fresh copy is fetched (entriesChanged follows if it differs). */
  cached?: boolean;
}

const page = { portalId: portalIdSchema, ...pageRequestEntries };

export const browseCommands = {
  listRooms: command<FolderPage>()(v.object({ ...page, filterValue: v.optional(text(500)) })),
  listFolder: command<FolderPage>()(v.object({ ...page, folderId: entryIdSchema })),
  listSection: command<FolderPage>()(v.object({ ...page, section: sectionSchema })),
};

export type PageRequest = { startIndex?: number | undefined; count?: number | undefined };

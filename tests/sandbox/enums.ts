// Integer enums exactly as DocSpace writes them on the wire (docspace-api.md §4). Kept as plain
// `as const` objects so that query parsing can map names (case-insensitive) and numbers alike.

export const FolderType = {
  DEFAULT: 0,
  TRASH: 3,
  USER: 5,
  SHARE: 6,
  Favorites: 10,
  Recent: 11,
  VirtualRooms: 14,
  FillingFormsRoom: 15,
  EditingRoom: 16,
  CustomRoom: 19,
  Archive: 20,
  PublicRoom: 22,
  VirtualDataRoom: 29,
  AiRoom: 31,
} as const;
export type FolderType = (typeof FolderType)[keyof typeof FolderType];

export const RoomType = {
  FillingFormsRoom: 1,
  EditingRoom: 2,
  CustomRoom: 5,
  PublicRoom: 6,
  VirtualDataRoom: 8,
  AiRoom: 9,
} as const;
export type RoomType = (typeof RoomType)[keyof typeof RoomType];

/** A room is a folder whose FolderType follows from its RoomType. */
export const ROOM_FOLDER_TYPE: Readonly<Record<RoomType, FolderType>> = {
  1: FolderType.FillingFormsRoom,
  2: FolderType.EditingRoom,
  5: FolderType.CustomRoom,
  6: FolderType.PublicRoom,
  8: FolderType.VirtualDataRoom,
  9: FolderType.AiRoom,
};

export const FileType = {
  Unknown: 0,
  Archive: 1,
  Video: 2,
  Audio: 3,
  Image: 4,
  Spreadsheet: 5,
  Presentation: 6,
  Document: 7,
  Pdf: 10,
  Diagram: 11,
} as const;
export type FileType = (typeof FileType)[keyof typeof FileType];

export const FilterType = {
  None: 0,
  FilesOnly: 1,
  FoldersOnly: 2,
  DocumentsOnly: 3,
  PresentationsOnly: 4,
  SpreadsheetsOnly: 5,
  ImagesOnly: 7,
  ByUser: 8,
  ByDepartment: 9,
  ArchiveOnly: 10,
  ByExtension: 11,
  MediaOnly: 12,
  FillingFormsRooms: 13,
  EditingRooms: 14,
  CustomRooms: 17,
  PublicRooms: 20,
  Pdf: 22,
  PdfForm: 23,
  VirtualDataRooms: 24,
  DiagramsOnly: 25,
  AiRooms: 26,
} as const;
export type FilterType = (typeof FilterType)[keyof typeof FilterType];

export const SortedByType = {
  DateAndTime: 0,
  AZ: 1,
  Size: 2,
  Author: 3,
  Type: 4,
  New: 5,
  DateAndTimeCreation: 6,
  RoomType: 7,
  Tags: 8,
  Room: 9,
  CustomOrder: 10,
  LastOpened: 11,
  UsedSpace: 12,
} as const;
export type SortedByType = (typeof SortedByType)[keyof typeof SortedByType];

export const SortOrder = { ascending: 0, descending: 1 } as const;

export const SearchArea = { Active: 0, Archive: 1, Any: 2 } as const;

export const FileShare = {
  None: 0,
  ReadWrite: 1,
  Read: 2,
  Restrict: 3,
  Varies: 4,
  Review: 5,
  Comment: 6,
  FillForms: 7,
  CustomFilter: 8,
  RoomManager: 9,
  Editing: 10,
  ContentCreator: 11,
} as const;

/** The FileShare name (as the history shows an access), e.g. 10 → "Editing". */
export function fileShareName(access: number): string {
  return Object.entries(FileShare).find(([, v]) => v === access)?.[0] ?? String(access);
}

export const FileEntryType = { Folder: 1, File: 2 } as const;

export const FileStatus = { None: 0, IsFavorite: 32 } as const;

export const Thumbnail = { Waiting: 0, Created: 1, NotRequired: 3 } as const;

/** Looks up an enum member by name (case-insensitive) or by its integer, as ASP.NET model binding does. */
export function parseEnum<T extends Record<string, number>>(values: T, raw: string): T[keyof T] | undefined {
  const text = raw.trim();
  if (/^[+-]?\d+$/.test(text)) return Number(text) as T[keyof T];
  const lower = text.toLowerCase();
  for (const [name, value] of Object.entries(values)) {
    if (name.toLowerCase() === lower) return value as T[keyof T];
  }
  return undefined;
}

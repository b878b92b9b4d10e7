import type { Entry, FileEntry, FolderEntry, FolderPage } from '../../../src/protocol/index.ts';

const can = { rename: true, delete: true, move: true, copy: true, download: true, share: true };

export function fileEntry(id: number, overrides: Partial<FileEntry> = {}): FileEntry {
  return {
    kind: 'file',
    id,
    title: `f${id}.docx`,
    fileType: 7,
    extension: '.docx',
    sizeBytes: 1,
    version: 1,
    updated: '',
    author: 'Dana',
    webUrl: null,
    isFavorite: false,
    can,
    hasThumbnail: false,
    locked: false,
    ...overrides,
  };
}

export function folderEntry(id: number, title: string, overrides: Partial<FolderEntry> = {}): FolderEntry {
  return {
    kind: 'folder',
    id,
    title,
    folderType: 0,
    updated: '2026-11-30T10:00:00Z',
    author: 'Dana',
    isFavorite: false,
    pinned: false,
    tags: [],
    can,
    canPin: false,
    webUrl: null,
    ...overrides,
  };
}

export function folderPage(
  entries: Entry[],
  total = entries.length,
  startIndex = 0,
  title = 'Rooms',
  id = 1,
): FolderPage {
  const next = startIndex + entries.length;
  return {
    portalId: 'p',
    folder: { id, title, folderType: 14 },
    breadcrumbs: [{ id, title, folderType: 14 }],
    entries,
    startIndex,
    total,
    nextStartIndex: next < total ? next : null,
    can: { create: true },
  };
}

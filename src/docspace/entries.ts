/** Maps DocSpace DTOs to the protocol's view model: only what the pages show, with server URLs checked. */
import type { Crumb, Entry, FileEntry, FolderEntry, FolderPage, PortalId } from '../protocol/index.ts';
import type { FileDto, FolderContentDto, FolderDto } from './dto.ts';

/** A folder DocSpace says holds more than this is treated as holding what it sent (a hostile total). */
const MAX_TOTAL = 10_000_000;

export function toFolderPage(
  dto: FolderContentDto,
  portalId: PortalId,
  origin: string,
  startIndex: number,
): FolderPage {
  const folders = dto.folders.map(toFolderEntry);
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
  };
}

function toCrumb(folder: FolderDto): Crumb {
  const crumb: Crumb = { id: folder.id, title: folder.title, folderType: folder.type ?? 0 };
  if (folder.roomType !== undefined) crumb.roomType = folder.roomType;
  return crumb;
}

export function toFolderEntry(folder: FolderDto): FolderEntry {
  const entry: FolderEntry = {
    kind: 'folder',
    id: folder.id,
    title: folder.title,
    folderType: folder.type ?? 0,
    filesCount: folder.filesCount ?? 0,
    foldersCount: folder.foldersCount ?? 0,
    updated: folder.updated ?? folder.created ?? '',
    isFavorite: folder.isFavorite ?? false,
    pinned: folder.pinned ?? false,
    tags: folder.tags ?? [],
  };
  if (folder.roomType !== undefined) entry.roomType = folder.roomType;
  return entry;
}

export function toFileEntry(file: FileDto, origin: string): FileEntry {
  return {
    kind: 'file',
    id: file.id,
    title: file.title,
    fileType: file.fileType ?? 0,
    extension: file.fileExst ?? extensionOf(file.title),
    sizeBytes: file.pureContentLength ?? null,
    updated: file.updated ?? file.created ?? '',
    webUrl: sameOriginUrl(file.webUrl, origin),
    isFavorite: file.isFavorite ?? false,
  };
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

function extensionOf(title: string): string {
  const dot = title.lastIndexOf('.');
  return dot > 0 ? title.slice(dot).toLowerCase() : '';
}

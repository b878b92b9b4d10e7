import {
  createFile,
  createFolder,
  createRoom,
  fileVersions,
  folderPath,
  getFile,
  getFolder,
  pinRoom,
  presignedUrl,
  primaryLink,
  renameEntry,
  restoreVersion,
  setFavorite,
  updateLink,
  type ShareDto,
} from '../../../src/docspace/api-entries.ts';
import type { FileDto, FolderDto } from '../../../src/docspace/dto.ts';
import { toFileEntry, toFolderEntry } from '../../../src/docspace/entries.ts';
import { bulkDownload, moveConflicts, transferEntries, trashEntries } from '../../../src/docspace/file-operations.ts';
import { cleanTitle } from '../../../src/docspace/titles.ts';
import { appError } from '../../../src/errors/index.ts';
import type {
  CommandHandlers,
  EntryDetails,
  EntryId,
  EntryRef,
  LinkAccess,
  NewFileKind,
  ShareLinkInfo,
} from '../../../src/protocol/index.ts';
import type { PortalSession } from '../../../src/sessions/portal-session.ts';
import type { CommandContext } from '../../platform/ports.ts';
import type { SectionRoots } from '../../../src/docspace/api-listing.ts';
import { rootsOf } from './section-roots.ts';
import type { BackgroundContext } from '../app.ts';

type EntryCommands = Pick<
  CommandHandlers<CommandContext>,
  | 'renameEntry'
  | 'setFavorite'
  | 'pinRoom'
  | 'createFolder'
  | 'createFile'
  | 'createRoom'
  | 'trashEntries'
  | 'restoreEntries'
  | 'entryDetails'
  | 'restoreVersion'
  | 'shareLink'
  | 'downloadLink'
  | 'checkConflicts'
  | 'downloadArchive'
>;

/** The extension DocSpace creates each kind of empty file with. */
const NEW_FILE_EXTENSIONS: Record<NewFileKind, string> = {
  document: '.docx',
  spreadsheet: '.xlsx',
  presentation: '.pptx',
  pdfForm: '.pdf',
};
/**
 * FileShare levels an external link may grant, as the server allows them (FileSecurity's available accesses
 * for external links): read, comment, review, fill forms, edit.
 */
const LINK_LEVELS: LinkAccess[] = [2, 6, 5, 7, 10];
/** By room type: form-filling rooms' links fill forms or read; public and custom rooms' any level; others none. */
const ROOM_LINK_LEVELS: Record<number, LinkAccess[]> = { 1: [7, 2], 6: LINK_LEVELS, 5: LINK_LEVELS };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/** One action on one entry (or a few), each a short request the user waits for; what changed is announced. */
export function entriesHandlers(background: BackgroundContext): EntryCommands {
  const session = (portalId: string) => background.sessions.require(portalId);
  const changed = (portalId: string, ...folderIds: Array<EntryId | undefined>) =>
    background.entriesChanged(
      portalId,
      folderIds.filter((id): id is EntryId => id !== undefined),
    );
  const asEntry = (s: PortalSession, dto: FileDto | FolderDto, kind: EntryRef['kind']) =>
    kind === 'file' ? toFileEntry(dto as FileDto, s.origin) : toFolderEntry(dto as FolderDto, s.origin);
  const isRoom = async (s: PortalSession, entry: EntryRef) =>
    entry.kind === 'folder' && (await getFolder(s.client, entry.id)).roomType !== undefined;

  return {
    async renameEntry({ portalId, entry, title }) {
      const s = await session(portalId);
      const clean = cleanTitle(title);
      if (clean === '') throw appError('titleEmpty', {});
      const room = await isRoom(s, entry);
      const dto = await renameEntry(s.client, { ...entry, isRoom: room }, clean);
      changed(portalId, entry.kind === 'file' ? (dto as FileDto).folderId : (dto as FolderDto).parentId);
      return asEntry(s, dto, entry.kind);
    },

    async setFavorite({ portalId, entries, favorite }) {
      const s = await session(portalId);
      await setFavorite(s.client, entries, favorite);
      changed(portalId, ...(await favoritesRoot(s)));
      return { changed: entries.length };
    },

    async pinRoom({ portalId, roomId, pinned }) {
      const s = await session(portalId);
      const dto = await pinRoom(s.client, roomId, pinned);
      changed(portalId, dto.parentId);
      return toFolderEntry(dto, s.origin);
    },

    async createFolder({ portalId, parentId, title }) {
      const s = await session(portalId);
      const clean = cleanTitle(title);
      if (clean === '') throw appError('titleEmpty', {});
      const dto = await createFolder(s.client, parentId, clean);
      changed(portalId, parentId);
      return toFolderEntry(dto, s.origin);
    },

    async createFile({ portalId, parentId, kind, title }) {
      const s = await session(portalId);
      const base = cleanTitle(title).replace(/\.(docx|xlsx|pptx|pdf)$/i, '');
      if (base === '') throw appError('titleEmpty', {});
      const dto = await createFile(s.client, parentId, `${base}${NEW_FILE_EXTENSIONS[kind]}`);
      changed(portalId, parentId);
      return toFileEntry(dto, s.origin);
    },

    async createRoom({ portalId, title, roomType, color, tags }) {
      const s = await session(portalId);
      const clean = cleanTitle(title);
      if (clean === '') throw appError('titleEmpty', {});
      const dto = await createRoom(s.client, { title: clean, roomType, color, tags });
      changed(portalId, dto.parentId);
      return toFolderEntry(dto, s.origin);
    },

    async trashEntries({ portalId, entries, fromFolderId }) {
      const s = await session(portalId);
      await trashEntries(s.client, ids(entries), { lane: 'user', sleep, pollMs: 300 });
      const trashed = entries.map(({ kind, id, fromFolderId: own }) => ({
        entry: { kind, id },
        fromFolderId: own ?? fromFolderId,
      }));
      changed(portalId, fromFolderId, ...trashed.map((t) => t.fromFolderId), ...(await trashRoot(s)));
      return { trashed };
    },

    async restoreEntries({ portalId, items }) {
      const s = await session(portalId);
      const byFolder = new Map<string, { folderId: EntryId; entries: EntryRef[] }>();
      for (const { entry, toFolderId } of items) {
        const group = byFolder.get(String(toFolderId)) ?? { folderId: toFolderId, entries: [] };
        group.entries.push(entry);
        byFolder.set(String(toFolderId), group);
      }
      for (const group of byFolder.values()) {
        // Back where it was: a copy left there since (rare) is kept beside it, never overwritten.
        await transferEntries(s.client, ids(group.entries), group.folderId, {
          lane: 'user',
          sleep,
          pollMs: 300,
          conflict: 'Duplicate',
        });
      }
      changed(portalId, ...[...byFolder.values()].map((g) => g.folderId), ...(await trashRoot(s)));
      return { restored: items.length };
    },

    async entryDetails({ portalId, entry }) {
      return details(await session(portalId), entry);
    },

    async restoreVersion({ portalId, fileId, version }) {
      const s = await session(portalId);
      await restoreVersion(s.client, fileId, version);
      const result = await details(s, { kind: 'file', id: fileId });
      changed(portalId, result.path.at(-1)?.id);
      return result;
    },

    async shareLink({ portalId, entry, update }) {
      const s = await session(portalId);
      const folder = entry.kind === 'folder' ? await getFolder(s.client, entry.id) : null;
      const target = { ...entry, isRoom: folder?.roomType !== undefined };
      const levels = folder?.roomType !== undefined ? (ROOM_LINK_LEVELS[folder.roomType] ?? []) : LINK_LEVELS;
      if (levels.length === 0) throw appError('linkNotAllowed', {});
      let share = await primaryLink(s.client, target);
      if (update) {
        if (!levels.includes(update.access)) throw appError('linkNotAllowed', {});
        const linkId = share.sharedLink?.id;
        if (!linkId) throw appError('badResponseField', { origin: s.origin, field: 'sharedLink.id' });
        share = await updateLink(s.client, target, { linkId, access: update.access, expirationDate: update.expiresAt });
      }
      return linkInfo(share, levels, s.origin);
    },

    async checkConflicts({ portalId, entries, destFolderId }) {
      const s = await session(portalId);
      return { conflicts: await moveConflicts(s.client, ids(entries), destFolderId) };
    },

    async downloadArchive({ portalId, entries }) {
      // Asked first: the archive is not built for nothing when the browser would not save it.
      if (!(await background.downloads.allowed())) throw appError('downloadsNotAllowed', {});
      const s = await session(portalId);
      const url = await bulkDownload(s.client, ids(entries), { sleep, pollMs: 500, maxPolls: 240 });
      const authorization = await s.authorization();
      await background.downloads.start(url, authorization ? [{ name: 'Authorization', value: authorization }] : []);
      return { started: true };
    },

    async downloadLink({ portalId, fileId }) {
      const s = await session(portalId);
      const url = await presignedUrl(s.client, fileId);
      const checked = new URL(url, s.origin);
      if (checked.protocol !== 'https:' && checked.protocol !== 'http:')
        throw appError('badResponseField', { origin: s.origin, field: 'url' });
      return { url: checked.toString() };
    },
  };
}

function ids(entries: readonly EntryRef[]) {
  return {
    fileIds: entries.filter((e) => e.kind === 'file').map((e) => e.id),
    folderIds: entries.filter((e) => e.kind === 'folder').map((e) => e.id),
  };
}

/** The sections a mark or a trashing changes: pages showing them hear it like any folder. */
async function favoritesRoot(s: PortalSession): Promise<EntryId[]> {
  const { favorites } = await rootsOf(s).catch(() => ({}) as SectionRoots);
  return favorites === undefined ? [] : [favorites];
}
async function trashRoot(s: PortalSession): Promise<EntryId[]> {
  const { trash } = await rootsOf(s).catch(() => ({}) as SectionRoots);
  return trash === undefined ? [] : [trash];
}

async function details(s: PortalSession, entry: EntryRef): Promise<EntryDetails> {
  if (entry.kind === 'file') {
    const [file, versions] = await Promise.all([getFile(s.client, entry.id), fileVersions(s.client, entry.id)]);
    const path = file.folderId !== undefined ? await folderPath(s.client, file.folderId) : [];
    const result: EntryDetails = {
      entry: toFileEntry(file, s.origin),
      path: path.map((p) => ({ id: p.id, title: p.title, folderType: p.folderType ?? 0 })),
      created: file.created ?? '',
      createdBy: file.createdBy?.displayName ?? '',
      updated: file.updated ?? '',
      updatedBy: file.updatedBy?.displayName ?? '',
      versions: versions.map((v) => ({
        version: v.version ?? 1,
        updated: v.updated ?? v.created ?? '',
        author: v.updatedBy?.displayName ?? v.createdBy?.displayName ?? '',
        sizeBytes: v.pureContentLength ?? null,
      })),
    };
    if (file.locked && file.lockedBy) result.lockedBy = file.lockedBy;
    return result;
  }
  const [folder, path] = await Promise.all([getFolder(s.client, entry.id), folderPath(s.client, entry.id)]);
  return {
    entry: toFolderEntry(folder, s.origin),
    path: path.slice(0, -1).map((p) => ({ id: p.id, title: p.title, folderType: p.folderType ?? 0 })),
    created: folder.created ?? '',
    createdBy: folder.createdBy?.displayName ?? '',
    updated: folder.updated ?? '',
    updatedBy: folder.updatedBy?.displayName ?? '',
    versions: [],
  };
}

function linkInfo(share: ShareDto, levels: LinkAccess[], origin: string): ShareLinkInfo {
  const link = share.sharedLink;
  if (!link) throw appError('badResponseField', { origin, field: 'sharedLink' });
  const url = new URL(link.shareLink, origin);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw appError('badResponseField', { origin, field: 'shareLink' });
  const expires = link.expirationDate ? Date.parse(link.expirationDate) : NaN;
  return {
    url: url.toString(),
    linkId: link.id,
    access: share.access,
    expiresAt: Number.isFinite(expires) ? new Date(expires).toISOString() : null,
    expired: link.isExpired ?? false,
    accessLevels: levels,
  };
}

// Writes on folders and files (docspace-api.md §5.1, §5.3): create folder / empty document, rename,
// favourites, recent, version history.
import { readJsonBody } from '../body.ts';
import type { BodyReader } from '../body.ts';
import type { RequestContext } from '../context.ts';
import { fileDto, folderDto } from '../dto/entries.ts';
import { emptyReply, ok } from '../envelope.ts';
import { accessDenied, argumentError, fileNotFound, folderNotFound, invalidOperation } from '../errors.ts';
import { extensionOf } from '../file-kinds.ts';
import { allVersions } from '../file-versions.ts';
import { QueryReader } from '../query.ts';
import type { Router } from '../router.ts';
import type { FileRecord, FolderRecord } from '../store.ts';
import {
  canCreateIn,
  canModify,
  cleanTitle,
  createFile,
  createFolder,
  historyOf,
  MESSAGES,
} from '../operations/actions.ts';
import { checkNotLockedForMe, restoreVersion } from '../operations/versions.ts';
import { documentBytes, newFileTitle } from '../file-formats.ts';
import { recordRename } from '../history/record.ts';
import type { Actor } from '../operations/actions.ts';
import { findFile, findFolder, requireFile, requireFolder } from './access.ts';
import { API, currentUser, scopeOf } from './common.ts';
import { markOpened, removeRecent, setFavorite } from '../store-marks.ts';

export const MAX_TITLE_LENGTH = 165;

function actorOf(ctx: RequestContext): Actor {
  return { store: ctx.store, user: currentUser(ctx), now: new Date() };
}

function folderReply(ctx: RequestContext, folder: FolderRecord) {
  const dto = folderDto(scopeOf(ctx), folder);
  if (!dto) throw folderNotFound();
  return ok(ctx, dto);
}

export function fileReply(ctx: RequestContext, file: FileRecord) {
  const dto = fileDto(scopeOf(ctx), file);
  if (!dto) throw fileNotFound();
  return ok(ctx, dto);
}

/** `[StringLength(165)] required string Title`: missing → binding error, too long → validation error. */
function readTitle(r: BodyReader, dto: string): string {
  if (!r.has('title')) {
    r.fail('$', `JSON deserialization for type '${dto}' was missing required properties including: 'title'.`);
    r.done();
  }
  const title = r.text('title', 'Title', { maxLength: MAX_TITLE_LENGTH }) ?? '';
  r.done();
  const clean = cleanTitle(title);
  if (!clean) throw argumentError(MESSAGES.invalidTitle);
  return clean;
}

/** A new document's bytes: a minimal valid file of its format (file-formats.ts), as the server
 *  copies an empty template. */
export function newDocumentContent(title: string): Buffer {
  return documentBytes(title, `DocSpace sandbox new document "${title}"`);
}

/** Files and folders from BaseBatchRequestDto ids the caller can see (others are ignored, as the service does). */
function entriesOf(
  ctx: RequestContext,
  r: BodyReader | { folderIds: Array<number | string>; fileIds: Array<number | string> },
) {
  const folderIds = 'raw' in r ? r.ids('folderIds') : r.folderIds;
  const fileIds = 'raw' in r ? r.ids('fileIds') : r.fileIds;
  const folders = folderIds
    .map((id) => (typeof id === 'number' ? findFolder(ctx, id) : undefined))
    .filter((f) => f !== undefined);
  const files = fileIds
    .map((id) => (typeof id === 'number' ? findFile(ctx, id) : undefined))
    .filter((f) => f !== undefined);
  return { folders, files };
}

/** Query-bound batch (BaseBatchModelBinder): `fileIds=1&fileIds=2` or comma lists. */
function queryIds(ctx: RequestContext, name: string): number[] {
  return [...ctx.query.getAll(name), ...ctx.query.getAll(`${name}[]`)]
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => /^\d+$/.test(v))
    .map(Number);
}

export function registerChangeRoutes(router: Router): void {
  // ---- create ----
  router.post(`${API}/files/folder/:folderId`, 'authenticated', async (ctx) => {
    const parent = requireFolder(ctx, ctx.params['folderId']);
    const title = readTitle(
      await readJsonBody(ctx, { dtoProperty: 'Folder' }),
      'ASC.Files.ApiModels.RequestDto.CreateFolder',
    );
    if (!canCreateIn(ctx.store, parent)) throw invalidOperation(MESSAGES.create);
    return folderReply(ctx, createFolder(actorOf(ctx), parent, title));
  });

  const createDocument = async (ctx: RequestContext, parent: FolderRecord) => {
    const r = await readJsonBody(ctx, { dtoProperty: 'File' });
    const external = r.optionalBool('enableExternalExt') ?? false;
    const raw = readTitle(r, 'ASC.Files.ApiModels.RequestDto.CreateFile`1[System.Text.Json.JsonElement]');
    if (!canCreateIn(ctx.store, parent)) throw invalidOperation(MESSAGES.create);
    // CreateNewFileAsync: only formats the portal creates ("Name.txt" → "Name.docx", "x.xyz" → "x.xyz.docx").
    const title = newFileTitle(raw, external);
    const actor = actorOf(ctx);
    const file = createFile(
      actor,
      parent,
      ctx.store.availableTitle(parent.id, title, 'file'),
      newDocumentContent(title),
    );
    markOpened(ctx.store, actor.user.id, file.id, actor.now);
    return fileReply(ctx, file);
  };
  router.post(`${API}/files/:folderId/file`, 'authenticated', (ctx) =>
    createDocument(ctx, requireFolder(ctx, ctx.params['folderId'])),
  );
  router.post(`${API}/files/@my/file`, 'authenticated', (ctx) =>
    createDocument(ctx, requireFolder(ctx, currentUser(ctx).sections.my)),
  );

  // ---- rename ----
  router.add('PUT', `${API}/files/folder/:folderId`, 'authenticated', async (ctx) => {
    const folder = requireFolder(ctx, ctx.params['folderId']);
    const title = readTitle(
      await readJsonBody(ctx, { dtoProperty: 'Folder' }),
      'ASC.Files.ApiModels.RequestDto.CreateFolder',
    );
    if (!canModify(ctx.store, folder) || folder.roomType !== undefined) throw accessDenied();
    if (title !== folder.title) {
      const old = folder.title;
      ctx.store.updateEntry(folder, { title }, currentUser(ctx).id, new Date());
      recordRename(historyOf(actorOf(ctx)), folder, old);
    }
    return folderReply(ctx, folder);
  });

  // FilesControllerHelper.UpdateFileAsync: a blank title renames nothing (200, unchanged), then a
  // `lastVersion` above 0 restores that version (UpdateToVersionAsync), with its checks.
  router.add('PUT', `${API}/files/file/:fileId`, 'authenticated', async (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    const r = await readJsonBody(ctx, { dtoProperty: 'File' });
    const raw = r.text('title', 'Title', { maxLength: MAX_TITLE_LENGTH })?.trim();
    const lastVersion = r.int('lastVersion') ?? 0;
    r.done();
    const actor = actorOf(ctx);
    if (raw) {
      let title = cleanTitle(raw);
      if (!title) throw argumentError(MESSAGES.invalidTitle);
      if (!canModify(ctx.store, file)) throw accessDenied();
      checkNotLockedForMe(file, actor.user.id);
      // FileRenameAsync keeps the extension: a title without it gets the old one appended.
      const ext = extensionOf(file.title);
      if (ext && extensionOf(title) !== ext) title += ext;
      if (title !== file.title) {
        const old = file.title;
        ctx.store.updateEntry(file, { title }, actor.user.id, actor.now);
        recordRename(historyOf(actor), file, old);
      }
    }
    if (lastVersion > 0) restoreVersion(actor, file, lastVersion);
    return fileReply(ctx, file);
  });

  // ---- favourites ----
  router.post(`${API}/files/favorites`, 'authenticated', async (ctx) => {
    const r = await readJsonBody(ctx);
    const { folders, files } = entriesOf(ctx, r);
    r.done();
    const user = currentUser(ctx);
    for (const f of folders) setFavorite(ctx.store, user.id, 'folder', f.id, true);
    for (const f of files) setFavorite(ctx.store, user.id, 'file', f.id, true);
    return ok(ctx, true);
  });

  router.add('DELETE', `${API}/files/favorites`, 'authenticated', async (ctx) => {
    const fromBody = /json/i.test(ctx.req.headers['content-type'] ?? '');
    let entries;
    if (fromBody) {
      const r = await readJsonBody(ctx);
      entries = entriesOf(ctx, r);
      r.done();
    } else {
      entries = entriesOf(ctx, { folderIds: queryIds(ctx, 'folderIds'), fileIds: queryIds(ctx, 'fileIds') });
    }
    const user = currentUser(ctx);
    for (const f of entries.folders) setFavorite(ctx.store, user.id, 'folder', f.id, false);
    for (const f of entries.files) setFavorite(ctx.store, user.id, 'file', f.id, false);
    return ok(ctx, true);
  });

  router.get(`${API}/files/favorites/:fileId`, 'authenticated', (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    const q = new QueryReader(ctx.query);
    const favorite = q.bool('favorite', 'Favorite', false);
    q.done();
    setFavorite(ctx.store, currentUser(ctx).id, 'file', file.id, favorite);
    return ok(ctx, favorite);
  });

  // ---- recent ----
  router.post(`${API}/files/file/:fileId/recent`, 'authenticated', (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    markOpened(ctx.store, currentUser(ctx).id, file.id, new Date());
    return fileReply(ctx, file);
  });

  /** NoContent(): not an ObjectResult, so the response wrapper leaves it alone — 204, no body. */
  router.add('DELETE', `${API}/files/recent`, 'authenticated', async (ctx) => {
    const r = await readJsonBody(ctx);
    const { files } = entriesOf(ctx, r);
    r.done();
    removeRecent(
      ctx.store,
      currentUser(ctx).id,
      files.map((f) => f.id),
    );
    return emptyReply(204);
  });

  // ---- versions ----
  router.get(`${API}/files/file/:fileId/history`, 'authenticated', (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    const scope = scopeOf(ctx);
    const versions = allVersions(file);
    // IAsyncEnumerable action: count is 1 (docspace-api.md §2.1).
    return ok(
      ctx,
      versions.map((v) => fileDto(scope, v)).filter((d) => d !== undefined),
      { count: 1 },
    );
  });
}

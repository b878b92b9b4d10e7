// Versions, locks, history and links for editors (FilesController): POST files/file/{id}/restoreversion
// (answers the edit history, EditHistoryDto), PUT files/file/{id}/lock, PUT files/file/{id}/comment,
// GET files/file/{id}/log and files/folder/{id}/log (the audit history, HistoryDto),
// GET files/file/{id}/presigned (FileLink), GET files/file/fillresult, GET files/rooms/covers.
import { createHmac, randomBytes } from 'node:crypto';
import { readJsonBody } from '../body.ts';
import type { RequestContext } from '../context.ts';
import { apiDate } from '../dates.ts';
import { FileShare } from '../enums.ts';
import { ok } from '../envelope.ts';
import { ApiError, invalidOperation, noSuchRoute } from '../errors.ts';
import { allVersions } from '../file-versions.ts';
import { extensionOf } from '../file-kinds.ts';
import { eventsOf, historyPage } from '../history/dto.ts';
import { entryAccess } from '../members/access.ts';
import { checkNotLockedForMe, restoreVersion, setLock } from '../operations/versions.ts';
import { PORTAL } from '../portal-config.ts';
import { QueryReader } from '../query.ts';
import type { Router } from '../router.ts';
import type { EntryRecord, FileRecord } from '../store.ts';
import { requireFile, requireFolder } from './access.ts';
import { fileReply } from './changes.ts';
import { API, currentUser } from './common.ts';
import { streamAuth } from './sharing.ts';

const SIGNING_SECRET = randomBytes(32);

/** EditHistoryDto of each version, newest first (FileDao.GetEditHistoryAsync). */
function editHistory(ctx: RequestContext, file: FileRecord): Record<string, unknown>[] {
  return allVersions(file).map((v) => {
    const user = ctx.store.users.get(v.updatedBy);
    return {
      id: file.id,
      key: `${file.id}_${v.version}`,
      version: v.version,
      versionGroup: v.versionGroup,
      user: { id: v.updatedBy, name: user?.displayName },
      created: apiDate(v.updated, PORTAL.utcOffsetMinutes),
    };
  });
}

/** The editors' JWT of a FileLink (DocumentServiceHelper.GetSignature: HS256 over the link). */
function signature(payload: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${input}.${createHmac('sha256', SIGNING_SECRET).update(input).digest('base64url')}`;
}

function intId(ctx: RequestContext, name: string): number {
  const raw = ctx.params[name] ?? '';
  // {fileId:int} / {folderId:int}: anything else matches no route.
  if (!/^-?\d{1,10}$/.test(raw)) throw noSuchRoute(ctx.method, ctx.path);
  return Number(raw);
}

function log(ctx: RequestContext, entry: EntryRecord) {
  const q = new QueryReader(ctx.query);
  const { startIndex, count } = q.paging();
  const fromDate = q.text('fromDate');
  const toDate = q.text('toDate');
  q.done();
  if (entryAccess(ctx.store, currentUser(ctx), entry) === FileShare.Restrict)
    throw new ApiError(403, 'Access denied', 'System.Security.SecurityException');
  const events = eventsOf(
    ctx.store,
    entry,
    fromDate ? new Date(fromDate) : undefined,
    toDate ? new Date(toDate) : undefined,
  );
  return ok(ctx, historyPage(ctx.store, ctx.origin, events, startIndex, count), {
    count: Math.min(Math.max(events.length - startIndex, 0), count),
    total: events.length,
  });
}

const COVERS = ['2E7D32', '1565C0', 'AD1457', 'EF6C00'].map((color, i) => ({
  id: `cover${i + 1}`,
  data: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#${color}"/></svg>`,
}));

export function registerVersionRoutes(router: Router): void {
  router.post(`${API}/files/file/:fileId/restoreversion`, 'authenticated', (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    const q = new QueryReader(ctx.query);
    const version = q.int('version', 'Version', { fallback: 0 });
    q.done();
    const actor = { store: ctx.store, user: currentUser(ctx), now: new Date() };
    restoreVersion(actor, file, version);
    // IAsyncEnumerable<EditHistoryDto>: count is 1.
    return ok(ctx, editHistory(ctx, file), { count: 1 });
  });

  router.add('PUT', `${API}/files/file/:fileId/lock`, 'authenticated', async (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    const r = await readJsonBody(ctx, { dtoProperty: 'File' });
    const lock = r.bool('lockFile', false);
    r.done();
    setLock({ store: ctx.store, user: currentUser(ctx), now: new Date() }, file, lock);
    return fileReply(ctx, file);
  });

  router.add('PUT', `${API}/files/file/:fileId/comment`, 'authenticated', async (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    const r = await readJsonBody(ctx, { dtoProperty: 'File' });
    const version = r.int('version') ?? file.version;
    const comment = r.text('comment', 'Comment', { maxLength: 255 }) ?? '';
    r.done();
    checkNotLockedForMe(file, currentUser(ctx).id);
    if (version === file.version) file.comment = comment;
    else {
      const old = file.history?.find((v) => v.version === version);
      if (!old) throw invalidOperation('The required file was not found');
      old.comment = comment;
    }
    ctx.store.touch();
    return ok(ctx, comment);
  });

  router.get(`${API}/files/file/:fileId/log`, 'authenticated', (ctx) =>
    log(ctx, requireFile(ctx, intId(ctx, 'fileId'))),
  );
  router.get(`${API}/files/folder/:folderId/log`, 'authenticated', (ctx) =>
    log(ctx, requireFolder(ctx, intId(ctx, 'folderId'))),
  );

  router.get(`${API}/files/file/:fileId/presigned`, 'authenticated', (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    const url = `${ctx.origin}/filehandler.ashx?action=stream&fileid=${file.id}&version=${file.version}&stream_auth=${streamAuth(file.id, file.version)}`;
    const link = { filetype: extensionOf(file.title).slice(1), url };
    return ok(ctx, { ...link, token: signature(link) });
  });

  // Literal routes the {fileId} / {id} routes must not swallow.
  router.get(`${API}/files/file/fillresult`, 'anonymous', (ctx) => {
    // No filling session is ever completed here: the session id is unknown (ItemNotFoundException()).
    void ctx.query.get('fillingSessionId');
    throw new ApiError(
      404,
      "Exception of type 'ASC.Common.Web.ItemNotFoundException' was thrown.",
      'ASC.Common.Web.ItemNotFoundException',
    );
  });

  router.get(`${API}/files/rooms/covers`, 'authenticated', (ctx) => {
    if (currentUser(ctx).type === 'Guest')
      throw new ApiError(403, 'Access denied', 'System.Security.SecurityException');
    return ok(ctx, COVERS, { count: 1 });
  });
}

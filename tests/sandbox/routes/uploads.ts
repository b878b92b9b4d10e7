// Upload (docspace-api.md §6): simple multipart upload, insert (multipart or raw body), the
// same-name pre-check, and chunked uploads through the three protocols: ChunkedUploader.ashx
// sequential (POST {location}), ChunkedUploader.ashx parallel (&chunkNumber=n&upload=true, then
// &finalize=true), and the REST session endpoints (files/{folderId}/session…).
import { readJsonBody } from '../body.ts';
import type { RequestContext, Reply } from '../context.ts';
import { nowSubMsTicks, utcDateTime } from '../dates.ts';
import { fileDto } from '../dto/entries.ts';
import { locate } from '../dto/locate.ts';
import { emptyReply, JSON_CONTENT_TYPE, ok, toJson } from '../envelope.ts';
import {
  accessDenied,
  ApiError,
  argumentError,
  folderNotFound,
  invalidOperation,
  quotaExceeded,
  ValidationError,
} from '../errors.ts';
import { humanSize } from '../file-kinds.ts';
import { canCreateIn, cleanTitle, MESSAGES, uploadFile } from '../operations/actions.ts';
import { QueryReader } from '../query.ts';
import type { Router } from '../router.ts';
import type { FileRecord, FolderRecord } from '../store.ts';
import type { SandboxTuning } from '../tuning.ts';
import { fileParts, formField, multipartBoundary, MultipartError, parseMultipart } from '../uploads/multipart.ts';
import type { MultipartPart } from '../uploads/multipart.ts';
import { ChunkTooLargeError } from '../uploads/sessions.ts';
import type { UploadSession, UploadSessions } from '../uploads/sessions.ts';
import { requireFolder } from './access.ts';
import { API, currentUser, scopeOf } from './common.ts';

export interface UploadRoutesDeps {
  uploads: UploadSessions;
  tuning: SandboxTuning;
}

const NOT_AUTHORIZED = 'Not authorized or session with specified upload id already expired';

/** "The maximum file size is exceeded (100 MB)." (FileSizeComment.GetFileSizeException). */
export function fileSizeMessage(limit: number): string {
  return `The maximum file size is exceeded (${humanSize(limit)}).`;
}

function nullReference(): ApiError {
  return new ApiError(500, 'Object reference not set to an instance of an object.', 'System.NullReferenceException');
}

/** Room for the multipart framing around a file of the maximum size. */
const FRAMING_BYTES = 1024 * 1024;

async function readParts(ctx: RequestContext, maxFileBytes: number): Promise<MultipartPart[]> {
  const boundary = multipartBoundary(ctx.req.headers['content-type']);
  if (!boundary) throw new MultipartError(`Incorrect Content-Type: ${ctx.req.headers['content-type'] ?? ''}`);
  return parseMultipart(await ctx.readBody(maxFileBytes + FRAMING_BYTES), boundary);
}

function uploadTarget(ctx: RequestContext, raw: string | undefined): FolderRecord {
  const folder = raw === '@my' ? requireFolder(ctx, currentUser(ctx).sections.my) : requireFolder(ctx, raw);
  if (!canCreateIn(ctx.store, folder)) throw accessDenied();
  return folder;
}

function actorOf(ctx: RequestContext) {
  return { store: ctx.store, user: currentUser(ctx), now: new Date() };
}

/** ChunkedUploadSessionResponse: path = breadcrumb ids on creation, else just the folder. */
function sessionDto(ctx: RequestContext, session: UploadSession, breadcrumbs: boolean): Record<string, unknown> {
  const path = breadcrumbs
    ? (locate(ctx.store, session.folderId)?.chain.map((f) => f.id) ?? [session.folderId])
    : [session.folderId];
  return {
    id: session.id,
    path,
    created: utcDateTime(session.created, nowSubMsTicks()),
    expired: utcDateTime(session.expired, nowSubMsTicks()),
    location: `${ctx.origin}/ChunkedUploader.ashx?uid=${session.id}`,
    bytes_total: session.bytesTotal,
  };
}

/** Assembles the chunks and stores the file (a new version of a same-named file unless createNewIfExist). */
function completeSession(ctx: RequestContext, deps: UploadRoutesDeps, session: UploadSession): FileRecord {
  const content = deps.uploads.assemble(session);
  const folder = ctx.store.getFolder(session.folderId);
  if (!folder) throw folderNotFound();
  deps.uploads.delete(session.id);
  return uploadFile(actorOf(ctx), folder, session.fileName, content, session.createNewIfExist);
}

/** {id, folderId, version, title, uploaded, file}: ChunkedUploader's completion data and UploadSessionResponseDto. */
function uploadedDto(ctx: RequestContext, file: FileRecord, uploaded: boolean): Record<string, unknown> {
  return {
    id: file.id,
    folderId: file.folderId,
    version: file.version,
    title: file.title,
    uploaded,
    file: fileDto(scopeOf(ctx), file),
  };
}

/** The not-yet-stored file of an unfinished REST session, as UploadSession reports it (id 0). */
function pendingDto(ctx: RequestContext, deps: UploadRoutesDeps, session: UploadSession): Record<string, unknown> {
  const existing = session.createNewIfExist
    ? undefined
    : ctx.store.childFileByTitle(session.folderId, session.fileName);
  const now = new Date();
  const pending: FileRecord = {
    kind: 'file',
    id: existing?.id ?? 0,
    folderId: session.folderId,
    title: existing?.title ?? session.fileName,
    size: deps.uploads.transferred(session),
    version: existing ? existing.version + 1 : 1,
    versionGroup: existing ? existing.versionGroup + 1 : 1,
    createdBy: session.userId,
    created: now,
    updatedBy: session.userId,
    updated: now,
  };
  return {
    id: pending.id,
    folderId: pending.folderId,
    version: pending.version,
    title: pending.title,
    uploaded: false,
    file: fileDto(scopeOf(ctx), pending),
  };
}

function createSession(
  ctx: RequestContext,
  deps: UploadRoutesDeps,
  folder: FolderRecord,
  r: Awaited<ReturnType<typeof readJsonBody>>,
): UploadSession {
  if (!r.has('fileName'))
    r.fail(
      '$',
      "JSON deserialization for type 'ASC.Files.ApiModels.RequestDto.SessionRequest' was missing required properties including: 'fileName'.",
    );
  const fileName = r.text('fileName', 'FileName') ?? '';
  const fileSize = r.int('fileSize') ?? 0;
  const createNewIfExist = r.bool('createNewIfExist', false);
  r.bool('encrypted', false);
  r.done();
  const name = cleanTitle(fileName);
  if (!name) throw argumentError(MESSAGES.invalidTitle);
  if (fileSize > deps.tuning.maxChunkedUploadSize)
    throw quotaExceeded(fileSizeMessage(deps.tuning.maxChunkedUploadSize));
  return deps.uploads.create({
    userId: currentUser(ctx).id,
    folderId: folder.id,
    fileName: name,
    bytesTotal: fileSize,
    createNewIfExist,
    now: new Date(),
  });
}

/** ChunkedUploader.ashx answers: not enveloped, nulls omitted, errors as HTTP 200 + success:false. */
function handlerReply(status: number, success: boolean, data: unknown, message: string): Reply {
  return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: toJson({ success, data, message }) };
}

export function registerUploadRoutes(router: Router, deps: UploadRoutesDeps): void {
  const { uploads, tuning } = deps;

  // ---- simple upload ----
  const simpleUpload = (single: boolean) => async (ctx: RequestContext) => {
    const folder = uploadTarget(ctx, ctx.params['folderId']);
    const declared = Number(ctx.req.headers['content-length'] ?? 0);
    if (declared > tuning.maxUploadSize + 64 * 1024) throw quotaExceeded(fileSizeMessage(tuning.maxUploadSize));
    const q = new QueryReader(ctx.query);
    let createNewIfExist = q.bool('createNewIfExist', 'CreateNewIfExist', false);
    q.bool('keepConvertStatus', 'KeepConvertStatus', false);
    q.bool('storeOriginalFileFlag', 'StoreOriginalFileFlag', false);
    q.done();

    let title: string | undefined;
    let content: Buffer | undefined;
    const isMultipart = multipartBoundary(ctx.req.headers['content-type']) !== undefined;
    if (isMultipart) {
      const parts = await readParts(ctx, tuning.maxUploadSize);
      const file = single
        ? fileParts(parts)[0]
        : (fileParts(parts).find((p) => p.name.toLowerCase() === 'file') ?? undefined);
      const flag = formField(parts, 'createNewIfExist');
      if (flag !== undefined) createNewIfExist = flag.trim().toLowerCase() === 'true';
      title = (single ? formField(parts, 'title') : undefined) ?? file?.filename;
      content = file?.data;
    } else if (single) {
      // InsertFileModelBinder: no form → the whole request body is the file; title from the query.
      title = ctx.query.get('title');
      content = await ctx.readBody(tuning.maxUploadSize + FRAMING_BYTES);
    }
    if (!content) throw new ApiError(400, "Value cannot be null. (Parameter 'File')", 'System.ArgumentNullException');
    if (!title?.trim()) throw new ValidationError({ Title: ['The Title field is required.'] });
    if (content.length > tuning.maxUploadSize) throw quotaExceeded(fileSizeMessage(tuning.maxUploadSize));
    const name = cleanTitle(title);
    if (!name) throw argumentError(MESSAGES.invalidTitle);
    const file = uploadFile(actorOf(ctx), folder, name, content, createNewIfExist);
    const dto = fileDto(scopeOf(ctx), file);
    return single ? ok(ctx, dto) : ok(ctx, [dto]);
  };
  router.post(`${API}/files/:folderId/upload`, 'authenticated', simpleUpload(false));
  router.post(`${API}/files/:folderId/insert`, 'authenticated', simpleUpload(true));

  router.post(`${API}/files/:folderId/upload/check`, 'authenticated', async (ctx) => {
    const folder = requireFolder(
      ctx,
      ctx.params['folderId'] === '@my' ? currentUser(ctx).sections.my : ctx.params['folderId'],
    );
    const r = await readJsonBody(ctx, { dtoProperty: 'Check' });
    const titles = r.strings('filesTitle');
    r.done();
    // UploadController.CheckUploadAsync: no titles → ArgumentNullException; then CanCreate.
    if (titles === undefined) throw argumentError("Value cannot be null. (Parameter 'filesTitle')");
    if (!canCreateIn(ctx.store, folder)) throw invalidOperation(MESSAGES.create);
    const existing = new Set<string>();
    for (const title of titles) if (ctx.store.childFileByTitle(folder.id, title)) existing.add(title);
    return ok(ctx, [...existing]);
  });

  // ---- sessions ----
  router.post(`${API}/files/:folderId/upload/create_session`, 'authenticated', async (ctx) => {
    const folder = uploadTarget(ctx, ctx.params['folderId']);
    const session = createSession(ctx, deps, folder, await readJsonBody(ctx, { dtoProperty: 'Session' }));
    return ok(ctx, { success: true, data: sessionDto(ctx, session, true) });
  });

  router.post(`${API}/files/:folderId/session`, 'authenticated', async (ctx) => {
    const folder = uploadTarget(ctx, ctx.params['folderId']);
    const session = createSession(ctx, deps, folder, await readJsonBody(ctx, { dtoProperty: 'Session' }));
    return ok(ctx, sessionDto(ctx, session, true));
  });

  /** REST sessions: a missing/expired session fails as the server does (GetSessionAsync returns null). */
  const restSession = (ctx: RequestContext): UploadSession => {
    const session = uploads.get(ctx.params['sessionId'], new Date());
    if (!session || session.userId !== currentUser(ctx).id) throw nullReference();
    return session;
  };

  const restChunk = async (ctx: RequestContext): Promise<Buffer> => {
    const parts = await readParts(ctx, tuning.chunkUploadSize * 2).catch((error: unknown) => {
      if (error instanceof MultipartError) throw new ApiError(400, error.message, 'System.IO.InvalidDataException');
      throw error;
    });
    const file = fileParts(parts).find((p) => p.name.toLowerCase() === 'file') ?? fileParts(parts)[0];
    if (!file) throw new ValidationError({ File: ['The File field is required.'] });
    return file.data;
  };

  const addChunk = (session: UploadSession, data: Buffer, chunkNumber?: number) => {
    try {
      uploads.addChunk(session, data, new Date(), chunkNumber);
    } catch (error) {
      if (error instanceof ChunkTooLargeError) throw quotaExceeded(fileSizeMessage(tuning.maxUploadSize));
      throw error;
    }
  };

  const finalize = (ctx: RequestContext, session: UploadSession): FileRecord => {
    try {
      return completeSession(ctx, deps, session);
    } catch (error) {
      if (error instanceof Error && error.message === 'uploadSize != bytesTotal') throw argumentError(error.message);
      throw error;
    }
  };

  router.post(`${API}/files/:folderId/session/:sessionId`, 'authenticated', async (ctx) => {
    const session = restSession(ctx);
    addChunk(session, await restChunk(ctx));
    if (uploads.transferred(session) === session.bytesTotal || !session.useChunks) {
      return ok(ctx, uploadedDto(ctx, finalize(ctx, session), true), { statusCode: 201 });
    }
    return ok(ctx, pendingDto(ctx, deps, session));
  });

  router.post(`${API}/files/:folderId/session/:sessionId/upload`, 'authenticated', async (ctx) => {
    const session = restSession(ctx);
    const q = new QueryReader(ctx.query);
    const chunkNumber = q.int('chunkNumber', 'ChunkNumber', { fallback: 0, min: 1, max: 100_000 });
    q.done();
    addChunk(session, await restChunk(ctx), chunkNumber || undefined);
    return ok(ctx, sessionDto(ctx, session, false));
  });

  router.add('PUT', `${API}/files/:folderId/session/:sessionId/finalize`, 'authenticated', (ctx) => {
    const session = restSession(ctx);
    return ok(ctx, uploadedDto(ctx, finalize(ctx, session), true), { statusCode: 201 });
  });

  router.add('DELETE', `${API}/files/:folderId/session/:sessionId`, 'authenticated', (ctx) => {
    const session = uploads.get(ctx.params['sessionId'], new Date());
    if (session && session.userId === currentUser(ctx).id) uploads.delete(session.id);
    return ok(ctx, null);
  });

  // ---- ChunkedUploader.ashx ----
  router.post('/ChunkedUploader.ashx', 'anonymous', async (ctx) => {
    const identity = ctx.auth.identity;
    const uid = ctx.query.get('uid');
    const flag = (name: string) => ctx.query.get(name) === 'true';
    const session = identity ? uploads.get(uid, new Date()) : undefined;
    if (!identity || !session || session.userId !== identity.userId)
      return handlerReply(200, false, undefined, NOT_AUTHORIZED);
    try {
      if (flag('abort')) {
        uploads.delete(session.id);
        return handlerReply(200, true, undefined, '');
      }
      if (flag('finalize')) {
        const file = completeSession(ctx, deps, session);
        return handlerReply(201, true, uploadedDto(ctx, file, true), '');
      }
      const parts = await readParts(ctx, tuning.chunkUploadSize * 2);
      const chunk = fileParts(parts)[0] ?? parts[0];
      if (!chunk) throw new MultipartError('No file in the request');
      if (flag('upload')) {
        const n = Number(ctx.query.get('chunkNumber'));
        uploads.addChunk(session, chunk.data, new Date(), Number.isInteger(n) && n > 0 ? n : undefined);
        return handlerReply(200, true, sessionDto(ctx, session, false), '');
      }
      uploads.addChunk(session, chunk.data, new Date());
      if (uploads.transferred(session) === session.bytesTotal || !session.useChunks) {
        const file = completeSession(ctx, deps, session);
        return handlerReply(201, true, uploadedDto(ctx, file, true), '');
      }
      return handlerReply(200, true, sessionDto(ctx, session, false), '');
    } catch (error) {
      if (error instanceof ChunkTooLargeError)
        return handlerReply(200, false, undefined, fileSizeMessage(tuning.maxUploadSize));
      if (error instanceof ApiError && error.statusCode === 404)
        return handlerReply(200, false, undefined, error.message);
      return handlerReply(200, false, undefined, error instanceof Error ? error.message : String(error));
    }
  });
  router.add('OPTIONS', '/ChunkedUploader.ashx', 'anonymous', () => emptyReply(200));
}

// Files made from content and conversions (FilesController, FilesControllerHelper, FileConverter):
// POST files/{folderId}/html|text and files/@my/html|text (FileUploader: a same-named file gets a new
// version unless createNewIfExist), POST files/file/{id}/copyas (same format: a copy; another
// format: a conversion), POST files/file/{id}/saveaspdf, and PUT|GET files/file/{id}/checkconversion
// (start and poll; only the formats that must be converted, files:extsMustConvert). Converted bytes
// are minimal valid files of the target format (file-formats.ts): there is no document server.
import { readJsonBody, readOptionalJsonBody } from '../body.ts';
import type { BodyReader } from '../body.ts';
import type { RequestContext } from '../context.ts';
import { fileDto } from '../dto/entries.ts';
import { FileType } from '../enums.ts';
import { ok } from '../envelope.ts';
import { argumentError, invalidOperation } from '../errors.ts';
import { fileBytes } from '../file-content.ts';
import {
  canConvert,
  convertedText,
  documentBytes,
  INTERNAL_EXTENSION,
  MUST_CONVERT,
  replaceExtension,
} from '../file-formats.ts';
import { extensionOf, fileTypeOf } from '../file-kinds.ts';
import { HistoryAction, recordFileEvent } from '../history/record.ts';
import { canCreateIn, createFile, historyOf, MESSAGES, uploadFile } from '../operations/actions.ts';
import type { Actor } from '../operations/actions.ts';
import type { Conversion, ConversionQueue } from '../operations/conversions.ts';
import type { Router } from '../router.ts';
import type { FileRecord, FolderRecord } from '../store.ts';
import { requireFile, requireFolder } from './access.ts';
import { fileReply } from './changes.ts';
import { API, currentUser, scopeOf } from './common.ts';

const NOT_SUPPORTED = "Sorry, this file format isn't supported";
/** FileOperationType.Convert. */
const CONVERT = 6;

function actorOf(ctx: RequestContext): Actor {
  return { store: ctx.store, user: currentUser(ctx), now: new Date() };
}

function writableFolder(ctx: RequestContext, raw: string | number | undefined): FolderRecord {
  const folder = requireFolder(ctx, raw);
  if (!canCreateIn(ctx.store, folder)) throw invalidOperation(MESSAGES.create);
  return folder;
}

/** CreateTextOrHtmlFile: [StringLength(165, MinimumLength = 1)] title; ArgumentException when blank. */
function readContent(r: BodyReader): { title: string; content: string; createNewIfExist: boolean } {
  const title = r.text('title', 'Title', { maxLength: 165, required: true }) ?? '';
  const content = r.text('content', 'Content') ?? '';
  const createNewIfExist = r.bool('createNewIfExist', false);
  r.done();
  if (!title.trim())
    throw argumentError("The value cannot be an empty string or composed entirely of whitespace. (Parameter 'title')");
  return { title, content, createNewIfExist };
}

async function createFromContent(ctx: RequestContext, folderRaw: string | number | undefined, html: boolean) {
  const folder = writableFolder(ctx, folderRaw);
  const { title, content, createNewIfExist } = readContent(await readJsonBody(ctx, { dtoProperty: 'File' }));
  // CreateTextFileAsync: content that looks like markup makes an .html file.
  const extension = html || /<([^\s>]*)(\s[^<]*)>/.test(content) ? '.html' : '.txt';
  const name = title.toLowerCase().endsWith(extension) ? title : `${title}${extension}`;
  const file = uploadFile(actorOf(ctx), folder, name, Buffer.from(content, 'utf8'), createNewIfExist);
  return fileReply(ctx, file);
}

/** The converted copy (FileConverter.SaveConvertedFileAsync): beside the original, a new version of a
 *  same-named file unless createNewIfExist. */
function storeConverted(actor: Actor, file: FileRecord, toExtension: string, createNewIfExist: boolean): FileRecord {
  const folder = actor.store.getFolder(file.folderId);
  if (!folder) throw invalidOperation('The required folder was not found');
  const title = replaceExtension(file.title, toExtension);
  const bytes = documentBytes(title, `Converted from ${file.title} by the DocSpace sandbox`);
  const existing = createNewIfExist ? undefined : actor.store.childFileByTitle(folder.id, title);
  const comment = `Converted from ${file.title}`;
  const result = existing
    ? actor.store.addFileVersion(existing, {
        size: bytes.length,
        content: bytes,
        comment,
        userId: actor.user.id,
        now: actor.now,
      })
    : createFile(actor, folder, title, bytes, comment, HistoryAction.FileConverted);
  if (existing) recordFileEvent(historyOf(actor), HistoryAction.FileConverted, result);
  return result;
}

export function registerContentRoutes(router: Router, deps: { conversions: ConversionQueue }): void {
  router.post(`${API}/files/:folderId/html`, 'authenticated', (ctx) =>
    createFromContent(ctx, ctx.params['folderId'], true),
  );
  router.post(`${API}/files/:folderId/text`, 'authenticated', (ctx) =>
    createFromContent(ctx, ctx.params['folderId'], false),
  );
  router.post(`${API}/files/@my/html`, 'authenticated', (ctx) =>
    createFromContent(ctx, currentUser(ctx).sections.my, true),
  );
  router.post(`${API}/files/@my/text`, 'authenticated', (ctx) =>
    createFromContent(ctx, currentUser(ctx).sections.my, false),
  );

  router.post(`${API}/files/file/:fileId/copyas`, 'authenticated', async (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    const r = await readJsonBody(ctx, { dtoProperty: 'File' });
    const destTitle = r.text('destTitle', 'DestTitle') ?? '';
    const destFolderId = r.id('destFolderId');
    r.optionalBool('enableExternalExt');
    r.text('password', 'Password');
    r.optionalBool('toForm');
    r.done();
    if (destFolderId === undefined || !destTitle.trim()) throw argumentError(MESSAGES.invalidTitle);
    const folder = writableFolder(ctx, destFolderId);
    const actor = actorOf(ctx);
    const from = extensionOf(file.title);
    const to = extensionOf(destTitle);
    const title = actor.store.availableTitle(folder.id, destTitle.trim(), 'file');
    if (from === to) return fileReply(ctx, createFile(actor, folder, title, Buffer.from(fileBytes(file))));
    if (!canConvert(from, to)) throw argumentError(NOT_SUPPORTED);
    const text = convertedText(file.title, fileBytes(file)) ?? `Converted from ${file.title} by the DocSpace sandbox`;
    const bytes = documentBytes(title, text);
    return fileReply(ctx, createFile(actor, folder, title, bytes, MESSAGES.commentUpload, HistoryAction.FileUploaded));
  });

  router.post(`${API}/files/file/:id/saveaspdf`, 'authenticated', async (ctx) => {
    const file = requireFile(ctx, ctx.params['id']);
    const r = await readJsonBody(ctx, { dtoProperty: 'File' });
    const folderId = r.int('folderId');
    const title = r.text('title', 'Title');
    r.done();
    const folder = requireFolder(ctx, folderId);
    if (!canCreateIn(ctx.store, folder)) throw invalidOperation(MESSAGES.securityException);
    if (!canConvert(extensionOf(file.title), '.pdf')) throw argumentError(NOT_SUPPORTED);
    // FileStorageService.SaveAsPdf: "{title}.pdf" as given, not de-duplicated.
    const name = title ? `${title}.pdf` : replaceExtension(file.title, '.pdf');
    const pdf = documentBytes(name, `${file.title} saved as PDF by the DocSpace sandbox`);
    return fileReply(ctx, createFile(actorOf(ctx), folder, name, pdf));
  });

  /** FileConverterOperationResult as ConversationResultDto. */
  const statusOf = (ctx: RequestContext, job: Conversion) => {
    const now = Date.now();
    const progress = deps.conversions.progress(job, now);
    if (progress === 100 && job.resultFileId === undefined && job.error === undefined) {
      const source = ctx.store.getFile(job.fileId);
      if (!source) job.error = 'The required file was not found';
      else job.resultFileId = storeConverted(actorOf(ctx), source, job.toExtension, job.createNewIfExist).id;
    }
    const result = job.resultFileId !== undefined ? ctx.store.getFile(job.resultFileId) : undefined;
    return {
      id: '',
      Operation: CONVERT,
      progress,
      source: JSON.stringify({ id: job.fileId, version: job.version, updateIfExist: !job.createNewIfExist }),
      result: result ? fileDto(scopeOf(ctx), result) : undefined,
      error: job.error ?? '',
      processed: progress === 100 ? '1' : '',
    };
  };

  const check = (
    ctx: RequestContext,
    file: FileRecord,
    start: boolean,
    options: { outputType?: string; createNewIfExist: boolean },
  ) => {
    const user = currentUser(ctx);
    if (start) {
      // ExecAsynchronouslyAsync: only files:extsMustConvert; an internal format is left alone.
      const ext = extensionOf(file.title);
      if (!MUST_CONVERT.includes(ext)) throw argumentError(NOT_SUPPORTED);
      const internal = INTERNAL_EXTENSION[fileTypeOf(file.title)] ?? INTERNAL_EXTENSION[FileType.Document] ?? '.docx';
      const output = options.outputType
        ? options.outputType.startsWith('.')
          ? options.outputType
          : `.${options.outputType}`
        : internal;
      if (!canConvert(ext, output)) throw argumentError(NOT_SUPPORTED);
      deps.conversions.start(file, user.id, output.toLowerCase(), options.createNewIfExist, Date.now());
    }
    const job = deps.conversions.get(file.id, user.id);
    // IAsyncEnumerable: count is 1 (docspace-api.md §2.1).
    return ok(ctx, job ? [statusOf(ctx, job)] : [], { count: 1 });
  };

  router.add('PUT', `${API}/files/file/:fileId/checkconversion`, 'authenticated', async (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    const r = await readOptionalJsonBody(ctx);
    const outputType = r.text('outputType', 'OutputType');
    const createNewIfExist = r.bool('createNewIfExist', false);
    r.int('version');
    r.done();
    return check(ctx, file, true, { ...(outputType ? { outputType } : {}), createNewIfExist });
  });

  router.get(`${API}/files/file/:fileId/checkconversion`, 'authenticated', (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    const start = (ctx.query.get('start') ?? '').toLowerCase() === 'true';
    return check(ctx, file, start, { createNewIfExist: false });
  });
}

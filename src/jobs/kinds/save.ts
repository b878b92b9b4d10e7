import { copyFileAs, createHtmlFile } from '../../docspace/api-content.ts';
import { existingTitles } from '../../docspace/api-uploads.ts';
import type { FileDto } from '../../docspace/dto.ts';
import { trashEntries } from '../../docspace/file-operations.ts';
import { responseFileName } from '../../capture/response-name.ts';
import { AppError, appError, type ErrorData } from '../../errors/index.ts';
import type { EntryId } from '../../protocol/index.ts';
import { resultIn } from '../job-results.ts';
import type { ItemContext, JobKind, Reconciled } from '../job-kind.ts';
import type { JobItem, JobRecord } from '../job-record.ts';
import type { UploadBlobStore } from './upload-blobs.ts';
import { filesIn, ours, uploadKind, type UploadInput, type UploadParams, type UploadProgress } from './upload.ts';

export interface SaveParams extends UploadParams {
  /** Articles and selections (method 'html') end as .docx: the portal converts the HTML, which is then deleted. */
  convertToDocx?: boolean;
}

/**
 * One thing saved from a page. Bytes made at the click (a snapshot, an article, a selection, a link file) are in
 * the blob store already (`key`, `name`, `size`); a linked file or an image is fetched by the job (`url`), so a
 * save of a large file outlives the worker like an upload does.
 */
export interface SaveInput {
  /** What the user reads in the job's failure list (a name, or the address). */
  label: string;
  /** 'html': stored through files/{folderId}/html (articles, selections); 'upload': as the file it is. */
  method: 'upload' | 'html';
  key?: string;
  name?: string;
  size?: number;
  url?: string;
}

export interface SaveProgress extends UploadProgress {
  /** The bytes to store, once they are in the blob store (fetched, or made at the click). */
  file?: { key: string; name: string; size: number };
  /**
   * The conversion of the HTML made first (`htmlId`) into `name` (.docx), asked for at `startedAt` (a lost answer
   * is looked up by name and time); `done` once the .docx is the item's result; `error` when the portal would not
   * convert it: the HTML stays the result and the job says so.
   */
  conversion?: { htmlId: EntryId; name: string; startedAt: number; done?: boolean; error?: ErrorData };
}

/** What the job's fetch of a link or an image got. */
export interface FetchedFile {
  blob: Blob;
  contentDisposition: string | null;
  contentType: string | null;
  /** After redirects: its last segment may name the file. */
  url: string;
}

export interface SaveDeps {
  blobs: UploadBlobStore & { put(blobs: readonly Blob[]): Promise<string[]> };
  /**
   * Fetches an address (the browser's fetch, with the host permission the click asked for). Throws the AppError
   * `saveNeedsAccess` without the permission, a TypeError when the network failed, and returns any answer.
   */
  fetchFile(url: string, signal: AbortSignal): Promise<FetchedFile | { status: number }>;
}

type Job = JobRecord<SaveParams, SaveInput, SaveProgress>;
type Item = JobItem<SaveInput, SaveProgress>;
/** The upload kind reads only the params of the job it is given, which a save job shares. */
type UploadJob = JobRecord<UploadParams, UploadInput, UploadProgress>;

/** A network that is down for this long fails the fetch (with Retry); shorter outages are waited out. */
const FETCH_PATIENCE_MS = 15 * 60_000;

/**
 * Saves what the user took from a page into one folder. Bytes become a file the way an upload makes it (the
 * upload kind does that part, chunked sessions and lost answers included), or, for articles and selections, an
 * HTML document through `files/{id}/html`, whose lost answer is looked up in the folder before anything is sent
 * again. The conflict choice is the user's save setting (keep both by default).
 */
export function saveKind(deps: SaveDeps): JobKind<SaveParams, SaveInput, SaveProgress> {
  const upload = uploadKind(deps.blobs);

  /** The item as the upload kind sees it: same result object, so its progress is the save's progress. */
  const asUpload = (item: Item): JobItem<UploadInput, UploadProgress> => {
    const file = item.result!.file!;
    return { ...item, input: { key: file.key, name: file.name, size: file.size }, result: item.result! };
  };

  const produce = async (item: Item, context: ItemContext): Promise<SaveProgress['file']> => {
    const { input } = item;
    if (input.key !== undefined && input.name !== undefined && input.size !== undefined)
      return { key: input.key, name: input.name, size: input.size };
    if (!input.url) throw appError('internal', { detail: 'a save item without bytes or an address' });
    const fetched = await fetchPatiently(deps, input.url, context);
    const [key] = await deps.blobs.put([fetched.blob]);
    const name = responseFileName(fetched, fetched.url || input.url);
    return { key: key!, name, size: fetched.blob.size };
  };

  return {
    kind: 'save',
    concurrency: 2,
    title: (job) => ({ key: 'jobTitle_save', params: [job.params.folderTitle] }),
    folders: (job) => [job.params.folderId],
    label: (input) => input.label,
    // What the notice opens, copies a link to and undoes: a new version of a file that was there is not the
    // job's own to trash, so then there is no Undo.
    result: (job) => {
      const done = job.items.filter((item) => item.state === 'done' && item.result?.fileId !== undefined);
      const made = done.map((item) => ({ kind: 'file' as const, id: item.result!.fileId! }));
      const replaced = done.some((item) => item.result?.baseline?.existing && !item.result.conversion);
      return resultIn(job.params.folderId, made, job.params.conflict !== 'overwrite' || !replaced);
    },
    bytes: (job) => ({
      total: job.items.reduce((sum, item) => sum + (item.result?.file?.size ?? item.input.size ?? 0), 0),
      done: job.items.reduce(
        (sum, item) =>
          sum +
          (item.state === 'done' || item.state === 'skipped'
            ? (item.result?.file?.size ?? 0)
            : (item.result?.sent ?? 0)),
        0,
      ),
    }),

    async run(job, item, context) {
      const progress: SaveProgress = (item.result ??= { sent: 0 });
      if (!progress.file) {
        progress.file = await produce(item, context);
        await context.checkpoint();
      }
      if (item.input.method === 'html') {
        if (progress.fileId === undefined) {
          const made = await saveHtml(deps, job, item, context);
          if (made.state === 'skipped' || !job.params.convertToDocx) return made;
          await context.checkpoint();
        }
        if (job.params.convertToDocx && !progress.conversion?.done && !progress.conversion?.error)
          await convertToDocx(job, progress, context);
        return { state: 'done', result: progress };
      }
      const view = asUpload(item);
      const done = await upload.run(job as unknown as UploadJob, view, context);
      return { state: done.state, result: Object.assign(progress, done.result) };
    },

    async reconcile(job, items, context) {
      const found = new Map<number, Reconciled<SaveProgress>>();
      const withBytes = items.filter(({ item }) => item.result?.file);
      const uploads = withBytes.filter(({ item }) => item.input.method === 'upload');
      if (uploads.length > 0) {
        const views = uploads.map(({ index, item }) => ({ index, item: asUpload(item) }));
        const made = await upload.reconcile(job as unknown as UploadJob, views, context);
        views.forEach(({ index, item: view }, i) => {
          uploads[i]!.item.attempts = view.attempts;
          const verdict = made.get(index);
          if (verdict && verdict.state !== 'pending') {
            found.set(index, { state: verdict.state, result: { ...uploads[i]!.item.result!, ...verdict.result } });
          }
        });
      }
      const html = withBytes.filter(
        ({ item }) => item.input.method === 'html' && item.state !== 'pending' && item.result?.baseline,
      );
      if (html.length > 0) {
        const files = await filesIn(job.params.folderId, context);
        for (const { index, item } of html) {
          const progress = item.result!;
          if (job.params.convertToDocx) {
            // The HTML made and not converted yet (or its conversion's answer lost): the run goes on from there.
            const html = progress.fileId ?? ours(files, asUpload(item), context)?.id;
            if (html === undefined) continue;
            progress.fileId = html;
            await deps.blobs.remove([progress.file!.key]);
            const docx = progress.conversion && convertedFile(files, progress.conversion, context);
            if (!docx) continue;
            progress.fileId = docx.id;
            progress.conversion!.done = true;
            progress.sent = progress.file!.size;
            found.set(index, { state: 'done', result: progress });
            continue;
          }
          const mine = ours(files, asUpload(item), context);
          if (!mine) continue;
          await deps.blobs.remove([item.result!.file!.key]);
          found.set(index, {
            state: 'done',
            result: { ...item.result!, fileId: mine.id, sent: item.result!.file!.size },
          });
        }
      }
      return found;
    },

    async verify(job, context) {
      await deps.blobs.remove(job.items.flatMap((item) => (item.result?.file ? [item.result.file.key] : [])));
      const done = job.items.flatMap((item, index) => (item.state === 'done' ? [{ item, index }] : []));
      if (done.length === 0) return { missing: [], findings: [] };
      const listed = await filesIn(job.params.folderId, context);
      const files = new Map(listed.map((f) => [String(f.id), f]));
      const missing = done.flatMap(({ item, index }) => {
        const file = files.get(String(item.result?.fileId));
        if (!file) return [index];
        // An uploaded file holds exactly the bytes sent; an HTML document is the portal's to store as it likes.
        const size = item.result?.file?.size;
        const sizeOk =
          item.input.method === 'html' || file.pureContentLength === undefined || file.pureContentLength === size;
        return sizeOk ? [] : [index];
      });
      const findings: ErrorData[] = [];
      // The HTML a conversion replaced is the job's own intermediate, seen by no one: deleted for good.
      const replaced = done.flatMap(({ item }) => {
        const conversion = item.result?.conversion;
        return conversion?.done && files.has(String(conversion.htmlId)) ? [conversion.htmlId] : [];
      });
      if (replaced.length > 0)
        await trashEntries(context.client, { fileIds: replaced }, { lane: 'bulk', immediately: true, ...context });
      const unconverted = done.flatMap(({ item }) => (item.result?.conversion?.error ? [item.result.conversion] : []));
      if (unconverted.length > 0) {
        const reason = unconverted[0]!.error!;
        findings.push(appError('saveNotConverted', { count: unconverted.length, detail: reasonText(reason) }).toData());
      }
      const extras = copiesToRemove(job, listed, context);
      if (extras.length === 0) return { missing, findings };
      await trashEntries(context.client, { fileIds: extras.map((f) => f.id) }, { lane: 'bulk', ...context });
      return { missing, findings: [...findings, appError('saveDuplicatesRemoved', { count: extras.length }).toData()] };
    },

    async discard(job) {
      const keys = job.items.flatMap((item) => [
        ...(item.input.key ? [item.input.key] : []),
        ...(item.result?.file ? [item.result.file.key] : []),
      ]);
      await deps.blobs.remove(keys);
    },
  };
}

/** Two stores of one request are this close in the portal's own clock; two saves by the user are not. */
const RESEND_WINDOW_MS = 5_000;

/**
 * Copies the portal made of a file this job made, because the browser sent the request again by itself after a
 * connection reset (Chromium does, without telling the page): the same name pattern ("name (1).ext"), size and
 * author, made within seconds of the file the job recorded, and not any item's own result or what was there
 * before. Of each such group the file with the name asked for (else the oldest) stays and becomes the item's
 * result; the others are returned, to be moved to the Trash. Anything else is left to the user.
 */
function copiesToRemove(job: Job, listed: FileDto[], context: ItemContext): FileDto[] {
  const own = new Set(job.items.map((item) => String(item.result?.fileId)));
  const extras = new Map<string, FileDto>();
  for (const item of job.items) {
    if (item.state !== 'done' || !item.result?.file || item.result.fileId === undefined) continue;
    const recorded = listed.find((f) => String(f.id) === String(item.result!.fileId));
    const recordedAt = Date.parse(recorded?.created ?? '');
    if (!recorded || !Number.isFinite(recordedAt)) continue;
    const conversion = item.result.conversion?.done ? item.result.conversion : undefined;
    const view: JobItem<UploadInput, UploadProgress> = {
      ...item,
      input: {
        key: item.result.file.key,
        name: conversion?.name ?? item.result.file.name,
        size: recorded.pureContentLength ?? item.result.file.size,
      },
      result: item.result,
    };
    const copies = listed.filter((file) => {
      if (own.has(String(file.id)) || String(file.id) === String(item.result!.baseline?.existing?.id)) return false;
      if (conversion && String(file.id) === String(conversion.htmlId)) return false;
      const created = Date.parse(file.created ?? '');
      const near = Number.isFinite(created) && Math.abs(created - recordedAt) <= RESEND_WINDOW_MS;
      return near && file.createdBy?.id === context.userId && ours([file], view, context) !== undefined;
    });
    if (copies.length === 0) continue;
    const group = [recorded, ...copies];
    const keep =
      group.find((f) => f.title === view.input.name) ??
      [...group].sort((x, y) => Date.parse(x.created ?? '') - Date.parse(y.created ?? ''))[0]!;
    item.result.fileId = keep.id;
    own.add(String(keep.id));
    for (const file of group) if (file !== keep) extras.set(String(file.id), file);
  }
  return [...extras.values()];
}

/** The keys a save job holds in the blob store (kept by the sweep while the job is not finished). */
export function saveBlobKeys(job: JobRecord): string[] {
  return (job.items as Item[]).flatMap((item) => [
    ...(item.input.key ? [item.input.key] : []),
    ...(item.result?.file ? [item.result.file.key] : []),
  ]);
}

async function saveHtml(
  deps: SaveDeps,
  job: Job,
  item: Item,
  context: ItemContext,
): Promise<{ state: 'done' | 'skipped'; result: SaveProgress }> {
  const progress = item.result!;
  const file = progress.file!;
  const { folderId, conflict } = job.params;
  const finished = async (state: 'done' | 'skipped') => {
    await deps.blobs.remove([file.key]);
    return { state, result: progress };
  };
  const convert = job.params.convertToDocx === true;
  if (!progress.baseline) {
    // Converted, the name that counts is the .docx one; a .docx cannot become a new version of one (the portal
    // copies into a new file), so "new version" keeps both then.
    const target = convert ? docxName(file.name) : file.name;
    const exists = (await existingTitles(context.client, folderId, [target], context)).includes(target);
    if (exists && conflict === 'skip') return finished('skipped');
    const same = exists && !convert ? (await filesIn(folderId, context)).find((f) => f.title === file.name) : undefined;
    progress.baseline = {
      startedAt: context.now().getTime(),
      ...(same ? { existing: { id: same.id, version: same.version ?? 1 } } : {}),
    };
    await context.checkpoint();
  }
  const blob = await deps.blobs.slice(file.key, 0, file.size);
  if (!blob || blob.size !== file.size) throw appError('uploadFileGone', { name: file.name });
  const title = file.name.replace(/\.html?$/i, '');
  const made = await createHtmlFile(
    context.client,
    folderId,
    // The HTML to be converted is the job's own file: never a new version of the user's.
    { title, content: await blob.text(), createNewIfExist: convert || conflict !== 'overwrite' },
    context,
  );
  progress.fileId = made.id;
  progress.sent = file.size;
  return finished('done');
}

/** "Title.html" → "Title.docx". */
function docxName(htmlName: string): string {
  return `${htmlName.replace(/\.html?$/i, '')}.docx`;
}

/** What the portal answers when it will not convert a file (a format it cannot, no right to): the HTML stays. */
const CONVERSION_REFUSALS = new Set(['requestInvalid', 'requestInvalidNoDetail', 'forbidden', 'forbiddenDetail']);

/**
 * Asks the portal for a .docx copy of the HTML just made, in the same folder (the editor opens it; the HTML is
 * deleted at the end of the job). The time is recorded first: a lost answer is looked up by name and time.
 */
async function convertToDocx(job: Job, progress: SaveProgress, context: ItemContext): Promise<void> {
  const htmlId = progress.fileId!;
  progress.conversion ??= { htmlId, name: docxName(progress.file!.name), startedAt: context.now().getTime() };
  await context.checkpoint();
  try {
    const docx = await copyFileAs(
      context.client,
      htmlId,
      { destFolderId: job.params.folderId, destTitle: progress.conversion.name },
      context,
    );
    progress.fileId = docx.id;
    progress.conversion.done = true;
  } catch (error) {
    if (!(error instanceof AppError) || !CONVERSION_REFUSALS.has(error.key)) throw error;
    progress.conversion.error = error.toData();
  }
}

/** The .docx a conversion made: its name (or DocSpace's "name (1).docx"), by this account, after it was asked. */
function convertedFile(
  files: FileDto[],
  conversion: NonNullable<SaveProgress['conversion']>,
  context: ItemContext,
): FileDto | undefined {
  const base = conversion.name.replace(/\.docx$/i, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = new RegExp(`^${base}( \\(\\d+\\))?\\.docx$`, 'i');
  return files.find((f) => {
    const created = Date.parse(f.created ?? '');
    return (
      String(f.id) !== String(conversion.htmlId) &&
      named.test(f.title) &&
      (f.createdBy?.id === undefined || f.createdBy.id === context.userId) &&
      Number.isFinite(created) &&
      created >= conversion.startedAt - LOOKUP_SKEW_MS
    );
  });
}

/** The portal's clock and ours may differ by this much (as the upload kind allows). */
const LOOKUP_SKEW_MS = 5 * 60_000;

/** A refusal's own words for a finding: the server's message when it gave one. */
function reasonText(error: ErrorData): string {
  return error.params[0] || `HTTP ${error.status ?? '?'}`;
}

/**
 * GET of a link or an image: safe to repeat, so a network that is down (offline, a reset) is waited out with
 * backoff, inside the item; a refusal of the address (4xx, 5xx) fails the item with its status.
 */
async function fetchPatiently(deps: SaveDeps, url: string, context: ItemContext): Promise<FetchedFile> {
  const started = context.now().getTime();
  // Marked once for the whole outage, not per try: the job does not flicker between running and waiting.
  let waiting = false;
  try {
    for (let attempt = 0; ; attempt++) {
      let answer: FetchedFile | { status: number };
      try {
        answer = await deps.fetchFile(url, context.signal);
      } catch (error) {
        if (context.signal.aborted) throw appError('cancelled', {});
        if (error instanceof AppError) throw error;
        if (context.now().getTime() - started > FETCH_PATIENCE_MS) throw appError('saveUnreachable', { url });
        if (!waiting) context.waitingForNetwork?.((waiting = true));
        await context.sleep(Math.min(30_000, 1_000 * 2 ** attempt), context.signal);
        continue;
      }
      if ('blob' in answer) return answer;
      throw appError('saveFetchRefused', { url, status: answer.status });
    }
  } finally {
    if (waiting) context.waitingForNetwork?.(false);
  }
}

import { listFolder } from '../../docspace/api-listing.ts';
import {
  createUploadSession,
  existingTitles,
  finalizeUploadSession,
  uploadChunk,
  uploadSettings,
  uploadWhole,
} from '../../docspace/api-uploads.ts';
import type { DocSpaceClient } from '../../docspace/client.ts';
import type { FileDto } from '../../docspace/dto.ts';
import { AppError, appError } from '../../errors/index.ts';
import type { EntryId, UploadConflict } from '../../protocol/index.ts';
import type { ItemContext, JobKind, Reconciled } from '../job-kind.ts';
import type { JobItem, JobRecord } from '../job-record.ts';
import { resultIn } from '../job-results.ts';
import type { UploadBlobStore } from './upload-blobs.ts';

/** skip: a same-named file stays as it is; overwrite: the upload becomes its new version; duplicate: "name (1).ext". */
export type { UploadConflict };

export interface UploadParams {
  folderId: EntryId;
  folderTitle: string;
  conflict: UploadConflict;
}

export interface UploadInput {
  /** The file's key in the upload blob store. */
  key: string;
  name: string;
  size: number;
}

/**
 * What an item has achieved so far, stored with the job after every step (write-ahead): a worker that starts
 * after this one stopped goes on from here.
 */
export interface UploadProgress {
  /** Bytes the portal is known to hold. */
  sent: number;
  /** The file made or given a new version, once done. */
  fileId?: EntryId;
  /**
   * Recorded before the first byte left: the same-named file and its version, so that after a lost answer a new
   * version or a new file can be told from what was there.
   */
  baseline?: { startedAt: number; existing?: { id: EntryId; version: number } };
  /** A chunked upload under way: chunk `next` (from 1) and those after it are not known to have arrived. */
  session?: { id: string; chunkSize: number; next: number; expiresAt?: number; finalizing?: boolean };
  /** Sessions started again after the portal dropped one (expired). */
  restarts?: number;
  /** `sent` when a worker last found this item unfinished: a resume that got further is not a failed attempt. */
  resumedAt?: number;
}

type Job = JobRecord<UploadParams, UploadInput, UploadProgress>;
type Item = JobItem<UploadInput, UploadProgress>;

/** A session this close to its expiry is not resumed: its next chunk might arrive after it. */
const EXPIRY_MARGIN_MS = 60_000;
const MAX_RESTARTS = 3;
/** The portal's clock and ours may differ by this much when we ask "was this file made during the job?". */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Uploads files the user picked into one folder. A file up to one chunk goes in one request; a larger one through
 * an upload session, chunk by chunk, each numbered so that sending one again after a lost answer replaces it (the
 * portal keeps chunks by number): no byte is ever added twice. Progress is stored after every chunk; a stopped
 * worker is followed by one that goes on with the next chunk, and a session the portal dropped (expired) is started
 * again. The file's bytes are read from the blob store and deleted from it once its item is finished.
 */
export function uploadKind(blobs: UploadBlobStore): JobKind<UploadParams, UploadInput, UploadProgress> {
  const chunkSizes = new WeakMap<DocSpaceClient, Promise<number>>();
  const chunkSize = (context: ItemContext): Promise<number> => {
    let size = chunkSizes.get(context.client);
    if (!size) {
      size = uploadSettings(context.client, { signal: context.signal }).then((s) => s.chunkSize);
      size.catch(() => chunkSizes.delete(context.client));
      chunkSizes.set(context.client, size);
    }
    return size;
  };

  const finished = async (item: Item, state: 'done' | 'skipped', progress: UploadProgress) => {
    await blobs.remove([item.input.key]);
    delete progress.session;
    return { state, result: progress };
  };

  return {
    kind: 'upload',
    concurrency: 2,
    title: (job) => ({ key: 'jobTitle_upload', params: [job.params.folderTitle] }),
    folders: (job) => [job.params.folderId],
    label: (input) => input.name,
    // A new version of a file that was there is not the job's own to trash: then there is no Undo.
    result: (job) => {
      const done = job.items.filter((item) => item.state === 'done' && item.result?.fileId !== undefined);
      const made = done.map((item) => ({ kind: 'file' as const, id: item.result!.fileId! }));
      return resultIn(
        job.params.folderId,
        made,
        job.params.conflict !== 'overwrite' || done.every((item) => !item.result?.baseline?.existing),
      );
    },
    bytes: (job) => ({
      total: job.items.reduce((sum, item) => sum + item.input.size, 0),
      done: job.items.reduce(
        (sum, item) =>
          sum + (item.state === 'done' || item.state === 'skipped' ? item.input.size : (item.result?.sent ?? 0)),
        0,
      ),
    }),

    async run(job, item, context) {
      const { input } = item;
      const { folderId, conflict } = job.params;
      const progress: UploadProgress = (item.result ??= { sent: 0 });
      if (!progress.baseline) {
        const exists = (await existingTitles(context.client, folderId, [input.name], context)).includes(input.name);
        if (exists && conflict === 'skip') return finished(item, 'skipped', progress);
        const existing = exists ? await sameNamed(folderId, input.name, context) : undefined;
        progress.baseline = { startedAt: context.now().getTime(), ...(existing ? { existing } : {}) };
        await context.checkpoint();
      }
      // skip: a same-named file that appeared since the check gets a copy, never a new version.
      const createNewIfExist = conflict !== 'overwrite';
      const size = progress.session?.chunkSize ?? (await chunkSize(context));
      if (input.size <= size) {
        const blob = await read(blobs, input, 0, input.size);
        const file = await tooLargeAs(input, () =>
          uploadWhole(context.client, folderId, { blob, name: input.name }, createNewIfExist, context),
        );
        progress.fileId = file.id;
        progress.sent = input.size;
        return finished(item, 'done', progress);
      }
      for (;;) {
        let session = progress.session;
        if (
          session &&
          session.expiresAt !== undefined &&
          session.expiresAt - EXPIRY_MARGIN_MS <= context.now().getTime()
        )
          session = undefined;
        if (!session) {
          const info = await tooLargeAs(input, () =>
            createUploadSession(context.client, folderId, input, createNewIfExist, context),
          );
          session = progress.session = { id: info.id, chunkSize: size, next: 1 };
          if (info.expiresAt !== undefined) session.expiresAt = info.expiresAt;
          progress.sent = 0;
          await context.checkpoint();
        }
        const file = await sendChunks(blobs, job, item, session, context);
        if (file) {
          progress.fileId = file.id;
          progress.sent = input.size;
          return finished(item, 'done', progress);
        }
        // A finalize that finds no session (a 404; a 500 is an unknown outcome the engine looks up) may be the
        // second of two, a browser re-sending after a reset: the first may have made the file. Looked for first.
        if (session.finalizing) {
          const made = ours(await filesIn(folderId, context), item, context);
          if (made) {
            progress.fileId = made.id;
            progress.sent = input.size;
            return finished(item, 'done', progress);
          }
        }
        // The portal no longer knows the session (it expired): a new one, from the first chunk.
        progress.restarts = (progress.restarts ?? 0) + 1;
        if (progress.restarts > MAX_RESTARTS) throw appError('uploadSessionLost', { name: input.name });
        delete progress.session;
        progress.sent = 0;
        await context.checkpoint();
      }
    },

    async reconcile(job, items, context) {
      const found = new Map<number, Reconciled<UploadProgress>>();
      for (const { item } of items) {
        const progress = item.result;
        if (item.state === 'pending' || !progress?.session || progress.session.finalizing) continue;
        // Mid-file, the next step (a numbered chunk) is safe to repeat: a worker stopped after it got further
        // than the last one did not spend an attempt, so a long upload survives any number of stops that progress.
        if (progress.sent > (progress.resumedAt ?? -1)) item.attempts = 0;
        progress.resumedAt = progress.sent;
      }
      // Only a whole-file upload or a finalize may have made the file; chunks in between are sent again safely.
      const open = items.filter(
        ({ item }) =>
          item.state !== 'pending' &&
          item.result?.baseline &&
          (item.result.session === undefined || item.result.session.finalizing),
      );
      if (open.length === 0) return found;
      const files = await filesIn(job.params.folderId, context);
      for (const { index, item } of open) {
        const made = ours(files, item, context);
        if (!made) continue;
        const progress = { ...item.result!, fileId: made.id, sent: item.input.size };
        delete progress.session;
        await blobs.remove([item.input.key]);
        found.set(index, { state: 'done', result: progress });
      }
      return found;
    },

    async verify(job, context) {
      // Every item is finished now: what failed failed for good, and its bytes go too.
      await blobs.remove(job.items.map((item) => item.input.key));
      const done = job.items.flatMap((item, index) => (item.state === 'done' ? [{ item, index }] : []));
      if (done.length === 0) return { missing: [], findings: [] };
      const files = new Map((await filesIn(job.params.folderId, context)).map((f) => [String(f.id), f]));
      const missing = done.flatMap(({ item, index }) => {
        const file = files.get(String(item.result?.fileId));
        return file && (file.pureContentLength === undefined || file.pureContentLength === item.input.size)
          ? []
          : [index];
      });
      return { missing, findings: [] };
    },

    async discard(job) {
      await blobs.remove(job.items.map((item) => item.input.key));
    },
  };
}

/**
 * Sends the chunks not known to have arrived, then joins them. Returns the file, or null when the portal no longer
 * knows the session. Progress is stored after each chunk the portal confirmed.
 */
async function sendChunks(
  blobs: UploadBlobStore,
  job: Job,
  item: Item,
  session: NonNullable<UploadProgress['session']>,
  context: ItemContext,
): Promise<FileDto | null> {
  const { input } = item;
  const { folderId } = job.params;
  const progress = item.result!;
  const count = Math.ceil(input.size / session.chunkSize);
  try {
    while (session.next <= count) {
      const start = (session.next - 1) * session.chunkSize;
      const end = Math.min(input.size, start + session.chunkSize);
      const blob = await read(blobs, input, start, end);
      const info = await uploadChunk(
        context.client,
        folderId,
        session.id,
        { number: session.next, blob, name: input.name },
        context,
      );
      session.next++;
      if (info.expiresAt !== undefined) session.expiresAt = info.expiresAt;
      progress.sent = end;
      await context.checkpoint();
    }
    // Marked first: a finalize whose answer is lost is looked for in the folder before anything is sent again.
    session.finalizing = true;
    await context.checkpoint();
    return await finalizeUploadSession(context.client, folderId, session.id, context);
  } catch (error) {
    if (sessionGone(error)) return null;
    throw error;
  }
}

/** The portal answers a chunk or finalize for a session it dropped with a 500 (a null session) or a 404. */
function sessionGone(error: unknown): boolean {
  return error instanceof AppError && (error.status === 500 || error.status === 404);
}

async function read(blobs: UploadBlobStore, input: UploadInput, start: number, end: number): Promise<Blob> {
  const blob = await blobs.slice(input.key, start, end);
  if (!blob || blob.size !== end - start) throw appError('uploadFileGone', { name: input.name });
  return blob;
}

/** The portal's size refusal (402), said with the file's name. */
async function tooLargeAs<T>(input: UploadInput, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof AppError && error.status === 402)
      throw appError('uploadTooLarge', { name: input.name, detail: error.params[0] ?? '' });
    throw error;
  }
}

async function sameNamed(
  folderId: EntryId,
  name: string,
  context: ItemContext,
): Promise<{ id: EntryId; version: number } | undefined> {
  const file = (await filesIn(folderId, context)).find((f) => f.title === name);
  return file ? { id: file.id, version: file.version ?? 1 } : undefined;
}

/** Every file directly in a folder (paged by 100). */
async function filesIn(folderId: EntryId, { client, signal }: ItemContext): Promise<FileDto[]> {
  const out: FileDto[] = [];
  for (let startIndex = 0; ;) {
    const page = await listFolder(client, folderId, { startIndex, count: 100, lane: 'bulk', signal });
    out.push(...page.files);
    startIndex += page.folders.length + page.files.length;
    if (page.folders.length + page.files.length === 0 || startIndex >= page.total) return out;
  }
}

/** The file this item made: a newer version of the same-named file, or a new file of its name and size. */
function ours(files: FileDto[], item: Item, context: ItemContext): FileDto | undefined {
  const { input } = item;
  const baseline = item.result!.baseline!;
  const existing = baseline.existing;
  if (existing) {
    const same = files.find((f) => String(f.id) === String(existing.id));
    if (same && (same.version ?? 1) > existing.version && same.title === input.name) return same;
  }
  const dot = input.name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [input.name.slice(0, dot), input.name.slice(dot)] : [input.name, ''];
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = new RegExp(`^${escaped(base)}( \\(\\d+\\))?${escaped(ext)}$`);
  return files.find((f) => {
    const created = Date.parse(f.created ?? '');
    return (
      String(f.id) !== String(existing?.id) &&
      named.test(f.title) &&
      (f.pureContentLength === undefined || f.pureContentLength === input.size) &&
      (f.createdBy?.id === undefined || f.createdBy.id === context.userId) &&
      Number.isFinite(created) &&
      created >= baseline.startedAt - CLOCK_SKEW_MS
    );
  });
}

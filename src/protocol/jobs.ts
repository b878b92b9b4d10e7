import * as v from 'valibot';
import type { ErrorData } from '../errors/index.ts';
import type { EntryId, LocalText, PortalId } from './common.ts';
import type { EntryRef } from './browse.ts';
import { command, empty, entryIdSchema, portalIdSchema, text } from './define.ts';

/**
 * running: items are being done; waiting: nothing can go until something outside changes (a sign-in, the
 * portal's pause); verifying: every item was tried, the end state is being checked; paused: by the user.
 */
export type JobStatus = 'running' | 'waiting' | 'verifying' | 'paused' | 'done' | 'failed' | 'cancelled';

export interface JobFailure {
  /** What the item was, as the user named it (a folder title, a file name). */
  label: string;
  error: ErrorData;
}

/**
 * What a finished job left, whatever its kind: what "Open" shows and what "Undo" may move to the Trash. A kind
 * says it (`JobKind.result`); the notification, the badge and the pages key off it, never off the kind's name.
 */
export interface JobResult {
  /** The one file or folder the job made, or the folder it wrote into. */
  open: EntryRef;
  /** Everything this job made and nothing else (absent: the job cannot be undone, e.g. a move or a new version). */
  made?: EntryRef[];
}

/** A durable background job as the pages see it, whatever its kind; the items stay in the background. */
export interface JobSummary {
  id: string;
  kind: string;
  portalId: PortalId;
  title: LocalText;
  /** The folders the job writes into: a page showing one of them shows the job's progress. */
  folderIds: EntryId[];
  status: JobStatus;
  /** Why a waiting job waits. */
  waitingFor?: 'signIn' | 'portal' | 'network';
  total: number;
  done: number;
  skipped: number;
  failed: number;
  /** Bytes sent of bytes in all, for jobs that move file contents (uploads). */
  bytes?: { done: number; total: number };
  /** The first few items that failed, with the portal's reason. */
  failures: JobFailure[];
  /** Why the whole job stopped, when it did. */
  error?: ErrorData;
  /** What the final check found (e.g. extra copies). */
  findings?: ErrorData[];
  /** Once finished (done or failed): what it left, where the kind can say. */
  result?: JobResult;
  createdAt: string;
  updatedAt: string;
}

const jobId = v.object({ jobId: text(100) });

/** What an upload does with a name the folder holds already: leave it, add a version to it, or keep both. */
export type UploadConflict = 'skip' | 'overwrite' | 'duplicate';

export const jobCommands = {
  createFolders: command<JobSummary>()(
    v.object({
      portalId: portalIdSchema,
      parentId: entryIdSchema,
      parentTitle: text(1_000),
      titles: v.pipe(v.array(text(1_000)), v.maxLength(5_000)),
    }),
  ),
  /** Moves or copies entries into a folder, as a job (DocSpace file operations, one per entry). */
  transferEntries: command<JobSummary>()(
    v.object({
      portalId: portalIdSchema,
      entries: v.pipe(
        v.array(v.object({ kind: v.picklist(['file', 'folder']), id: entryIdSchema, title: text(1_000) })),
        v.minLength(1),
        v.maxLength(1_000),
      ),
      fromFolderId: entryIdSchema,
      destFolderId: entryIdSchema,
      destTitle: text(1_000),
      copy: v.boolean(),
      conflict: v.picklist(['skip', 'overwrite', 'duplicate']),
    }),
  ),
  /** Moves many entries to the Trash, as a job (one DocSpace delete operation per entry). */
  trashEntriesJob: command<JobSummary>()(
    v.object({
      portalId: portalIdSchema,
      entries: v.pipe(
        v.array(
          v.object({
            kind: v.picklist(['file', 'folder']),
            id: entryIdSchema,
            title: text(1_000),
            fromFolderId: v.optional(entryIdSchema),
          }),
        ),
        v.minLength(1),
        v.maxLength(1_000),
      ),
      fromFolderId: entryIdSchema,
      fromTitle: text(1_000),
    }),
  ),
  /** Which of these names a folder holds already (asked before an upload, to offer skip / new version / keep both). */
  checkUploadNames: command<string[]>()(
    v.object({
      portalId: portalIdSchema,
      folderId: entryIdSchema,
      names: v.pipe(v.array(text(1_000)), v.minLength(1), v.maxLength(1_000)),
    }),
  ),
  /** Uploads files a page stored in the upload store (by key) into a folder, as a job. */
  uploadFiles: command<JobSummary>()(
    v.object({
      portalId: portalIdSchema,
      folderId: entryIdSchema,
      folderTitle: text(1_000),
      conflict: v.picklist(['skip', 'overwrite', 'duplicate']),
      files: v.pipe(
        v.array(
          v.object({
            key: text(200),
            name: text(1_000),
            size: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
          }),
        ),
        v.minLength(1),
        v.maxLength(1_000),
      ),
    }),
  ),
  listJobs: command<JobSummary[]>()(empty),
  cancelJob: command<JobSummary>()(jobId),
  pauseJob: command<JobSummary>()(jobId),
  resumeJob: command<JobSummary>()(jobId),
  retryJob: command<JobSummary>()(jobId),
  dismissJob: command<{ jobId: string }>()(jobId),
};

export interface JobEvents {
  jobChanged: JobSummary;
  jobRemoved: { jobId: string };
}

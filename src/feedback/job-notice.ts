import type { JobSummary, LocalText } from '../protocol/index.ts';

/** What a notification button does. Chrome shows at most two buttons; a click on the notice itself opens. */
export type NoticeAction = 'open' | 'copyLink' | 'undo';

export interface JobNotice {
  /** One notification per job: a later one for the same job (after Undo, a retry) replaces it. */
  id: string;
  jobId: string;
  title: LocalText;
  message: LocalText;
  buttons: NoticeAction[];
  /** Until when (epoch ms) Undo is offered; absent when the job cannot be undone. */
  undoUntil?: number;
}

/** How long after a job finished its Undo is offered. */
export const UNDO_WINDOW_MS = 60_000;

const PREFIX = 'dpt-job/';

export const noticeId = (jobId: string): string => `${PREFIX}${jobId}`;
export const jobIdOfNotice = (id: string): string | null => (id.startsWith(PREFIX) ? id.slice(PREFIX.length) : null);

/**
 * The notification a finished job gets, or null: a cancelled job was the user's own doing and says nothing.
 * Done: what was made; failed: why (the job's cause, else the first item's). Open and Copy link need the result,
 * Undo only what this job made alone, for a short time.
 */
export function noticeFor(job: JobSummary, now: number): JobNotice | null {
  if (job.status !== 'done' && job.status !== 'failed') return null;
  const notice: JobNotice = {
    id: noticeId(job.id),
    jobId: job.id,
    title: job.title,
    message: messageOf(job),
    buttons: [],
  };
  if (!job.result) return notice;
  const undoable = job.status === 'done' && (job.result.made?.length ?? 0) > 0;
  if (undoable) {
    notice.buttons = ['copyLink', 'undo'];
    notice.undoUntil = now + UNDO_WINDOW_MS;
  } else {
    notice.buttons = ['open', 'copyLink'];
  }
  return notice;
}

function messageOf(job: JobSummary): LocalText {
  if (job.status === 'failed') {
    const cause = job.error ?? job.failures[0]?.error;
    if (cause) return { key: `err_${cause.key}`, params: cause.params };
    return { key: 'noticeFailed', params: [String(job.failed), String(job.total)] };
  }
  if (job.failed > 0) return { key: 'noticeDoneWithFailures', params: [String(job.done), String(job.failed)] };
  if (job.skipped > 0) return { key: 'noticeDoneWithSkipped', params: [String(job.done), String(job.skipped)] };
  return { key: 'noticeDone', params: [String(job.done)] };
}

/** The action behind a button of a notice, knowing Undo may have run out meanwhile. */
export function actionOf(notice: JobNotice, buttonIndex: number, now: number): NoticeAction | 'expired' | null {
  const action = notice.buttons[buttonIndex];
  if (!action) return null;
  if (action === 'undo' && (notice.undoUntil === undefined || now > notice.undoUntil)) return 'expired';
  return action;
}

/** After Undo ran, or its time ran out: the same notice without it (Open and Copy link). */
export function withoutUndo(notice: JobNotice, message?: LocalText): JobNotice {
  const { undoUntil: _gone, ...rest } = notice;
  return { ...rest, buttons: ['open', 'copyLink'], ...(message ? { message } : {}) };
}

/**
 * Each end of a job is told once: `known` holds the ends already told (stored, so a worker that starts again does
 * not repeat them). An end is the job and when it finished, so a job retried after it failed is told again.
 */
export const endOf = (job: JobSummary): string => `${job.id}@${job.updatedAt}`;

export function isNewEnd(job: JobSummary, known: readonly string[]): boolean {
  return (job.status === 'done' || job.status === 'failed') && !known.includes(endOf(job));
}

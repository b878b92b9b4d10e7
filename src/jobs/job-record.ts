import { AppError } from '../errors.ts';
import type { EntryId, ErrorData, JobStatus, JobSummary, PortalId } from '../protocol.ts';

/**
 * A job as stored: every item with its state, so a worker that starts after another stopped knows exactly
 * what was done, what was not, and what was on the wire when the other one stopped ('sending').
 */
export type ItemState = 'pending' | 'sending' | 'done' | 'skipped' | 'failed';

export interface JobItem {
  title: string;
  state: ItemState;
  entryId?: EntryId;
  error?: string;
}

export interface JobRecord {
  id: string;
  kind: 'createFolders';
  portalId: PortalId;
  parentId: EntryId;
  parentTitle: string;
  status: JobStatus;
  items: JobItem[];
  error?: ErrorData;
  createdAt: string;
  updatedAt: string;
}

export const MAX_FOLDER_TITLE = 165;
export const MAX_JOB_ITEMS = 1000;

/** DocSpace replaces these in entry titles with "_"; doing it first keeps the name we look for the one it stores. */
const INVALID_TITLE_CHARS = /[\\/:*?"<>|]/g;

/** Cleans a pasted list: trims, drops empty lines and repeats; refuses names DocSpace would refuse. */
export function folderTitles(raw: string[]): string[] {
  const seen = new Set<string>();
  const titles: string[] = [];
  for (const line of raw) {
    const title = line.trim().replace(INVALID_TITLE_CHARS, '_');
    if (title === '' || seen.has(title.toLowerCase())) continue;
    if (title.length > MAX_FOLDER_TITLE)
      throw invalid(
        `"${title.slice(0, 40)}…" is longer than ${MAX_FOLDER_TITLE} characters, the most DocSpace allows for a folder name. Shorten it and try again.`,
      );
    seen.add(title.toLowerCase());
    titles.push(title);
  }
  if (titles.length === 0) throw invalid('Enter at least one folder name, one per line.');
  if (titles.length > MAX_JOB_ITEMS)
    throw invalid(`That is ${titles.length} folders; one job creates at most ${MAX_JOB_ITEMS}. Split the list.`);
  return titles;
}

export function newCreateFoldersJob(
  id: string,
  portalId: PortalId,
  parentId: EntryId,
  parentTitle: string,
  titles: string[],
  now: Date,
): JobRecord {
  const at = now.toISOString();
  return {
    id,
    kind: 'createFolders',
    portalId,
    parentId,
    parentTitle,
    status: 'running',
    items: titles.map((title) => ({ title, state: 'pending' })),
    createdAt: at,
    updatedAt: at,
  };
}

export function summarize(job: JobRecord): JobSummary {
  const count = (state: ItemState) => job.items.filter((item) => item.state === state).length;
  const summary: JobSummary = {
    id: job.id,
    kind: job.kind,
    portalId: job.portalId,
    parentId: job.parentId,
    parentTitle: job.parentTitle,
    status: job.status,
    total: job.items.length,
    done: count('done'),
    skipped: count('skipped'),
    failed: count('failed'),
    failures: job.items
      .filter((item) => item.state === 'failed')
      .slice(0, 5)
      .map((item) => ({ title: item.title, message: item.error ?? '' })),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
  if (job.error) summary.error = job.error;
  return summary;
}

function invalid(message: string): AppError {
  return new AppError({ code: 'validation', message, retryable: false, action: 'none' });
}

import { createFolder } from '../../docspace/api-entries.ts';
import { listSubfolders } from '../../docspace/api-listing.ts';
import type { FolderDto } from '../../docspace/dto.ts';
import { trashEntries } from '../../docspace/file-operations.ts';
import { cleanTitle } from '../../docspace/titles.ts';
import { appError, type ErrorData } from '../../errors/index.ts';
import type { EntryId } from '../../protocol/index.ts';
import type { ItemContext, JobKind, Reconciled } from '../job-kind.ts';
import type { JobRecord } from '../job-record.ts';
import { resultIn } from '../job-results.ts';

export interface CreateFoldersParams {
  parentId: EntryId;
  parentTitle: string;
}

type Job = JobRecord<CreateFoldersParams, { title: string }, { id: EntryId }>;

/** The portal's clock and ours may differ by this much when we ask "was it made during this job?". */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Creates the folders of a pasted list in one folder; a folder that exists already is skipped. Its verify
 * step finds copies that a silently re-sent request made (a browser repeats a POST whose connection was
 * reset, and nothing tells the page) and moves the extra ones to the Trash, but only copies that are empty,
 * made by this account, during this job: it never touches anything the job did not make.
 */
export const createFoldersKind: JobKind<CreateFoldersParams, { title: string }, { id: EntryId }> = {
  kind: 'createFolders',
  concurrency: 4,
  title: (job) => ({ key: 'jobTitle_createFolders', params: [job.params.parentTitle] }),
  folders: (job) => [job.params.parentId],
  label: (input) => input.title,
  result: (job) =>
    resultIn(
      job.params.parentId,
      job.items.flatMap((item) =>
        item.state === 'done' && item.result ? [{ kind: 'folder', id: item.result.id }] : [],
      ),
      true,
    ),

  async run(job, item, { client, signal }) {
    const folder = await createFolder(client, job.params.parentId, item.input.title, { lane: 'bulk', signal });
    return { state: 'done', result: { id: folder.id } };
  },

  async reconcile(job, items, context) {
    const existing = byTitle(await subfolders(job, context));
    const found = new Map<number, Reconciled<{ id: EntryId }>>();
    for (const { index, item } of items) {
      const match = existing.get(cleanTitle(item.input.title))?.[0];
      // On the wire when a run stopped, or its answer was lost: found means it is ours. Not sent yet: it was there.
      if (match) found.set(index, { state: item.state === 'pending' ? 'skipped' : 'done', result: { id: match.id } });
    }
    return found;
  },

  async verify(job, context) {
    const existing = byTitle(await subfolders(job, context));
    const missing: number[] = [];
    const findings: ErrorData[] = [];
    const extras: FolderDto[] = [];
    job.items.forEach((item, index) => {
      if (item.state !== 'done' && item.state !== 'skipped') return;
      const copies = existing.get(cleanTitle(item.input.title)) ?? [];
      if (copies.length === 0) return void missing.push(index);
      if (item.state !== 'done' || copies.length === 1) return;
      const keep = copies.find((f) => String(f.id) === String(item.result?.id)) ?? oldest(copies);
      const removable = copies.filter((f) => f !== keep && madeByThisJob(f, job, context));
      extras.push(...removable);
      if (copies.length - 1 > removable.length) {
        findings.push(appError('jobDuplicateLeft', { name: item.input.title, count: copies.length }).toData());
      }
      if (keep !== undefined && item.result?.id !== keep.id) item.result = { id: keep.id };
    });
    if (extras.length > 0) {
      await trashEntries(context.client, { folderIds: extras.map((f) => f.id) }, { lane: 'bulk', ...context });
      findings.unshift(appError('jobDuplicatesRemoved', { count: extras.length }).toData());
    }
    return { missing, findings };
  },
};

function subfolders(job: Job, { client, signal }: ItemContext): Promise<FolderDto[]> {
  return listSubfolders(client, job.params.parentId, { lane: 'bulk', signal });
}

/** Empty, made by this account, and made while the job ran: the only copies the job may remove. */
function madeByThisJob(folder: FolderDto, job: Job, context: ItemContext): boolean {
  const created = Date.parse(folder.created ?? '');
  const started = Date.parse(job.createdAt);
  return (
    folder.createdBy?.id === context.userId &&
    Number.isFinite(created) &&
    created >= started - CLOCK_SKEW_MS &&
    created <= context.now().getTime() + CLOCK_SKEW_MS &&
    (folder.filesCount ?? 0) === 0 &&
    (folder.foldersCount ?? 0) === 0
  );
}

function oldest(folders: FolderDto[]): FolderDto | undefined {
  return [...folders].sort((a, b) => Date.parse(a.created ?? '') - Date.parse(b.created ?? ''))[0];
}

function byTitle(folders: readonly FolderDto[]): Map<string, FolderDto[]> {
  const map = new Map<string, FolderDto[]>();
  for (const folder of folders) map.set(folder.title, [...(map.get(folder.title) ?? []), folder]);
  return map;
}

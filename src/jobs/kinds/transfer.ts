import { getFile, getFolder } from '../../docspace/api-entries.ts';
import { listFolder } from '../../docspace/api-listing.ts';
import type { FileDto, FolderDto } from '../../docspace/dto.ts';
import { transferEntries } from '../../docspace/file-operations.ts';
import type { EntryId, EntryRef } from '../../protocol/index.ts';
import type { ItemContext, JobKind, Reconciled } from '../job-kind.ts';
import type { JobRecord } from '../job-record.ts';
import { resultIn } from '../job-results.ts';

export type Conflict = 'skip' | 'overwrite' | 'duplicate';

export interface TransferParams {
  copy: boolean;
  fromFolderId: EntryId;
  destFolderId: EntryId;
  destTitle: string;
  conflict: Conflict;
}

export interface TransferInput extends EntryRef {
  title: string;
}

type Job = JobRecord<TransferParams, TransferInput, { id: EntryId }>;

const RESOLVE = { skip: 'Skip', overwrite: 'Overwrite', duplicate: 'Duplicate' } as const;
/** The portal's clock and ours may differ by this much when we ask "was this copy made during the job?". */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Moves or copies entries into a folder, one DocSpace file operation per entry, waiting for each to finish.
 * An entry whose operation was on the wire when a worker stopped is looked up: moved means it is in the
 * destination now; copied means a copy made by this account during the job is there.
 */
export const transferKind: JobKind<TransferParams, TransferInput, { id: EntryId }> = {
  kind: 'transfer',
  concurrency: 3,
  title: (job) => ({
    key: job.params.copy ? 'jobTitle_copy' : 'jobTitle_move',
    params: [String(job.items.length), job.params.destTitle],
  }),
  folders: (job) => [job.params.fromFolderId, job.params.destFolderId],
  label: (input) => input.title,
  // A copy is all the job's own; a move is undone by moving back, which is not offered (only Open).
  result: (job) =>
    resultIn(
      job.params.destFolderId,
      job.items.flatMap((item) =>
        item.state === 'done' && item.result ? [{ kind: item.input.kind, id: item.result.id }] : [],
      ),
      job.params.copy,
    ),

  async run(job, item, context) {
    const { input } = item;
    const operation = await transferEntries(
      context.client,
      input.kind === 'file' ? { fileIds: [input.id] } : { folderIds: [input.id] },
      job.params.destFolderId,
      {
        lane: 'bulk',
        signal: context.signal,
        sleep: context.sleep,
        copy: job.params.copy,
        conflict: RESOLVE[job.params.conflict],
        terminateOnAbort: () => context.cancelledByUser?.() === true,
      },
    );
    const made = input.kind === 'file' ? operation.files?.[0] : operation.folders?.[0];
    // Skipped for a conflict: the entry stays where it was, which is what the user chose.
    if (!made && job.params.conflict === 'skip') return { state: 'skipped', result: { id: input.id } };
    return { state: 'done', result: { id: made?.id ?? input.id } };
  },

  async reconcile(job, items, context) {
    const found = new Map<number, Reconciled<{ id: EntryId }>>();
    const open = items.filter(({ item }) => item.state !== 'pending');
    if (open.length === 0) return found;
    if (!job.params.copy) {
      for (const { index, item } of open) {
        if (await isIn(item.input, job.params.destFolderId, context))
          found.set(index, { state: 'done', result: { id: item.input.id } });
      }
      return found;
    }
    const there = await contentsOf(job.params.destFolderId, context);
    for (const { index, item } of open) {
      const copy = there.find((entry) => isCopyOf(entry, item.input, job, context));
      if (copy) found.set(index, { state: 'done', result: { id: copy.id } });
    }
    return found;
  },

  async verify(job, context) {
    const there = new Set(
      (await contentsOf(job.params.destFolderId, context)).map((entry) => `${entry.kind}:${entry.id}`),
    );
    const missing = job.items.flatMap((item, index) =>
      item.state === 'done' && item.result && !there.has(`${item.input.kind}:${item.result.id}`) ? [index] : [],
    );
    return { missing, findings: [] };
  },
};

async function isIn(entry: EntryRef, folderId: EntryId, { client }: ItemContext): Promise<boolean> {
  const parent =
    entry.kind === 'file' ? (await getFile(client, entry.id)).folderId : (await getFolder(client, entry.id)).parentId;
  return String(parent) === String(folderId);
}

type Listed = (FileDto & { kind: 'file' }) | (FolderDto & { kind: 'folder' });

/** Everything directly in a folder (paged by 100). */
async function contentsOf(folderId: EntryId, { client, signal }: ItemContext): Promise<Listed[]> {
  const out: Listed[] = [];
  for (let startIndex = 0; ;) {
    const page = await listFolder(client, folderId, { startIndex, count: 100, lane: 'bulk', signal });
    out.push(
      ...page.folders.map((f) => ({ ...f, kind: 'folder' as const })),
      ...page.files.map((f) => ({ ...f, kind: 'file' as const })),
    );
    startIndex += page.folders.length + page.files.length;
    if (page.folders.length + page.files.length === 0 || startIndex >= page.total) return out;
  }
}

/** A copy keeps the title, or gets " (n)" before its extension when the destination had one already. */
function isCopyOf(entry: Listed, input: TransferInput, job: Job, context: ItemContext): boolean {
  if (entry.kind !== input.kind || String(entry.id) === String(input.id)) return false;
  const dot = input.kind === 'file' ? input.title.lastIndexOf('.') : -1;
  const [base, ext] = dot > 0 ? [input.title.slice(0, dot), input.title.slice(dot)] : [input.title, ''];
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const same = new RegExp(`^${escaped(base)}( \\(\\d+\\))?${escaped(ext)}$`);
  const created = Date.parse(entry.created ?? '');
  return (
    same.test(entry.title) &&
    entry.createdBy?.id === context.userId &&
    Number.isFinite(created) &&
    created >= Date.parse(job.createdAt) - CLOCK_SKEW_MS
  );
}

import { createFolder, findSubfolder, listSubfolders } from '../docspace/api.ts';
import type { DocSpaceClient } from '../docspace/client.ts';
import { AppError, toErrorData } from '../errors.ts';
import { CoalescedWriter } from '../storage/coalesced-writer.ts';
import type { JobItem, JobRecord } from './job-record.ts';

export interface RunnerDeps {
  client: DocSpaceClient;
  /** Writes the whole record; called through a coalescing writer, never concurrently. */
  save(job: JobRecord): Promise<void>;
  onProgress(job: JobRecord): void;
  now(): Date;
  /** Aborted when the user cancels the job. */
  signal: AbortSignal;
  /** Folders created at once; the scheduler still decides when each request may go. */
  concurrency?: number;
}

/**
 * Creates the job's folders, and can be stopped at any point and started again by a new worker:
 * an item is marked 'sending' (and that mark is in storage) before its request leaves, so after a stop
 * the new worker looks in the folder for every 'sending' item instead of creating it a second time.
 */
export async function runCreateFolders(job: JobRecord, deps: RunnerDeps): Promise<JobRecord> {
  const writer = new CoalescedWriter(() => deps.save(job));
  const changed = (): void => {
    job.updatedAt = deps.now().toISOString();
    deps.onProgress(job);
  };
  try {
    await settleUnknownItems(job, deps);
    changed();
    await writer.flush();

    const pending = job.items.filter((item) => item.state === 'pending');
    // The first failure stops every worker of this run before it returns, so a later run never overlaps it.
    const stop = new AbortController();
    const signal = AbortSignal.any([deps.signal, stop.signal]);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let item = pending[next++]; item; item = pending[next++]) {
        if (signal.aborted) return;
        item.state = 'sending';
        await writer.flush();
        await createOne(job, item, { ...deps, signal });
        changed();
        writer.touch();
      }
    };
    const results = await Promise.allSettled(
      Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, () =>
        worker().catch((error: unknown) => (stop.abort(), Promise.reject(error))),
      ),
    );
    // The failure that stopped the run, not the cancellations it caused in the other workers.
    const failures = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason as unknown);
    const cause =
      failures.find((e) => !(e instanceof AppError && e.code === 'cancelled' && !deps.signal.aborted)) ?? failures[0];
    if (cause !== undefined) throw cause;
    job.status = deps.signal.aborted ? 'cancelled' : 'done';
  } catch (error) {
    // Cancelled or signed out: what is done stays done; the job record says where it stopped.
    if (!(error instanceof AppError && (error.code === 'cancelled' || error.code === 'unauthorized'))) {
      job.status = 'failed';
      job.error = toErrorData(error);
    } else if (error.code === 'cancelled') {
      job.status = 'cancelled';
    } else {
      throw error;
    }
  }
  changed();
  await writer.flush();
  return job;
}

/** Items another worker left on the wire, and items that exist already, are decided by looking in the folder. */
async function settleUnknownItems(job: JobRecord, deps: RunnerDeps): Promise<void> {
  const unsettled = job.items.filter((item) => item.state === 'pending' || item.state === 'sending');
  if (unsettled.length === 0) return;
  const existing = new Map(
    (await listSubfolders(deps.client, job.parentId, { lane: 'bulk', signal: deps.signal })).map((f) => [f.title, f]),
  );
  for (const item of unsettled) {
    const found = existing.get(item.title);
    if (found) {
      // 'sending' means our request reached the portal before the stop; 'pending' means it was there before us.
      item.state = item.state === 'sending' ? 'done' : 'skipped';
      item.entryId = found.id;
    } else {
      item.state = 'pending';
    }
  }
}

async function createOne(job: JobRecord, item: JobItem, deps: RunnerDeps): Promise<void> {
  try {
    const folder = await createFolder(deps.client, job.parentId, item.title, {
      lane: 'bulk',
      signal: deps.signal,
      checkOutcome: async () => {
        const found = await findSubfolder(deps.client, job.parentId, item.title, { lane: 'bulk' });
        return found ? { happened: true, value: found } : { happened: false };
      },
    });
    item.state = 'done';
    item.entryId = folder.id;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'cancelled' || error.code === 'unauthorized')) {
      // A 401 was refused before anything happened; a cancelled request may have reached the portal, so the
      // item stays 'sending' and a later run looks for it before creating it.
      if (error.status === 401) item.state = 'pending';
      throw error;
    }
    item.state = 'failed';
    item.error = error instanceof Error ? error.message : String(error);
  }
}

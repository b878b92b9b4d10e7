import type { JobSummary } from '../protocol/index.ts';
import type { AnyJobKind } from './job-kind.ts';
import { isFinished, type ItemState, type JobRecord } from './job-record.ts';

const FAILURES_SHOWN = 5;

/** What the pages see of a job, whatever its kind: its name, counts, the first failures and why it stopped. */
export function summarize(job: JobRecord, kind: AnyJobKind): JobSummary {
  const count = (state: ItemState) => job.items.filter((item) => item.state === state).length;
  const summary: JobSummary = {
    id: job.id,
    kind: job.kind,
    portalId: job.portalId,
    title: kind.title(job),
    folderIds: kind.folders(job),
    status: job.status,
    total: job.items.length,
    done: count('done'),
    skipped: count('skipped'),
    failed: count('failed'),
    failures: job.items
      .filter((item) => item.state === 'failed' && item.error)
      .slice(0, FAILURES_SHOWN)
      .map((item) => ({ label: kind.label(item.input), error: item.error! })),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
  const bytes = kind.bytes?.(job);
  if (bytes) summary.bytes = bytes;
  if (job.waitingFor) summary.waitingFor = job.waitingFor;
  if (job.error) summary.error = job.error;
  if (job.findings?.length) summary.findings = job.findings;
  const result = isFinished(job) && job.status !== 'cancelled' ? kind.result?.(job) : undefined;
  if (result) summary.result = result;
  return summary;
}

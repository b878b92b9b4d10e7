import type { ErrorData } from '../errors/index.ts';
import type { JobStatus, PortalId } from '../protocol/index.ts';

/**
 * A job as stored, whatever its kind: every item with its state, so a worker that starts after another
 * stopped knows exactly what was done, what was not, and what was on the wire when the other one stopped.
 *
 * pending: not sent yet; sending: marked in storage before its request left, the outcome is not known;
 * unknown: the request left and no answer came (a reset, a timeout): checked once the portal had time to
 * finish; done: made by this job; skipped: was there already; failed: refused, with the reason.
 */
export type ItemState = 'pending' | 'sending' | 'unknown' | 'done' | 'skipped' | 'failed';

export interface JobItem<Input = unknown, Result = unknown> {
  input: Input;
  state: ItemState;
  result?: Result;
  error?: ErrorData;
  /** How many times the item was sent; a refusal (429/503) does not count, nothing was done. */
  attempts: number;
  /** When its last request left (epoch ms): an unknown outcome is checked only after the portal had time. */
  sentAt?: number;
  /** When its answer was lost (a timeout, a reset): a slow portal may still be working on it after that. */
  lostAt?: number;
}

export interface JobRecord<Params = unknown, Input = unknown, Result = unknown> {
  id: string;
  kind: string;
  portalId: PortalId;
  params: Params;
  status: JobStatus;
  waitingFor?: 'signIn' | 'portal' | 'network';
  items: Array<JobItem<Input, Result>>;
  /** Why the whole job stopped. */
  error?: ErrorData;
  /** Problems the verify step found that the user should know about (e.g. copies it could not remove). */
  findings?: ErrorData[];
  createdAt: string;
  updatedAt: string;
}

export const FINISHED: readonly JobStatus[] = ['done', 'failed', 'cancelled'];

export function isFinished(job: { status: JobStatus }): boolean {
  return FINISHED.includes(job.status);
}

export function newJob<Params, Input>(
  fields: { id: string; kind: string; portalId: PortalId; params: Params; inputs: Input[] },
  now: Date,
): JobRecord<Params, Input> {
  const at = now.toISOString();
  return {
    id: fields.id,
    kind: fields.kind,
    portalId: fields.portalId,
    params: fields.params,
    status: 'running',
    items: fields.inputs.map((input) => ({ input, state: 'pending', attempts: 0 })),
    createdAt: at,
    updatedAt: at,
  };
}

import type { DocSpaceClient } from '../docspace/client.ts';
import type { ErrorData } from '../errors/index.ts';
import type { EntryId, JobResult, LocalText } from '../protocol/index.ts';
import type { JobItem, JobRecord } from './job-record.ts';

export interface ItemContext {
  client: DocSpaceClient;
  /** The signed-in account the job runs as: what it made carries this author. */
  userId: string;
  /** Aborted when the user cancels or pauses the job, or the run stops for another reason. */
  signal: AbortSignal;
  /** True once `signal` aborted because the user cancelled the job (not a pause or a stopping worker). */
  cancelledByUser?(): boolean;
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Stores the job now and tells the pages: a long item (a file sent in chunks) records its progress write-ahead,
   * so a worker that starts after this one stopped goes on from the last step that is known to be done.
   */
  checkpoint(): Promise<void>;
  /**
   * An item that waits out an outage itself (a GET it may repeat) says so, true when it starts waiting and false
   * when it goes on, so the job shows "waiting for the network" meanwhile.
   */
  waitingForNetwork?(waiting: boolean): void;
}

/** What a kind found for an item whose outcome was not known, or that may exist already. */
export type Reconciled<Result> = { state: 'done' | 'skipped'; result: Result } | { state: 'pending' };

export interface VerifyReport {
  /** Items (by index) the job believed done but whose result is not there: they become failures. */
  missing: number[];
  /** What the user should know about the end state (copies found and removed, or left with a reason). */
  findings: ErrorData[];
}

/**
 * One kind of durable job. The engine owns everything that makes a job durable (write-ahead marks, resume,
 * the pool, refusals, the failure cause, cancel and pause); a kind says only how to do one item, how to tell
 * whether an item whose answer was lost happened, what the job writes into, and how to check the end state.
 * Adding a kind never edits the engine.
 */
export interface JobKind<Params = unknown, Input = unknown, Result = unknown> {
  readonly kind: string;
  /** Items in flight at once; the scheduler still decides when each request may go. */
  readonly concurrency?: number;
  /** The job's name as the user reads it. */
  title(job: JobRecord<Params, Input, Result>): LocalText;
  /** The folders the job writes into: their listings are dropped and pages told as it goes. */
  folders(job: JobRecord<Params, Input, Result>): EntryId[];
  /** An item as the user named it, for failure lists. */
  label(input: Input): string;
  /**
   * Does one item. A refusal (429/503), a 401 and a lost answer are the engine's to handle: throw them as
   * they come. Any other AppError fails this item only.
   */
  run(
    job: JobRecord<Params, Input, Result>,
    item: JobItem<Input, Result>,
    context: ItemContext,
  ): Promise<{ state: 'done' | 'skipped'; result: Result }>;
  /**
   * Looks, in one go, at items that were on the wire when a run stopped or whose answer was lost ('sending',
   * 'unknown': found means done), and at items not sent yet ('pending': found may mean it was there before).
   */
  reconcile(
    job: JobRecord<Params, Input, Result>,
    items: ReadonlyArray<{ index: number; item: JobItem<Input, Result> }>,
    context: ItemContext,
  ): Promise<Map<number, Reconciled<Result>>>;
  /** Checks the end state once every item was tried; the job says "done" only after this. */
  verify(job: JobRecord<Params, Input, Result>, context: ItemContext): Promise<VerifyReport>;
  /** Bytes done of bytes in all, for kinds whose items differ in size (uploads): shown beside the count. */
  bytes?(job: JobRecord<Params, Input, Result>): { done: number; total: number };
  /**
   * What a finished job left: what Open shows and, when only this job made them, what Undo may trash. Asked only
   * once the job finished (done or failed); undefined when there is nothing to show.
   */
  result?(job: JobRecord<Params, Input, Result>): JobResult | undefined;
  /**
   * The job will not run again (cancelled, dismissed, its portal removed): frees what it holds outside the job
   * record (an upload's stored files). Must not throw.
   */
  discard?(job: JobRecord<Params, Input, Result>): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds kinds of every parameter type
export type AnyJobKind = JobKind<any, any, any>;

import { AppError, appError, toErrorData } from '../errors/index.ts';
import { isRefusal } from '../scheduler/retry-policy.ts';
import { CoalescedWriter } from '../storage/coalesced-writer.ts';
import type { AnyJobKind, ItemContext } from './job-kind.ts';
import type { JobItem, JobRecord } from './job-record.ts';

export interface EngineDeps {
  context: Omit<ItemContext, 'signal' | 'checkpoint'>;
  /** Writes the whole record; called through a coalescing writer, never concurrently. */
  save(job: JobRecord): Promise<void>;
  /** Something visible changed (counts, status); called often, the caller throttles. */
  changed(job: JobRecord): void;
  /** Aborted when the user cancels or pauses: the run returns 'stopped' and the caller sets the status. */
  signal: AbortSignal;
  /** How long the portal may still be working on a request whose answer was lost, before we look. */
  settleDelayMs: number;
  /** How long to wait before sending again after the portal refused and said nothing about when. */
  refusalWaitMs?: number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
}

export type RunOutcome = 'finished' | 'stopped' | 'waitingSignIn';

/** An item sent this often without a known outcome fails instead of being sent again. */
export const MAX_ATTEMPTS = 5;

/** Why a round of the pool stopped early. */
class StopRound {
  constructor(
    readonly why: 'refused' | 'signIn' | 'offline',
    readonly refusal?: AppError,
  ) {}
}

/**
 * Runs a job of any kind to its end, and can be stopped at any point and started again by a new worker.
 * An item is marked 'sending' in storage before its request leaves; a run that finds items 'sending' or
 * 'unknown' waits until the portal had time to finish them, asks the kind whether they happened, and only
 * sends again what did not. A refusal (429/503: nothing was done) never spends an item: the job waits and
 * goes on. The job is 'done' only after the kind verified the end state.
 */
export async function runJob(job: JobRecord, kind: AnyJobKind, deps: EngineDeps): Promise<RunOutcome> {
  const writer = new CoalescedWriter(() => deps.save(job));
  const changed = (): void => {
    job.updatedAt = new Date(deps.now()).toISOString();
    deps.changed(job);
  };
  const checkpoint = async (): Promise<void> => {
    changed();
    await writer.flush();
  };
  const offline = offlineMarker(job, changed, writer);
  const context: ItemContext = { ...deps.context, signal: deps.signal, checkpoint, waitingForNetwork: offline.mark };
  job.status = 'running';
  delete job.waitingFor;
  delete job.error;
  try {
    for (;;) {
      await settle(job, kind, context, deps, offline);
      changed();
      await writer.flush();
      const pending = indexes(job, 'pending');
      if (pending.length === 0) break;
      const stop = await pool(job, kind, pending, context, deps, writer, changed);
      if (stop?.why === 'signIn') return waitForSignIn(job, changed, writer);
      if (stop?.why === 'refused') await waitForPortal(job, deps, stop.refusal, changed, writer);
      if (stop?.why === 'offline') await offline.waitOut(deps);
      else offline.reset();
    }
    job.status = 'verifying';
    changed();
    await writer.flush();
    const report = await kind.verify(job, context);
    for (const index of report.missing) {
      const item = job.items[index];
      if (item) fail(item, appError('jobItemMissing', {}));
    }
    job.findings = report.findings;
    job.status = job.items.some((item) => item.state === 'failed') ? 'failed' : 'done';
  } catch (error) {
    if (deps.signal.aborted) {
      await writer.flush();
      return 'stopped';
    }
    if (needsSignIn(error)) return waitForSignIn(job, changed, writer);
    job.status = 'failed';
    job.error = toErrorData(error);
  }
  changed();
  await writer.flush();
  return 'finished';
}

/** Looks at what is not known yet: items left on the wire, answers lost, and items that may exist already. */
async function settle(
  job: JobRecord,
  kind: AnyJobKind,
  context: ItemContext,
  deps: EngineDeps,
  offline: OfflineMarker,
): Promise<void> {
  for (;;) {
    const open = job.items
      .map((item, index) => ({ index, item }))
      .filter(({ item }) => item.state === 'pending' || item.state === 'sending' || item.state === 'unknown');
    if (open.length === 0) return;
    // A lost answer (a timeout) may be processed well after the request left: count from when it was lost.
    const lastSent = Math.max(
      0,
      ...open
        .filter(({ item }) => item.state !== 'pending')
        .map(({ item }) => Math.max(item.sentAt ?? 0, item.lostAt ?? 0)),
    );
    const wait = lastSent + deps.settleDelayMs - deps.now();
    if (wait > 0) await deps.sleep(wait, deps.signal);
    try {
      const found = await kind.reconcile(job, open, context);
      for (const { index, item } of open) {
        const verdict = found.get(index) ?? { state: 'pending' };
        if (verdict.state === 'pending') {
          if (item.state !== 'pending' && item.attempts >= MAX_ATTEMPTS) fail(item, appError('writeUnconfirmed', {}));
          else item.state = 'pending';
        } else {
          item.state = verdict.state;
          item.result = verdict.result;
          delete item.error;
        }
      }
      return;
    } catch (error) {
      if (isOffline(error)) await offline.waitOut(deps);
      else if (isRefusal(error)) await deps.sleep(refusalWait(error, deps), deps.signal);
      else throw error;
    }
  }
}

async function pool(
  job: JobRecord,
  kind: AnyJobKind,
  pending: number[],
  parent: ItemContext,
  deps: EngineDeps,
  writer: CoalescedWriter,
  changed: () => void,
): Promise<StopRound | undefined> {
  // A 401 stops every worker of this round at once (the halted scheduler would hold their requests until a
  // new sign-in); a refusal only stops new items: the ones already queued go out when the portal allows.
  const stop = new AbortController();
  const context: ItemContext = { ...parent, signal: AbortSignal.any([deps.signal, stop.signal]) };
  let next = 0;
  let reason: StopRound | undefined;
  const worker = async (): Promise<void> => {
    for (let index = pending[next++]; index !== undefined && !reason; index = pending[next++]) {
      if (context.signal.aborted) return;
      const item = job.items[index]!;
      item.state = 'sending';
      item.attempts++;
      item.sentAt = deps.now();
      await writer.flush();
      try {
        const { state, result } = await kind.run(job, item, context);
        item.state = state;
        item.result = result;
        delete item.error;
      } catch (error) {
        const stopNow = classify(item, error, context.signal, deps.now());
        if (stopNow) {
          reason ??= stopNow;
          if (stopNow.why === 'signIn') stop.abort();
        }
      }
      changed();
      writer.touch();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, kind.concurrency ?? 4) }, worker));
  if (deps.signal.aborted) throw appError('cancelled', {});
  return reason;
}

/** Decides what one failed item means; returns a reason to stop the whole round, or nothing. */
function classify(item: JobItem, error: unknown, signal: AbortSignal, now: number): StopRound | undefined {
  if (error instanceof AppError && error.code === 'cancelled' && signal.aborted) {
    // It may have reached the portal: it stays 'sending' and the next run looks for it first.
    return undefined;
  }
  if (isRefusal(error)) {
    // Refused means not done: the item goes back, unspent, and the job waits for the portal.
    item.state = 'pending';
    item.attempts--;
    return new StopRound('refused', error as AppError);
  }
  if (needsSignIn(error)) {
    item.state = 'pending';
    item.attempts--;
    return new StopRound('signIn');
  }
  if (isOffline(error)) {
    // The scheduler gave up on the network: whether the portal got the request is not known, so the next round
    // looks for it first (settle), once the portal answers again.
    item.state = 'unknown';
    item.lostAt = now;
    return new StopRound('offline');
  }
  if (error instanceof AppError && error.key === 'writeUnconfirmed') {
    item.state = 'unknown';
    item.lostAt = now;
    return undefined;
  }
  fail(item, error);
  return undefined;
}

async function waitForSignIn(job: JobRecord, changed: () => void, writer: CoalescedWriter): Promise<RunOutcome> {
  job.status = 'waiting';
  job.waitingFor = 'signIn';
  changed();
  await writer.flush();
  return 'waitingSignIn';
}

async function waitForPortal(
  job: JobRecord,
  deps: EngineDeps,
  refusal: AppError | undefined,
  changed: () => void,
  writer: CoalescedWriter,
): Promise<void> {
  job.status = 'waiting';
  job.waitingFor = 'portal';
  changed();
  await writer.flush();
  await deps.sleep(refusalWait(refusal, deps), deps.signal);
  job.status = 'running';
  delete job.waitingFor;
}

function refusalWait(error: unknown, deps: EngineDeps): number {
  const seconds = error instanceof AppError ? error.retryAfterSeconds : undefined;
  return seconds !== undefined ? Math.max(1, seconds) * 1000 : (deps.refusalWaitMs ?? 5_000);
}

/** The portal could not be reached at all (after the scheduler's own retries): the network, not the request. */
function isOffline(error: unknown): boolean {
  return error instanceof AppError && error.code === 'network';
}

type OfflineMarker = ReturnType<typeof offlineMarker>;

/**
 * The job's "waiting for the network" state: set while a round waits out an outage and while any item waits one
 * out inside itself (a linked file's site that is down), so the pages see it waits instead of looking stuck.
 * The waits between rounds grow from 2 s to 30 s and start again from 2 s once a round got through.
 */
function offlineMarker(job: JobRecord, changed: () => void, writer: CoalescedWriter) {
  let waitingItems = 0;
  let outages = 0;
  const show = async (waiting: boolean): Promise<void> => {
    if (waiting === (job.waitingFor === 'network')) return;
    if (waiting) {
      job.status = 'waiting';
      job.waitingFor = 'network';
    } else {
      job.status = 'running';
      delete job.waitingFor;
    }
    changed();
    // Stored too: a page that asks for the list (not only one told of the change) sees why the job waits.
    return writer.flush();
  };
  return {
    mark(waiting: boolean): void {
      waitingItems = Math.max(0, waitingItems + (waiting ? 1 : -1));
      void show(waitingItems > 0).catch(() => undefined);
    },
    async waitOut(deps: EngineDeps): Promise<void> {
      await show(true);
      await deps.sleep(Math.min(OFFLINE_WAIT_CAP_MS, OFFLINE_WAIT_MS * 2 ** outages++), deps.signal);
      await show(waitingItems > 0);
    },
    reset(): void {
      outages = 0;
    },
  };
}

const OFFLINE_WAIT_MS = 2_000;
const OFFLINE_WAIT_CAP_MS = 30_000;

function needsSignIn(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'unauthorized' || error.code === 'notSignedIn');
}

function fail(item: JobItem, error: unknown): void {
  item.state = 'failed';
  item.error = toErrorData(error);
}

function indexes(job: JobRecord, state: JobItem['state']): number[] {
  return job.items.flatMap((item, index) => (item.state === state ? [index] : []));
}

import type { DocSpaceClient } from '../docspace/client.ts';
import { appError, toErrorData } from '../errors/index.ts';
import type { EntryId, JobSummary, PortalId } from '../protocol/index.ts';
import { jobIndexItem, jobItem } from '../storage/schema.ts';
import type { TypedStorage } from '../storage/typed-storage.ts';
import { runJob } from './engine.ts';
import type { AnyJobKind } from './job-kind.ts';
import { isFinished, newJob, type JobRecord } from './job-record.ts';
import { summarize } from './summary.ts';

export interface JobManagerDeps {
  storage: TypedStorage;
  kinds: readonly AnyJobKind[];
  /** The portal account's client and user; throws when it cannot be used (signed out, no permission). */
  account(portalId: PortalId): Promise<{ client: DocSpaceClient; userId: string }>;
  /** Keeps waking the worker while jobs run, so a stopped worker is followed by one that resumes them. */
  keepAwake(on: boolean): void;
  jobChanged(summary: JobSummary): void;
  jobRemoved(jobId: string): void;
  /** A job wrote into these folders: one announcement for the cache and the pages. */
  entriesChanged(portalId: PortalId, folderIds: EntryId[]): void;
  settleDelayMs(portalId: PortalId): Promise<number>;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
  newId(): string;
}

const KEEP_FINISHED = 20;
const PROGRESS_INTERVAL_MS = 200;
const ENTRIES_INTERVAL_MS = 1_000;

type StopAs = 'cancelled' | 'paused';

/**
 * Durable jobs of every registered kind: stored item by item, resumed by whichever worker starts next, one
 * run per job at a time. The manager owns the list, the runs and their controls; the engine owns a run.
 */
export class JobManager {
  private readonly kinds: Map<string, AnyJobKind>;
  private readonly running = new Map<
    string,
    { controller: AbortController; stopAs: StopAs | null; done: Promise<void>; job: JobRecord; kind: AnyJobKind }
  >();
  /** Portals whose scheduler holds every request now (the server asked to wait): their running jobs wait too. */
  private readonly pausedPortals = new Set<PortalId>();
  private readonly timers = new Map<string, unknown>();

  constructor(private readonly deps: JobManagerDeps) {
    this.kinds = new Map(deps.kinds.map((kind) => [kind.kind, kind]));
  }

  /** Stores a new job and starts it. */
  async start<P, I>(kind: string, portalId: PortalId, params: P, inputs: I[]): Promise<JobSummary> {
    const definition = this.kind(kind);
    const job = newJob(
      { id: this.deps.newId(), kind, portalId, params, inputs },
      new Date(this.deps.now()),
    ) as JobRecord;
    await this.deps.storage.set(jobItem, job.id, job);
    let dropped: string[] = [];
    await this.deps.storage.update(jobIndexItem, async (ids) => {
      const trimmed = await this.trimmed([job.id, ...ids]);
      dropped = trimmed.dropped;
      return trimmed.kept;
    });
    if (dropped.length > 0) await this.deps.storage.remove(jobItem, ...dropped);
    this.run(job);
    return this.summary(job, definition);
  }

  /** When a worker starts, after a sign-in and on each alarm: every job that was going goes on. */
  async resumeAll(): Promise<void> {
    const jobs = await this.records();
    for (const job of jobs) if (!isFinished(job) && job.status !== 'paused') this.run(job);
  }

  /** Resumes the jobs of one portal account (it was signed in again). */
  async resumePortal(portalId: PortalId): Promise<void> {
    for (const job of await this.records()) {
      if (job.portalId === portalId && !isFinished(job) && job.status !== 'paused') this.run(job);
    }
  }

  async list(): Promise<JobSummary[]> {
    return (await this.records())
      .filter((job) => this.kinds.has(job.kind))
      .map((job) => this.summary(job, this.kind(job.kind)));
  }

  cancel(jobId: string): Promise<JobSummary> {
    return this.stop(jobId, 'cancelled');
  }

  pause(jobId: string): Promise<JobSummary> {
    return this.stop(jobId, 'paused');
  }

  async resume(jobId: string): Promise<JobSummary> {
    const job = await this.require(jobId);
    if (isFinished(job)) throw appError('jobFinished', {});
    this.run(job);
    return this.summary(job, this.kind(job.kind));
  }

  /** Failed items (and a job that stopped) go again; what is done stays done. */
  async retry(jobId: string): Promise<JobSummary> {
    const job = await this.require(jobId);
    if (job.status !== 'failed' && job.status !== 'cancelled') throw appError('jobNotRetryable', {});
    for (const item of job.items) {
      if (item.state !== 'failed') continue;
      item.state = 'pending';
      delete item.error;
    }
    delete job.error;
    job.status = 'running';
    await this.deps.storage.set(jobItem, job.id, job);
    this.run(job);
    return this.summary(job, this.kind(job.kind));
  }

  /** A finished job leaves the list. */
  async dismiss(jobId: string): Promise<{ jobId: string }> {
    const job = await this.require(jobId);
    if (!isFinished(job) || this.running.has(jobId)) throw appError('jobRunning', {});
    await this.deps.storage.update(jobIndexItem, (ids) => ids.filter((id) => id !== jobId));
    await this.deps.storage.remove(jobItem, jobId);
    await this.discard(job);
    this.deps.jobRemoved(jobId);
    return { jobId };
  }

  /** The portal account is being removed: its runs stop; the stored jobs go with the portal's other items. */
  async forgetPortal(portalId: PortalId): Promise<string[]> {
    const mine = (await this.records()).filter((job) => job.portalId === portalId);
    await Promise.all(mine.map((job) => this.halt(job.id, 'cancelled')));
    await Promise.all(mine.map((job) => this.discard(job)));
    const ids = new Set(mine.map((job) => job.id));
    await this.deps.storage.update(jobIndexItem, (current) => current.filter((id) => !ids.has(id)));
    for (const id of ids) this.deps.jobRemoved(id);
    return [...ids];
  }

  /** The stored jobs of one kind, finished or not (what they still hold outside their records). */
  async recordsOf(kind: string): Promise<JobRecord[]> {
    return (await this.records()).filter((job) => job.kind === kind);
  }

  /** Every job id the index holds (for the storage schema's removal of a portal's records). */
  async ids(): Promise<string[]> {
    return this.deps.storage.get(jobIndexItem);
  }

  private async stop(jobId: string, as: StopAs): Promise<JobSummary> {
    await this.halt(jobId, as);
    const job = await this.require(jobId);
    if (!isFinished(job) && job.status !== as) {
      job.status = as;
      delete job.waitingFor;
      job.updatedAt = new Date(this.deps.now()).toISOString();
      await this.deps.storage.set(jobItem, job.id, job);
    }
    if (as === 'cancelled') await this.discard(job);
    const summary = this.summary(job, this.kind(job.kind));
    this.deps.jobChanged(summary);
    return summary;
  }

  /**
   * The portal's scheduler paused or resumed (the server asked to wait). Its requests wait inside the scheduler,
   * so a running job shows it waits for the portal instead of looking stuck.
   */
  portalPaused(portalId: PortalId, paused: boolean): void {
    if (paused === this.pausedPortals.has(portalId)) return;
    if (paused) this.pausedPortals.add(portalId);
    else this.pausedPortals.delete(portalId);
    for (const run of this.running.values())
      if (run.job.portalId === portalId) this.deps.jobChanged(this.summary(run.job, run.kind));
  }

  private summary(job: JobRecord, kind: AnyJobKind): JobSummary {
    const summary = summarize(job, kind);
    if (summary.status === 'running' && this.pausedPortals.has(job.portalId))
      return { ...summary, status: 'waiting', waitingFor: 'portal' };
    return summary;
  }

  /** What a job holds outside its record goes once it will not run again. */
  private async discard(job: JobRecord): Promise<void> {
    await this.kinds
      .get(job.kind)
      ?.discard?.(job)
      .catch(() => undefined);
  }

  private async halt(jobId: string, as: StopAs): Promise<void> {
    const run = this.running.get(jobId);
    if (!run) return;
    run.stopAs = as;
    run.controller.abort();
    await run.done;
  }

  private run(job: JobRecord): void {
    if (this.running.has(job.id)) return;
    const kind = this.kinds.get(job.kind);
    if (!kind) return;
    const controller = new AbortController();
    const entry = { controller, stopAs: null as StopAs | null, done: Promise.resolve(), job, kind };
    this.running.set(job.id, entry);
    this.deps.keepAwake(true);
    entry.done = (async () => {
      try {
        const { client, userId } = await this.deps.account(job.portalId);
        const outcome = await runJob(job, kind, {
          context: {
            client,
            userId,
            now: () => new Date(this.deps.now()),
            sleep: this.deps.sleep,
            cancelledByUser: () => entry.stopAs === 'cancelled',
          },
          save: (record) => this.deps.storage.set(jobItem, record.id, record),
          changed: (record) => this.progressSoon(record, kind),
          signal: controller.signal,
          settleDelayMs: await this.deps.settleDelayMs(job.portalId),
          sleep: this.deps.sleep,
          now: this.deps.now,
        });
        if (outcome === 'stopped' && entry.stopAs) job.status = entry.stopAs;
      } catch (error) {
        // The account cannot be used now (signed out, permission gone): the job waits, nothing is lost.
        job.status = 'waiting';
        job.waitingFor = 'signIn';
        job.error = toErrorData(error);
      } finally {
        job.updatedAt = new Date(this.deps.now()).toISOString();
        await this.deps.storage.set(jobItem, job.id, job).catch(() => undefined);
        this.running.delete(job.id);
        this.flushProgress(job, kind);
        if (this.running.size === 0) this.deps.keepAwake(false);
      }
    })();
  }

  private progressSoon(job: JobRecord, kind: AnyJobKind): void {
    if (this.timers.has(job.id)) return;
    this.timers.set(
      job.id,
      setTimeout(() => {
        this.timers.delete(job.id);
        this.deps.jobChanged(this.summary(job, kind));
      }, PROGRESS_INTERVAL_MS),
    );
    const entriesKey = `entries:${job.id}`;
    if (this.timers.has(entriesKey)) return;
    this.timers.set(
      entriesKey,
      setTimeout(() => {
        this.timers.delete(entriesKey);
        this.deps.entriesChanged(job.portalId, kind.folders(job));
      }, ENTRIES_INTERVAL_MS),
    );
  }

  private flushProgress(job: JobRecord, kind: AnyJobKind): void {
    for (const key of [job.id, `entries:${job.id}`]) {
      clearTimeout(this.timers.get(key) as ReturnType<typeof setTimeout>);
      this.timers.delete(key);
    }
    this.deps.jobChanged(this.summary(job, kind));
    this.deps.entriesChanged(job.portalId, kind.folders(job));
  }

  /** Keeps every unfinished job and the most recent finished ones (a read only: it runs inside an update). */
  private async trimmed(ids: string[]): Promise<{ kept: string[]; dropped: string[] }> {
    const records = await this.deps.storage.getMany(jobItem, ids);
    const finished = ids.filter((id) => {
      const job = records.get(id);
      return job && isFinished(job);
    });
    const dropped = new Set(finished.slice(KEEP_FINISHED));
    return { kept: ids.filter((id) => records.get(id) && !dropped.has(id)), dropped: [...dropped] };
  }

  private async records(): Promise<JobRecord[]> {
    const ids = await this.deps.storage.get(jobIndexItem);
    const records = await this.deps.storage.getMany(jobItem, ids);
    return ids.map((id) => records.get(id)).filter((job): job is JobRecord => !!job);
  }

  private async require(jobId: string): Promise<JobRecord> {
    const job = (await this.deps.storage.get(jobItem, jobId)) as JobRecord | null;
    if (!job) throw appError('jobNotFound', {});
    return job;
  }

  private kind(name: string): AnyJobKind {
    const kind = this.kinds.get(name);
    if (!kind) throw appError('internal', { detail: `no job kind "${name}"` });
    return kind;
  }
}

import { runCreateFolders } from '../../src/jobs/create-folders-runner.ts';
import { folderTitles, newCreateFoldersJob, summarize, type JobRecord } from '../../src/jobs/job-record.ts';
import { AppError, toErrorData } from '../../src/errors.ts';
import type { KeyValueStore } from '../../src/portals/key-value-store.ts';
import type { EntryId, JobSummary, PortalId } from '../../src/protocol.ts';
import { keepWaking } from '../platform/alarms.ts';
import { broadcast } from '../platform/messaging-background.ts';
import type { BackgroundServices } from './services.ts';

const INDEX_KEY = 'jobs/index';
const jobKey = (id: string) => `job/${id}`;
const KEEP_FINISHED = 20;
const PROGRESS_INTERVAL_MS = 200;

/** Durable jobs: stored item by item, resumed by whichever worker starts next, one run per job at a time. */
export class JobManager {
  private readonly running = new Map<string, { controller: AbortController; finished: Promise<void> }>();
  /** Read-modify-write of the job list, one at a time. */
  private indexChain: Promise<unknown> = Promise.resolve();
  private readonly progressTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly services: BackgroundServices,
    private readonly store: KeyValueStore,
  ) {}

  /** Called when a worker starts and after a sign-in: every job still marked running goes on. */
  async resumeAll(): Promise<void> {
    for (const id of await this.index()) {
      const job = await this.store.get<JobRecord>(jobKey(id));
      if (job?.status === 'running') this.start(job);
    }
  }

  async createFolders(
    portalId: PortalId,
    parentId: EntryId,
    parentTitle: string,
    titles: string[],
  ): Promise<JobSummary> {
    if (!this.services.registry.get(portalId)) {
      throw new AppError({
        code: 'notSignedIn',
        message: 'This portal is no longer signed in. Open the options page.',
        retryable: false,
        action: 'openOptions',
      });
    }
    const job = newCreateFoldersJob(
      crypto.randomUUID(),
      portalId,
      parentId,
      parentTitle,
      folderTitles(titles),
      new Date(),
    );
    await this.store.set({ [jobKey(job.id)]: job });
    await this.updateIndex(async (ids) => {
      // Keep every running job and the most recent finished ones.
      const records = await Promise.all(ids.map((id) => this.store.get<JobRecord>(jobKey(id))));
      const finished = ids.filter((_, i) => records[i] && records[i]!.status !== 'running');
      const dropped = new Set(finished.slice(KEEP_FINISHED));
      await this.store.remove([...dropped].map(jobKey));
      return [job.id, ...ids.filter((id) => !dropped.has(id) && records[ids.indexOf(id)] !== undefined)];
    });
    this.start(job);
    return summarize(job);
  }

  async list(): Promise<JobSummary[]> {
    const jobs = await Promise.all((await this.index()).map((id) => this.store.get<JobRecord>(jobKey(id))));
    return jobs.filter((job): job is JobRecord => job !== undefined).map(summarize);
  }

  async cancel(jobId: string): Promise<JobSummary> {
    const run = this.running.get(jobId);
    if (run) {
      run.controller.abort();
      await run.finished;
    }
    const job = await this.store.get<JobRecord>(jobKey(jobId));
    if (!job)
      throw new AppError({
        code: 'notFound',
        message: 'That job is no longer in the list.',
        retryable: false,
        action: 'none',
      });
    if (job.status === 'running') {
      job.status = 'cancelled';
      await this.store.set({ [jobKey(job.id)]: job });
    }
    return summarize(job);
  }

  private async index(): Promise<string[]> {
    return (await this.store.get<string[]>(INDEX_KEY)) ?? [];
  }

  private updateIndex(change: (ids: string[]) => Promise<string[]>): Promise<void> {
    const next = this.indexChain.then(async () => this.store.set({ [INDEX_KEY]: await change(await this.index()) }));
    this.indexChain = next.catch(() => undefined);
    return next;
  }

  private start(job: JobRecord): void {
    if (this.running.has(job.id)) return;
    const controller = new AbortController();
    keepWaking('jobs', true);
    const finished = this.services
      .withPortal(job.portalId, (client) =>
        runCreateFolders(job, {
          client,
          save: (record) => this.store.set({ [jobKey(record.id)]: record }),
          onProgress: (record) => {
            // The folder is being written into: its cached listings are out of date.
            this.services.listings(record.portalId).invalidate(`folder:${record.parentId}`);
            this.progressSoon(record);
          },
          now: () => new Date(),
          signal: controller.signal,
        }),
      )
      .then(
        () => undefined,
        async (error: unknown) => {
          // Signed out: the job stays 'running' and goes on after the next sign-in. Anything else ends it, visibly.
          if (error instanceof AppError && error.code === 'unauthorized') return;
          job.status = 'failed';
          job.error = toErrorData(error);
          job.updatedAt = new Date().toISOString();
          await this.store.set({ [jobKey(job.id)]: job });
        },
      )
      .finally(() => {
        this.running.delete(job.id);
        broadcast('jobProgress', summarize(job));
        if (this.running.size === 0) keepWaking('jobs', false);
      });
    this.running.set(job.id, { controller, finished });
  }

  private progressSoon(job: JobRecord): void {
    if (this.progressTimers.has(job.id)) return;
    this.progressTimers.set(
      job.id,
      setTimeout(() => {
        this.progressTimers.delete(job.id);
        broadcast('jobProgress', summarize(job));
      }, PROGRESS_INTERVAL_MS),
    );
  }
}

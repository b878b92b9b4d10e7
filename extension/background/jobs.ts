import { runCreateFolders } from '../../src/jobs/create-folders-runner.ts';
import { folderTitles, newCreateFoldersJob, summarize, type JobRecord } from '../../src/jobs/job-record.ts';
import { AppError } from '../../src/errors.ts';
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
  private readonly running = new Map<string, AbortController>();
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

  async createFolders(portalId: PortalId, parentId: EntryId, parentTitle: string, titles: string[]): Promise<JobSummary> {
    if (!this.services.registry.get(portalId)) {
      throw new AppError({ code: 'notSignedIn', message: 'This portal is no longer signed in. Open the options page.', retryable: false, action: 'openOptions' });
    }
    const job = newCreateFoldersJob(crypto.randomUUID(), portalId, parentId, parentTitle, folderTitles(titles), new Date());
    await this.store.set({ [jobKey(job.id)]: job });
    const ids = [job.id, ...(await this.index())];
    await this.store.set({ [INDEX_KEY]: ids.slice(0, KEEP_FINISHED) });
    await this.store.remove(ids.slice(KEEP_FINISHED).map(jobKey));
    this.start(job);
    return summarize(job);
  }

  async list(): Promise<JobSummary[]> {
    const jobs = await Promise.all((await this.index()).map((id) => this.store.get<JobRecord>(jobKey(id))));
    return jobs.filter((job): job is JobRecord => job !== undefined).map(summarize);
  }

  async cancel(jobId: string): Promise<JobSummary> {
    const controller = this.running.get(jobId);
    if (controller) {
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const job = await this.store.get<JobRecord>(jobKey(jobId));
    if (!job) throw new AppError({ code: 'notFound', message: 'That job is no longer in the list.', retryable: false, action: 'none' });
    if (job.status === 'running' && !controller) {
      job.status = 'cancelled';
      await this.store.set({ [jobKey(job.id)]: job });
    }
    return summarize(job);
  }

  private async index(): Promise<string[]> {
    return (await this.store.get<string[]>(INDEX_KEY)) ?? [];
  }

  private start(job: JobRecord): void {
    if (this.running.has(job.id)) return;
    const controller = new AbortController();
    this.running.set(job.id, controller);
    keepWaking('jobs', true);
    void this.services
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
      .catch(() => {
        // Signed out or no access: the job stays 'running' in storage and resumes after the next sign-in.
      })
      .finally(() => {
        this.running.delete(job.id);
        broadcast('jobProgress', summarize(job));
        if (this.running.size === 0) keepWaking('jobs', false);
      });
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

import { createStore } from 'zustand/vanilla';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { EntryId, JobSummary, PortalId } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';

type Control = 'cancelJob' | 'pauseJob' | 'resumeJob' | 'retryJob';

export interface JobsState {
  jobs: JobSummary[];
  error: ErrorData | null;
  load(): Promise<void>;
  createFolders(portalId: PortalId, parentId: EntryId, parentTitle: string, text: string): Promise<boolean>;
  control(command: Control, jobId: string): Promise<void>;
  dismiss(jobId: string): Promise<void>;
}

/** Background jobs, newest first; progress arrives as events while the page is open. */
export function createJobsStore(connector: Connector) {
  const upsert = (jobs: JobSummary[], job: JobSummary): JobSummary[] =>
    jobs.some((j) => j.id === job.id) ? jobs.map((j) => (j.id === job.id ? job : j)) : [job, ...jobs];
  const store = createStore<JobsState>()((set, get) => ({
    jobs: [],
    error: null,
    async load() {
      try {
        set({ jobs: await connector.send('listJobs', {}), error: null });
      } catch (error) {
        set({ error: toErrorData(error) });
      }
    },
    async createFolders(portalId, parentId, parentTitle, text) {
      try {
        const job = await connector.send('createFolders', {
          portalId,
          parentId,
          parentTitle,
          titles: text.split(/\r?\n/),
        });
        set({ jobs: upsert(get().jobs, job), error: null });
        return true;
      } catch (error) {
        set({ error: toErrorData(error) });
        return false;
      }
    },
    async control(command, jobId) {
      try {
        set({ jobs: upsert(get().jobs, await connector.send(command, { jobId })), error: null });
      } catch (error) {
        set({ error: toErrorData(error) });
      }
    },
    async dismiss(jobId) {
      try {
        await connector.send('dismissJob', { jobId });
        set({ jobs: get().jobs.filter((job) => job.id !== jobId), error: null });
      } catch (error) {
        set({ error: toErrorData(error) });
      }
    },
  }));
  connector.on('jobChanged', (job) => store.setState({ jobs: upsert(store.getState().jobs, job) }));
  connector.on('jobRemoved', ({ jobId }) =>
    store.setState({ jobs: store.getState().jobs.filter((job) => job.id !== jobId) }),
  );
  return store;
}

export type JobsStore = ReturnType<typeof createJobsStore>;

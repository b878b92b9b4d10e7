import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../ui/stores/use-store.ts';
import type { PortalId } from '../../src/protocol/index.ts';
import type { JobList as JobListType } from '../ui/components/JobList.tsx';
import { usePlatform } from '../ui/platform-context.ts';
import { plural } from '../ui/plural.ts';
import type { JobsStore } from '../ui/stores/jobs-store.ts';

const FINISHED = new Set(['done', 'failed', 'cancelled']);

/** Jobs of this portal: the running ones shown, the finished ones folded away (each can be dismissed). */
export function JobsTray({ jobs, portalId }: { jobs: JobsStore; portalId: PortalId }) {
  const platform = usePlatform();
  const state = useStore(jobs);
  const [showFinished, setShowFinished] = useState(false);
  const mine = state.jobs.filter((job) => job.portalId === portalId);
  // The list's code loads with the first job: most openings have none, and it is not part of the first paint.
  const [JobList, setJobList] = useState<typeof JobListType | null>(null);
  useEffect(() => {
    if (mine.length > 0 && !JobList)
      void import('../ui/components/JobList.tsx').then((module) => setJobList(() => module.JobList));
  }, [mine.length > 0, JobList]);
  if (mine.length === 0 || !JobList) return null;
  const active = mine.filter((job) => !FINISHED.has(job.status));
  const finished = mine.filter((job) => FINISHED.has(job.status));
  const actions = {
    cancel: (id: string) => void state.control('cancelJob', id),
    pause: (id: string) => void state.control('pauseJob', id),
    resume: (id: string) => void state.control('resumeJob', id),
    retry: (id: string) => void state.control('retryJob', id),
    dismiss: (id: string) => void state.dismiss(id),
  };
  // A failed job stays in view until it is retried or dismissed; a done one only for a while after it finished.
  const recent = finished.filter((job) => job.status === 'failed' || Date.now() - Date.parse(job.updatedAt) < 15_000);
  const folded = finished.filter((job) => !recent.includes(job));
  return (
    <section class="jobs-tray" aria-label={platform.t('jobs')}>
      <JobList jobs={[...active, ...recent, ...(showFinished ? folded : [])]} actions={actions} />
      {folded.length > 0 && (
        <button
          type="button"
          class="link-button jobs-toggle"
          aria-expanded={showFinished}
          onClick={() => setShowFinished(!showFinished)}
        >
          {showFinished ? platform.t('hideFinished') : plural(platform, 'finishedJobs', folded.length)}
        </button>
      )}
    </section>
  );
}

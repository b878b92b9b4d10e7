import { useState } from 'preact/hooks';
import { useStore } from '../ui/stores/use-store.ts';
import type { PortalId } from '../../src/protocol/index.ts';
import { JobList } from '../ui/components/JobList.tsx';
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
  if (mine.length === 0) return null;
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

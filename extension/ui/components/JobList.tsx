import type { JobSummary } from '../../../src/protocol.ts';
import { t } from '../../platform/i18n.ts';

/** Running and recent jobs with their progress; server strings (folder names, reasons) are text. */
export function JobList({ jobs, onCancel }: { jobs: JobSummary[]; onCancel: (jobId: string) => void }) {
  if (jobs.length === 0) return null;
  return (
    <ul class="jobs" aria-label={t('jobs')}>
      {jobs.slice(0, 3).map((job) => {
        const finished = job.done + job.skipped + job.failed;
        return (
          <li class="job" key={job.id} data-testid="job" data-status={job.status}>
            <div class="job-line">
              <span class="job-title">{t('jobCreateFolders', job.parentTitle)}</span>
              <span class="job-count" data-testid="job-count">
                {t('jobProgress', [String(finished), String(job.total)])}
              </span>
            </div>
            <progress max={job.total} value={finished} />
            <div class="job-line muted">
              <span data-testid="job-status">
                {t(`jobStatus_${job.status}`)}
                {job.skipped > 0 ? ` · ${t('jobSkipped', String(job.skipped))}` : ''}
                {job.failed > 0 ? ` · ${t('jobFailed', String(job.failed))}` : ''}
              </span>
              {job.status === 'running' && (
                <button type="button" class="link-button" onClick={() => onCancel(job.id)}>
                  {t('cancel')}
                </button>
              )}
            </div>
            {job.error && <p class="job-error">{job.error.message}</p>}
            {job.failures.map((f) => (
              <p class="job-error" key={f.title}>
                {f.title}: {f.message}
              </p>
            ))}
          </li>
        );
      })}
    </ul>
  );
}

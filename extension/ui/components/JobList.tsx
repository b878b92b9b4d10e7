import type { JobSummary } from '../../../src/protocol/index.ts';
import { ServerText } from './ServerText.tsx';
import { errorText, localText, usePlatform } from '../platform-context.ts';
import { Sentence } from './Sentence.tsx';
import { plural } from '../plural.ts';
import { formatSize } from '../../../src/format/size.ts';

export interface JobActions {
  cancel(jobId: string): void;
  pause(jobId: string): void;
  resume(jobId: string): void;
  retry(jobId: string): void;
  dismiss(jobId: string): void;
}

const ACTIVE = new Set(['running', 'waiting', 'verifying']);

/** Running and recent jobs with their progress; server strings (folder names, reasons) are text. */
export function JobList({ jobs, actions }: { jobs: JobSummary[]; actions: JobActions }) {
  const platform = usePlatform();
  const { t } = platform;
  if (jobs.length === 0) return null;
  return (
    <ul class="jobs" aria-label={t('jobs')}>
      {jobs.slice(0, 5).map((job) => {
        const finished = job.done + job.skipped + job.failed;
        const status = job.status === 'waiting' ? `waiting_${job.waitingFor ?? 'portal'}` : job.status;
        return (
          <li class="job" key={job.id} data-testid="job" data-status={job.status}>
            <div class="job-line">
              <span class="job-title" title={localText(t, job.title)}>
                <Sentence k={job.title.key} params={job.title.params} />
              </span>
              <span class="job-count" data-testid="job-count">
                {plural(platform, 'jobProgress', finished, [String(job.total)])}
              </span>
            </div>
            {job.bytes ? (
              <>
                <progress max={Math.max(1, job.bytes.total)} value={job.bytes.done} />
                <div class="job-line muted" data-testid="job-bytes">
                  {t('jobBytes', [
                    formatSize(job.bytes.done, platform.uiLanguage(), t),
                    formatSize(job.bytes.total, platform.uiLanguage(), t),
                  ])}
                </div>
              </>
            ) : (
              <progress max={job.total} value={finished} />
            )}
            <div class="job-line muted">
              <span data-testid="job-status">
                {t(`jobStatus_${status}`)}
                {job.skipped > 0 ? ` · ${plural(platform, 'jobSkipped', job.skipped)}` : ''}
                {job.failed > 0 ? ` · ${plural(platform, 'jobFailed', job.failed)}` : ''}
              </span>
              <span class="job-actions">
                {ACTIVE.has(job.status) && (
                  <button type="button" class="link-button" onClick={() => actions.pause(job.id)}>
                    {t('pause')}
                  </button>
                )}
                {job.status === 'paused' && (
                  <button type="button" class="link-button" onClick={() => actions.resume(job.id)}>
                    {t('resume')}
                  </button>
                )}
                {(ACTIVE.has(job.status) || job.status === 'paused') && (
                  <button type="button" class="link-button" onClick={() => actions.cancel(job.id)}>
                    {t('cancel')}
                  </button>
                )}
                {(job.status === 'failed' || job.status === 'cancelled') && (
                  <button type="button" class="link-button" onClick={() => actions.retry(job.id)}>
                    {t('retry')}
                  </button>
                )}
                {(job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') && (
                  <button type="button" class="link-button" onClick={() => actions.dismiss(job.id)}>
                    {t('dismiss')}
                  </button>
                )}
              </span>
            </div>
            {job.error && <p class="job-error">{errorText(t, job.error)}</p>}
            {job.failures.map((failure, i) => (
              <p class="job-error" key={i}>
                <ServerText text={failure.label} />: {errorText(t, failure.error)}
              </p>
            ))}
            {job.findings?.map((finding, i) => (
              <p class="job-error" key={`f${i}`}>
                {errorText(t, finding)}
              </p>
            ))}
          </li>
        );
      })}
    </ul>
  );
}

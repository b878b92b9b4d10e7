import type { JobStatus, JobSummary, LocalText } from '../protocol/index.ts';

/** What the toolbar button shows about the jobs: a count, its colour, and the words of its tooltip. */
export interface BadgeState {
  /** Empty: no badge. */
  text: string;
  color: 'accent' | 'failed';
  title: LocalText;
}

/** Work still going on its own (a paused job waits for the user, it is not counted as running). */
const ACTIVE: readonly JobStatus[] = ['running', 'waiting', 'verifying'];

/**
 * Running jobs in the accent colour; once any job failed and was not dismissed, red, with "!" after the count of
 * those still running. The tooltip says both in words, since a colour alone says nothing to many users.
 */
export function badgeFor(jobs: readonly JobSummary[]): BadgeState {
  const running = jobs.filter((job) => ACTIVE.includes(job.status)).length;
  const failed = jobs.filter((job) => job.status === 'failed').length;
  if (failed > 0) {
    return {
      text: running > 0 ? `${Math.min(running, 99)}!` : '!',
      color: 'failed',
      title: { key: running > 0 ? 'badgeRunningAndFailed' : 'badgeFailed', params: [String(running), String(failed)] },
    };
  }
  if (running > 0) {
    return {
      text: running > 99 ? '99+' : String(running),
      color: 'accent',
      title: { key: 'badgeRunning', params: [String(running)] },
    };
  }
  return { text: '', color: 'accent', title: { key: 'actionTitle', params: [] } };
}

export function sameBadge(a: BadgeState | null, b: BadgeState): boolean {
  return (
    a !== null &&
    a.text === b.text &&
    a.color === b.color &&
    a.title.key === b.title.key &&
    a.title.params.join('\u0000') === b.title.params.join('\u0000')
  );
}

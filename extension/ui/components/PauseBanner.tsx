import { useEffect, useReducer } from 'preact/hooks';
import type { SchedulerSnapshot } from '../../../src/protocol/index.ts';
import { usePlatform } from '../platform-context.ts';
import { plural } from '../plural.ts';

/** Tells the user the portal asked us to wait, counts down to when requests resume, and offers to go now. */
export function PauseBanner({ snapshot, onResume }: { snapshot: SchedulerSnapshot | null; onResume?: () => void }) {
  const platform = usePlatform();
  const { t } = platform;
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const until = snapshot?.pause?.until ?? null;
  useEffect(() => {
    if (until === null) return undefined;
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [until]);
  const pause = snapshot?.pause;
  // The time is read on every render, so the first frame already counts from now.
  const now = Date.now();
  if (!pause || pause.reason === 'unauthorized' || until === null || until <= now) return null;
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  const queued = snapshot.queued.interactive + snapshot.queued.user + snapshot.queued.bulk;
  return (
    <div class="notice notice-wait" role="status" data-testid="pause-banner" data-reason={pause.reason}>
      <strong class="notice-title">{t(`pauseTitle_${pause.reason}`)}</strong>
      <p class="notice-text">
        {plural(platform, 'pauseCountdown', seconds)}
        {queued > 0 ? ` ${plural(platform, 'pauseQueued', queued)}` : ''}
      </p>
      {onResume && (
        <div class="notice-actions">
          <button type="button" class="button" onClick={onResume}>
            {t('resumeNow')}
          </button>
        </div>
      )}
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { SchedulerSnapshot } from '../../../src/protocol/index.ts';
import { usePlatform } from '../platform-context.ts';

/** Tells the user the portal asked us to wait, and counts down to when requests resume. */
export function PauseBanner({ snapshot }: { snapshot: SchedulerSnapshot | null }) {
  const { t } = usePlatform();
  const [now, setNow] = useState(Date.now());
  const until = snapshot?.pause?.until ?? null;
  useEffect(() => {
    if (until === null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  const pause = snapshot?.pause;
  if (!pause || pause.reason === 'unauthorized' || until === null || until <= now) return null;
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  const queued = snapshot.queued.interactive + snapshot.queued.user + snapshot.queued.bulk;
  return (
    <div class="notice notice-wait" role="status" data-testid="pause-banner" data-reason={pause.reason}>
      <strong class="notice-title">{t(`pauseTitle_${pause.reason}`)}</strong>
      <p class="notice-text">
        {t('pauseCountdown', String(seconds))}
        {queued > 0 ? ` ${t('pauseQueued', String(queued))}` : ''}
      </p>
    </div>
  );
}

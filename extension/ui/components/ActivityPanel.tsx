import type { SchedulerSnapshot } from '../../../src/protocol/index.ts';
import { usePlatform } from '../platform-context.ts';

type Window = SchedulerSnapshot['windows'][number];

/** Who used each rate-limit window: the extension, the user's own DocSpace tabs, unknown others; and our share. */
export function ActivityPanel({ snapshot }: { snapshot: SchedulerSnapshot | null }) {
  const { t } = usePlatform();
  if (!snapshot) return null;
  return (
    <details class="activity" data-testid="activity">
      <summary>{t('activityTitle')}</summary>
      <ul class="activity-windows">
        {snapshot.windows.map((w) => (
          <WindowRow key={w.name} window={w} t={t} />
        ))}
      </ul>
      {snapshot.tabsObserved === false && (
        <p class="muted activity-note" data-testid="activity-tabs-unseen">
          {t('activityTabsUnseen')}
        </p>
      )}
    </details>
  );
}

/** One rate-limit window: who used how much of it (also the options page's Activity view). */
export function WindowRow({ window: w, t }: { window: Window; t: (key: string, subs?: string[]) => string }) {
  const ours = w.ours ?? w.used;
  const tabs = w.tabs ?? 0;
  const others = w.others ?? 0;
  const share = Math.round((w.share ?? 1) * 100);
  const seconds = String(Math.round(w.windowMs / 100) / 10);
  const part = (n: number) => ({ width: `${w.limit > 0 ? Math.min(100, (n / w.limit) * 100) : 0}%` });
  return (
    <li
      class="activity-window"
      data-testid="activity-window"
      data-window={w.name}
      data-ours={ours}
      data-tabs={tabs}
      data-others={others}
      data-share={share}
    >
      <span class="activity-window-title">{t('activityWindow', [seconds, String(w.used), String(w.limit)])}</span>
      {/* The bar repeats the figures below it for the eye; the text carries them for everyone. */}
      <span class="activity-bar" aria-hidden="true">
        <span class="activity-bar-ours" style={part(ours)} />
        <span class="activity-bar-tabs" style={part(tabs)} />
        <span class="activity-bar-others" style={part(others)} />
      </span>
      <span class="activity-parts">
        <span>{t('activityOurs', [String(ours)])}</span>
        <span data-testid="activity-tabs">{t('activityTabs', [String(tabs)])}</span>
        <span>{t('activityOthers', [String(others)])}</span>
      </span>
      <span class="muted">{t('activityShare', [String(share)])}</span>
    </li>
  );
}

import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import { addSample, type RateSample } from '../../../src/activity/rate-chart.ts';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { PortalSummary, SchedulerSnapshot } from '../../../src/protocol/index.ts';
import { eventKey } from '../../../src/settings/diagnostics.ts';
import { WindowRow } from '../../ui/components/ActivityPanel.tsx';
import { ErrorNotice } from '../../ui/components/ErrorNotice.tsx';
import { JobList, type JobActions } from '../../ui/components/JobList.tsx';
import { PauseBanner } from '../../ui/components/PauseBanner.tsx';
import type { Connector } from '../../ui/connector.ts';
import { usePlatform } from '../../ui/platform-context.ts';
import { createActivityStore } from '../../ui/stores/activity-store.ts';
import { createJobsStore } from '../../ui/stores/jobs-store.ts';
import { PortalPicker } from '../settings/PortalPicker.tsx';
import { RateChart } from './RateChart.tsx';

/** How often the view asks again: windows empty by themselves as time passes, with no event to say so. */
const POLL_MS = 1_000;
const CHART_SPAN_MS = 5 * 60_000;

/** The live Activity view of one portal: limits, who spends them, pauses, queues, jobs, refusals, a chart. */
export function ActivityView({
  connector,
  portals,
  activePortalId,
}: {
  connector: Connector;
  portals: PortalSummary[];
  activePortalId: string | null;
}) {
  const platform = usePlatform();
  const { t } = platform;
  const signedIn = portals.filter((p) => p.status === 'signedIn');
  const [portalId, setPortalId] = useState(
    signedIn.find((p) => p.id === activePortalId)?.id ?? signedIn[0]?.id ?? null,
  );
  const activityStore = useMemo(() => createActivityStore(connector), [connector]);
  const jobsStore = useMemo(() => createJobsStore(connector), [connector]);
  const { snapshot } = useStore(activityStore);
  const jobs = useStore(jobsStore);
  const [samples, setSamples] = useState<RateSample[]>([]);
  const [error, setError] = useState<ErrorData | null>(null);

  useEffect(() => void jobsStore.getState().load(), [jobsStore]);
  useEffect(() => {
    if (!portalId) return undefined;
    setSamples([]);
    void activityStore.getState().watch(portalId);
    const timer = setInterval(() => void activityStore.getState().watch(portalId), POLL_MS);
    return () => clearInterval(timer);
  }, [portalId, activityStore]);
  useEffect(() => {
    const short = snapshot?.key === portalId ? snapshot?.windows[0] : undefined;
    if (short)
      setSamples((s) => addSample(s, { at: snapshot!.at, used: short.used, limit: short.limit }, CHART_SPAN_MS));
  }, [snapshot, portalId]);

  if (!portalId) return <p class="muted">{t('activityNoPortal')}</p>;
  const shown = snapshot?.key === portalId ? snapshot : null;
  const actions: JobActions = {
    cancel: (id) => void jobs.control('cancelJob', id),
    pause: (id) => void jobs.control('pauseJob', id),
    resume: (id) => void jobs.control('resumeJob', id),
    retry: (id) => void jobs.control('retryJob', id),
    dismiss: (id) => void jobs.dismiss(id),
  };
  const exportDiagnostics = async () => {
    try {
      const file = await connector.send('exportDiagnostics', { extensionVersion: platform.extensionVersion() });
      platform.saveFile(
        `docspace-power-tools-diagnostics-${stamp()}.json`,
        JSON.stringify(file, null, 2),
        'application/json',
      );
      setError(null);
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  return (
    <div class="settings-stack" data-testid="activity-view">
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">{t('activityHeading')}</h2>
        <PortalPicker portals={signedIn} value={portalId} onChange={setPortalId} />
        {!shown && <p class="muted">{t('loading')}</p>}
        {shown && (
          <>
            <PauseBanner
              snapshot={shown}
              onResume={() => void connector.send('resumeRequests', { portalId }).catch(() => undefined)}
            />
            {shown.pause?.reason === 'unauthorized' && (
              <p class="notice notice-error" data-testid="activity-signin-wait">
                {t('activityWaitingSignIn')}
              </p>
            )}
            <h3>{t('activityWindowsHeading')}</h3>
            <ul class="activity-windows">
              {shown.windows.map((w) => (
                <WindowRow key={w.name} window={w} t={t} />
              ))}
            </ul>
            {shown.tabsObserved === false && <p class="muted">{t('activityTabsUnseen')}</p>}
            <RateChartBlock samples={samples} now={shown.at} />
            <Facts snapshot={shown} />
          </>
        )}
      </section>
      <section aria-labelledby="activity-jobs-heading">
        <h2 id="activity-jobs-heading">{t('jobs')}</h2>
        {jobs.error && <ErrorNotice error={jobs.error} />}
        {jobs.jobs.filter((j) => j.portalId === portalId).length === 0 ? (
          <p class="muted">{t('activityNoJobs')}</p>
        ) : (
          <JobList jobs={jobs.jobs.filter((j) => j.portalId === portalId)} actions={actions} />
        )}
      </section>
      <section aria-labelledby="activity-events-heading">
        <h2 id="activity-events-heading">{t('activityEventsHeading')}</h2>
        {shown && shown.recent.length > 0 ? (
          <ol class="event-list" data-testid="activity-events">
            {[...shown.recent].reverse().map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <time dateTime={new Date(e.at).toISOString()}>
                  {new Date(e.at).toLocaleTimeString(platform.uiLanguage())}
                </time>{' '}
                · {t(`activityEvent_${e.kind}`)}
                {e.status !== undefined ? ` (HTTP ${e.status})` : ''} · <code>{eventKey(e.message)}</code>
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">{t('activityNoEvents')}</p>
        )}
      </section>
      <section aria-labelledby="diagnostics-heading">
        <h2 id="diagnostics-heading">{t('diagnosticsHeading')}</h2>
        <p class="muted" id="diagnostics-hint">
          {t('diagnosticsHint')}
        </p>
        {error && <ErrorNotice error={error} />}
        <button
          type="button"
          class="button"
          aria-describedby="diagnostics-hint"
          onClick={() => void exportDiagnostics()}
        >
          {t('diagnosticsExport')}
        </button>
      </section>
    </div>
  );
}

function RateChartBlock({ samples, now }: { samples: RateSample[]; now: number }) {
  const { t } = usePlatform();
  return (
    <>
      <h3>{t('chartHeading')}</h3>
      <RateChart samples={samples} now={now} spanMs={CHART_SPAN_MS} />
    </>
  );
}

function Facts({ snapshot: s }: { snapshot: SchedulerSnapshot }) {
  const { t } = usePlatform();
  const n = String;
  return (
    <dl class="facts" data-testid="activity-facts">
      <dt>{t('activityReads')}</dt>
      <dd data-testid="activity-reads">
        {t('activityConcurrency', [
          n(s.concurrency.read.inFlight),
          n(s.concurrency.read.limit),
          n(s.concurrency.read.cap),
        ])}
      </dd>
      <dt>{t('activityWrites')}</dt>
      <dd>
        {t('activityConcurrency', [
          n(s.concurrency.write.inFlight),
          n(s.concurrency.write.limit),
          n(s.concurrency.write.cap),
        ])}
      </dd>
      <dt>{t('activityDailyWrites')}</dt>
      <dd>{t('activityOf', [n(s.dailyWrites.used), n(s.dailyWrites.limit)])}</dd>
      <dt>{t('activityQueues')}</dt>
      <dd data-testid="activity-queues">
        {t('activityQueued', [n(s.queued.interactive), n(s.queued.user), n(s.queued.bulk)])}
      </dd>
      <dt>{t('activityReserve')}</dt>
      <dd>{t(s.reserveHeld ? 'activityReserveHeld' : 'activityReserveFree')}</dd>
    </dl>
  );
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

import { useEffect, useLayoutEffect, useMemo } from 'preact/hooks';
import { useStore } from '../ui/stores/use-store.ts';
import type { Connector } from '../ui/connector.ts';
import { ErrorNotice } from '../ui/components/ErrorNotice.tsx';
import { LazyPauseBanner } from '../ui/components/LazyPauseBanner.tsx';
import { SectionTabs } from '../ui/components/SectionTabs.tsx';
import { usePopupSections } from '../ui/settings/use-popup-sections.ts';
import { Spinner } from '../ui/components/Spinner.tsx';
import { ToastArea } from '../ui/components/Toast.tsx';
import { usePlatform } from '../ui/platform-context.ts';
import { createActivityStore } from '../ui/stores/activity-store.ts';
import { createAppStore } from '../ui/stores/app-store.ts';
import { createBrowseStore } from '../ui/stores/browse-store.ts';
import { createJobsStore } from '../ui/stores/jobs-store.ts';
import { createUiStore } from '../ui/stores/ui-store.ts';
import { BrowseView } from './BrowseView.tsx';
import { DialogHost } from './DialogHost.tsx';
import { Header } from './Header.tsx';
import { JobsTray } from './JobsTray.tsx';
import { LazyActivityPanel } from './LazyActivityPanel.tsx';

/** The toolbar popup, and the same app docked in the side panel (`panel`): it keeps its place there. */
export function PopupApp({
  connector,
  panel = false,
  initialQuery,
}: {
  connector: Connector;
  panel?: boolean;
  /** What to search for once the list is shown (the omnibox's Enter). */
  initialQuery?: string | undefined;
}) {
  const { t, openOptionsPage } = usePlatform();
  const appStore = useMemo(() => createAppStore(connector), [connector]);
  const browseStore = useMemo(() => createBrowseStore(connector), [connector]);
  const activityStore = useMemo(() => createActivityStore(connector), [connector]);
  const jobsStore = useMemo(() => createJobsStore(connector), [connector]);
  const uiStore = useMemo(() => createUiStore(), []);
  const app = useStore(appStore);
  const activity = useStore(activityStore);
  const browse = useStore(browseStore);
  // Layout effects run before the first paint, not a frame after it: the popup's first rows come frames sooner.
  useLayoutEffect(() => void appStore.getState().load(), [appStore]);
  useEffect(() => void jobsStore.getState().load(), [jobsStore]);
  const portal = app.activePortal();
  const sections = usePopupSections(connector, portal?.id, browse.location.section);
  useEffect(() => {
    if (portal?.status === 'signedIn') void activityStore.getState().watch(portal.id);
  }, [portal?.id, portal?.status, activityStore]);

  return (
    <div class={panel ? 'popup panel' : 'popup'}>
      <Header state={app.state} portal={portal} panel={panel} onSwitch={(id) => void app.switchPortal(id)} />
      {app.error && <ErrorNotice error={app.error} onRetry={() => void app.load()} />}
      {!app.state && !app.error && <Spinner />}
      {app.state && !portal && (
        <main class="signed-out" data-testid="signed-out">
          <h2>{t('notSignedInTitle')}</h2>
          <p>{t('notSignedInText')}</p>
          <button type="button" class="button button-primary" onClick={() => void openOptionsPage()}>
            {t('openOptions')}
          </button>
        </main>
      )}
      {portal && portal.status !== 'signedIn' && (
        <main class="signed-out" data-testid="portal-needs-attention">
          <h2>{t(`attentionTitle_${portal.status}`)}</h2>
          <p>{t(`attentionText_${portal.status}`, new URL(portal.origin).host)}</p>
          <button type="button" class="button button-primary" onClick={() => void openOptionsPage()}>
            {t(portal.status === 'permissionMissing' ? 'openOptions' : 'signInAgainButton')}
          </button>
        </main>
      )}
      {portal && portal.status === 'signedIn' && (
        <>
          <nav class="sections" aria-label={t('sections')}>
            <SectionTabs
              current={browse.location.section}
              onSelect={(section) => void browseStore.getState().openSection(section)}
              sections={sections}
            />
          </nav>
          <LazyPauseBanner
            snapshot={activity.snapshot}
            onResume={() => void connector.send('resumeRequests', { portalId: portal.id }).catch(() => undefined)}
          />
          {portal.readOnly && (
            <p class="read-only-note" role="note" data-testid="read-only-note">
              {t('popupReadOnly')}
            </p>
          )}
          <BrowseView
            portal={portal}
            connector={connector}
            store={browseStore}
            ui={uiStore}
            initialQuery={initialQuery}
          />
          <JobsTray jobs={jobsStore} portalId={portal.id} />
          <LazyActivityPanel snapshot={activity.snapshot} />
          <DialogHost portal={portal} connector={connector} ui={uiStore} browse={browseStore} jobs={jobsStore} />
        </>
      )}
      <ToastArea ui={uiStore} />
    </div>
  );
}

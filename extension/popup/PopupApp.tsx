import { useEffect, useMemo } from 'preact/hooks';
import { useStore } from 'zustand';
import type { Connector } from '../ui/connector.ts';
import { ErrorNotice } from '../ui/components/ErrorNotice.tsx';
import { Spinner } from '../ui/components/Spinner.tsx';
import { PauseBanner } from '../ui/components/PauseBanner.tsx';
import { createActivityStore } from '../ui/stores/activity-store.ts';
import { createAppStore } from '../ui/stores/app-store.ts';
import { createBrowseStore } from '../ui/stores/browse-store.ts';
import { createJobsStore } from '../ui/stores/jobs-store.ts';
import { usePlatform } from '../ui/platform-context.ts';
import { ServerText } from '../ui/components/ServerText.tsx';
import { BrowseView } from './BrowseView.tsx';

export function PopupApp({ connector }: { connector: Connector }) {
  const { t, openOptionsPage } = usePlatform();
  const appStore = useMemo(() => createAppStore(connector), [connector]);
  const browseStore = useMemo(() => createBrowseStore(connector), [connector]);
  const activityStore = useMemo(() => createActivityStore(connector), [connector]);
  const jobsStore = useMemo(() => createJobsStore(connector), [connector]);
  const app = useStore(appStore);
  const activity = useStore(activityStore);
  useEffect(() => void appStore.getState().load(), [appStore]);
  const portal = app.activePortal();
  useEffect(() => {
    if (portal?.status === 'signedIn') void activityStore.getState().watch(portal.id);
  }, [portal?.id, portal?.status, activityStore]);

  return (
    <div class="popup">
      <header class="popup-header">
        <img src="/icons/icon-32.png" alt="" width="20" height="20" />
        <div class="popup-title">
          <span class="portal-name">{portal ? <ServerText text={portal.name} /> : t('extName')}</span>
          {portal && (
            <span class="portal-user">
              <ServerText text={portal.user.displayName} /> · {new URL(portal.origin).host}
            </span>
          )}
        </div>
        <button
          type="button"
          class="icon-button"
          onClick={() => void openOptionsPage()}
          title={t('settings')}
          aria-label={t('settings')}
        >
          ⚙
        </button>
      </header>
      {app.error && <ErrorNotice error={app.error} onRetry={() => void app.load()} />}
      {!app.state && !app.error && <Spinner />}
      {app.state && !portal && (
        <section class="signed-out" data-testid="signed-out">
          <h1>{t('notSignedInTitle')}</h1>
          <p>{t('notSignedInText')}</p>
          <button type="button" class="button button-primary" onClick={() => void openOptionsPage()}>
            {t('openOptions')}
          </button>
        </section>
      )}
      {portal && portal.status !== 'signedIn' && (
        <section class="signed-out" data-testid="portal-needs-attention">
          <h1>{t(portal.status === 'signInRequired' ? 'signInAgainTitle' : 'permissionMissingTitle')}</h1>
          <p>
            {t(
              portal.status === 'signInRequired' ? 'signInAgainText' : 'permissionMissingText',
              new URL(portal.origin).host,
            )}
          </p>
          <button type="button" class="button button-primary" onClick={() => void openOptionsPage()}>
            {t('openOptions')}
          </button>
        </section>
      )}
      {portal && portal.status === 'signedIn' && <PauseBanner snapshot={activity.snapshot} />}
      {portal && portal.status === 'signedIn' && (
        <BrowseView portal={portal} store={browseStore} jobsStore={jobsStore} />
      )}
    </div>
  );
}

import { useEffect, useMemo } from 'preact/hooks';
import { useStore } from 'zustand';
import { usePlatform } from '../ui/platform-context.ts';
import type { Connector } from '../ui/connector.ts';
import { ErrorNotice } from '../ui/components/ErrorNotice.tsx';
import { Spinner } from '../ui/components/Spinner.tsx';
import { createAppStore } from '../ui/stores/app-store.ts';
import { AddPortalForm } from './AddPortalForm.tsx';
import { PortalCard } from './PortalCard.tsx';
import { TabTrafficNotice } from './TabTrafficNotice.tsx';
import { OptionsTabs } from './OptionsTabs.tsx';

export function OptionsApp({ connector }: { connector: Connector }) {
  const { t } = usePlatform();
  const appStore = useMemo(() => createAppStore(connector), [connector]);
  const app = useStore(appStore);
  useEffect(() => void appStore.getState().load(), [appStore]);
  const portals = app.state?.portals ?? [];

  return (
    <div class="options">
      <header class="options-header">
        <img src="/icons/icon-48.png" alt="" width="32" height="32" />
        <div>
          <h1>{t('extName')}</h1>
          <p class="muted">{t('optionsSubtitle')}</p>
        </div>
      </header>
      {app.error && <ErrorNotice error={app.error} onRetry={() => void app.load()} />}
      {!app.state && !app.error && <Spinner />}
      {app.state && (
        <OptionsTabs connector={connector} portals={portals} activePortalId={app.state.activePortalId}>
          <section aria-labelledby="portals-heading">
            <h2 id="portals-heading">{t('portalsHeading')}</h2>
            {portals.length === 0 && (
              <p class="muted" data-testid="no-portals">
                {t('noPortals')}
              </p>
            )}
            <ul class="portal-list">
              {portals.map((portal) => (
                <PortalCard key={portal.id} portal={portal} onSignOut={() => void app.signOut(portal.id)} />
              ))}
            </ul>
            {portals.length > 0 && <TabTrafficNotice />}
          </section>
          <section aria-labelledby="add-heading">
            <h2 id="add-heading">{t(portals.length === 0 ? 'addPortalHeading' : 'addOrReconnectHeading')}</h2>
            <AddPortalForm
              connector={connector}
              initialUrl={portals.find((p) => p.status !== 'signedIn')?.origin ?? ''}
            />
          </section>
        </OptionsTabs>
      )}
    </div>
  );
}

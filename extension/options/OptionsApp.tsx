import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import type { PortalSummary } from '../../src/protocol/index.ts';
import { usePlatform } from '../ui/platform-context.ts';
import type { Connector } from '../ui/connector.ts';
import { ErrorNotice } from '../ui/components/ErrorNotice.tsx';
import { Spinner } from '../ui/components/Spinner.tsx';
import { createAppStore } from '../ui/stores/app-store.ts';
import { AddPortalForm, type Prefill } from './AddPortalForm.tsx';
import { PortalCard } from './PortalCard.tsx';
import { RemovePortalDialog } from './RemovePortalDialog.tsx';
import { SaveSettings } from './SaveSettings.tsx';
import { TabTrafficNotice } from './TabTrafficNotice.tsx';
import { OptionsTabs } from './OptionsTabs.tsx';
import { NotificationSettings } from './NotificationSettings.tsx';

export function OptionsApp({ connector }: { connector: Connector }) {
  const { t } = usePlatform();
  const appStore = useMemo(() => createAppStore(connector), [connector]);
  const app = useStore(appStore);
  useEffect(() => void appStore.getState().load(), [appStore]);
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const [removing, setRemoving] = useState<PortalSummary | null>(null);
  const portals = app.state?.portals ?? [];
  const activeId = app.state?.activePortalId ?? portals[0]?.id ?? null;

  const signInAgain = (portal: PortalSummary) =>
    setPrefill({ url: portal.origin, method: portal.authMethod, email: portal.user.email, nonce: Date.now() });

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
              {portals.map((portal, index) => (
                <PortalCard
                  key={portal.id}
                  portal={portal}
                  index={index}
                  count={portals.length}
                  active={portal.id === activeId}
                  actions={{
                    signInAgain: () => signInAgain(portal),
                    signOut: () => void app.signOut(portal.id),
                    remove: () => setRemoving(portal),
                    rename: (label) => void app.rename(portal.id, label),
                    move: (by) => void app.move(portal.id, by),
                    makeActive: () => void app.switchPortal(portal.id),
                  }}
                />
              ))}
            </ul>
            {portals.length > 0 && <TabTrafficNotice />}
          </section>
          <section aria-labelledby="add-heading">
            <h2 id="add-heading">{t(portals.length === 0 ? 'addPortalHeading' : 'addOrReconnectHeading')}</h2>
            <AddPortalForm
              connector={connector}
              prefill={prefill}
              portalIds={portals.filter((p) => p.status === 'signedIn').map((p) => p.id)}
            />
          </section>
          <NotificationSettings connector={connector} />
          <SaveSettings connector={connector} portals={portals} />
        </OptionsTabs>
      )}
      {removing && (
        <RemovePortalDialog
          connector={connector}
          portal={removing}
          onClose={() => setRemoving(null)}
          onConfirm={() => {
            const id = removing.id;
            setRemoving(null);
            void app.remove(id);
          }}
        />
      )}
    </div>
  );
}

import type { PortalSummary } from '../../src/protocol/index.ts';
import { visibleText } from '../../src/format/text.ts';
import { ServerText } from '../ui/components/ServerText.tsx';
import { usePlatform } from '../ui/platform-context.ts';

export function PortalCard({ portal, onSignOut }: { portal: PortalSummary; onSignOut: () => void }) {
  const { t } = usePlatform();
  return (
    <li class="portal-card" data-testid="portal-card" data-status={portal.status}>
      <div class="portal-card-text">
        <strong class="portal-card-name">
          <ServerText text={portal.name} />
        </strong>
        <span class="muted">{portal.origin}</span>
        <span>
          {t('signedInAs', [visibleText(portal.user.displayName), visibleText(portal.user.email)])} ·{' '}
          {t(`authMethod_${portal.authMethod}`)}
        </span>
        <span class={`status status-${portal.status}`} data-testid="portal-status">
          {t(`portalStatus_${portal.status}`)}
        </span>
      </div>
      <button type="button" class="button" onClick={onSignOut}>
        {t('signOut')}
      </button>
    </li>
  );
}

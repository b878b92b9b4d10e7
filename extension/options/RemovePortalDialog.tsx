import { useEffect, useState } from 'preact/hooks';
import type { PortalSummary, RemovalImpact } from '../../src/protocol/index.ts';
import { visibleText } from '../../src/format/text.ts';
import type { Connector } from '../ui/connector.ts';
import { Dialog } from '../ui/components/Dialog.tsx';
import { usePlatform } from '../ui/platform-context.ts';

/** Removing an account deletes what it holds: the user confirms, knowing how many running jobs go with it. */
export function RemovePortalDialog({
  connector,
  portal,
  onConfirm,
  onClose,
}: {
  connector: Connector;
  portal: PortalSummary;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = usePlatform();
  const [impact, setImpact] = useState<RemovalImpact | null>(null);
  useEffect(() => {
    connector.send('removalImpact', { portalId: portal.id }).then(setImpact, () => setImpact(null));
  }, [connector, portal.id]);
  const name = visibleText(portal.label || portal.name);
  return (
    <Dialog title={t('removePortalTitle', name)} onClose={onClose}>
      <p>{t('removePortalText')}</p>
      {impact && impact.runningJobs > 0 && (
        <p class="notice notice-error" data-testid="remove-running-jobs">
          {t('removePortalRunningJobs', String(impact.runningJobs))}
        </p>
      )}
      {impact?.sharesOrigin && <p class="muted">{t('removePortalSharedAccess')}</p>}
      <div class="form-actions">
        <button type="button" class="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" class="button button-danger" onClick={onConfirm}>
          {t('portalRemove')}
        </button>
      </div>
    </Dialog>
  );
}

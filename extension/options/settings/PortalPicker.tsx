import type { PortalSummary } from '../../../src/protocol/index.ts';
import { usePlatform } from '../../ui/platform-context.ts';

/** Which portal a view is about; shown only when there is a choice. */
export function PortalPicker({
  portals,
  value,
  onChange,
}: {
  portals: PortalSummary[];
  value: string;
  onChange: (portalId: string) => void;
}) {
  const { t } = usePlatform();
  if (portals.length < 2) {
    const only = portals[0];
    return only ? <p class="muted">{t('portalOf', [new URL(only.origin).host, only.label || only.name])}</p> : null;
  }
  return (
    <div class="field">
      <label for="portal-picker">{t('portalPickerLabel')}</label>
      <select id="portal-picker" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {portals.map((p) => (
          <option key={p.id} value={p.id}>
            {t('portalOf', [new URL(p.origin).host, p.label || p.name])}
          </option>
        ))}
      </select>
    </div>
  );
}

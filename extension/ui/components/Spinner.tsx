import { t } from '../../platform/i18n.ts';

export function Spinner({ label }: { label?: string }) {
  return (
    <div class="spinner-row" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{label ?? t('loading')}</span>
    </div>
  );
}

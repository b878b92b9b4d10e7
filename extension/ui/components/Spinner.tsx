import { usePlatform } from '../platform-context.ts';

export function Spinner({ label }: { label?: string }) {
  const { t } = usePlatform();
  return (
    <div class="spinner-row" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{label ?? t('loading')}</span>
    </div>
  );
}

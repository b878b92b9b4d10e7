import type { ErrorData } from '../../../src/errors/index.ts';
import { errorText, usePlatform } from '../platform-context.ts';

interface Props {
  error: ErrorData;
  onRetry?: (() => void) | undefined;
  onOpenOptions?: (() => void) | undefined;
}

/** Says what went wrong and offers the one thing to do about it. Server text is rendered as text, never HTML. */
export function ErrorNotice({ error, onRetry, onOpenOptions }: Props) {
  const { t } = usePlatform();
  const wantsOptions =
    error.action === 'signIn' || error.action === 'openOptions' || error.action === 'grantPermission';
  return (
    <div class="notice notice-error" role="alert" data-error-code={error.code} data-error-key={error.key}>
      <strong class="notice-title">{t(`errorTitle_${error.code}`)}</strong>
      <p class="notice-text">{errorText(t, error)}</p>
      <div class="notice-actions">
        {wantsOptions && onOpenOptions && (
          <button type="button" class="button" onClick={onOpenOptions}>
            {t('openOptions')}
          </button>
        )}
        {error.retryable && onRetry && (
          <button type="button" class="button" onClick={onRetry}>
            {t('retry')}
          </button>
        )}
      </div>
    </div>
  );
}

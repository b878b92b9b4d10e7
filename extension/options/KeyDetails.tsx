import type { KeyInfo } from '../../src/protocol/index.ts';
import { formatDate } from '../../src/format/date.ts';
import { ServerText } from '../ui/components/ServerText.tsx';
import { usePlatform } from '../ui/platform-context.ts';

/** The API key as the portal describes it: its name, what it allows, when it expires. */
export function KeyDetails({ info }: { info: KeyInfo }) {
  const { t, uiLanguage } = usePlatform();
  const scopes = info.scopes.length === 0 ? t('keyFullAccess') : info.scopes.join(', ');
  return (
    <span class="muted" data-testid="key-details">
      {t('keyNamed')} <ServerText text={info.name || '—'} /> · {t('keyAllows', scopes)}
      {info.expiresAt && <> · {t('keyExpires', formatDate(info.expiresAt, uiLanguage(), new Date()))}</>}
    </span>
  );
}

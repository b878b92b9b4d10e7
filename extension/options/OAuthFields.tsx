import { useEffect, useState } from 'preact/hooks';
import type { ErrorData } from '../../src/errors/index.ts';
import type { Connector } from '../ui/connector.ts';
import { usePlatform } from '../ui/platform-context.ts';
import { TextField } from './TextField.tsx';

interface Props {
  connector: Connector;
  clientId: string;
  clientSecret: string;
  onClientId(value: string): void;
  onClientSecret(value: string): void;
  error: ErrorData | null;
}

/** The OAuth app's client id (and secret, for refresh tokens), with the redirect address the app must list. */
export function OAuthFields({ connector, clientId, clientSecret, onClientId, onClientSecret, error }: Props) {
  const { t, copyText } = usePlatform();
  const [redirect, setRedirect] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    connector.send('oauthRedirectUrl', {}).then(
      ({ url }) => setRedirect(url),
      () => setRedirect(null),
    );
  }, [connector]);

  return (
    <>
      <div class="oauth-redirect">
        <span id="oauth-redirect-label">{t('oauthRedirectLabel')}</span>
        <code aria-labelledby="oauth-redirect-label" data-testid="oauth-redirect">
          {redirect ?? '…'}
        </code>
        <button
          type="button"
          class="button"
          disabled={!redirect}
          onClick={() => {
            if (!redirect) return;
            void copyText(redirect).then(() => setCopied(true));
          }}
        >
          {copied ? t('copied') : t('copyRedirect')}
        </button>
        <small class="muted">{t('oauthRedirectHint')}</small>
      </div>
      <TextField
        name="clientId"
        label={t('oauthClientIdLabel')}
        autoComplete="off"
        value={clientId}
        onInput={onClientId}
        error={error}
      />
      <TextField
        name="clientSecret"
        label={t('oauthClientSecretLabel')}
        type="password"
        autoComplete="off"
        value={clientSecret}
        onInput={onClientSecret}
        hint={t('oauthClientSecretHint')}
        error={null}
      />
    </>
  );
}

import { useState } from 'preact/hooks';
import { normalisePortalUrl } from '../../src/docspace/portal-url.ts';
import { appError, toErrorData, type ErrorData } from '../../src/errors/index.ts';
import type { AuthMethod, PortalSummary, SignInRequest } from '../../src/protocol/index.ts';
import type { Connector } from '../ui/connector.ts';
import { ErrorNotice } from '../ui/components/ErrorNotice.tsx';
import { usePlatform } from '../ui/platform-context.ts';

export function AddPortalForm({ connector, initialUrl }: { connector: Connector; initialUrl: string }) {
  const { t, requestHostPermission, tabTraffic: tabTrafficSupport } = usePlatform();
  const [url, setUrl] = useState(initialUrl);
  const [method, setMethod] = useState<AuthMethod>('apiKey');
  const [apiKey, setApiKey] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tabTraffic, setTabTraffic] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const [done, setDone] = useState<PortalSummary | null>(null);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setError(null);
    setDone(null);
    let origin: string;
    try {
      origin = normalisePortalUrl(url);
    } catch (err) {
      setError(toErrorData(err));
      return;
    }
    setUrl(origin);
    // First thing after the click: browsers only grant host access inside the user's gesture.
    const granted = await requestHostPermission(origin, { tabTraffic: tabTraffic && tabTrafficSupport.supported });
    if (!granted) {
      setError(appError('permissionRefused', { origin }).toData());
      return;
    }
    const request: SignInRequest =
      method === 'apiKey' ? { url: origin, method, apiKey } : { url: origin, method, email, password };
    setBusy(true);
    try {
      setDone(await connector.send('signIn', request));
      setApiKey('');
      setPassword('');
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="add-portal" onSubmit={(e) => void submit(e)} aria-busy={busy} noValidate>
      <label class="field">
        <span>{t('portalUrlLabel')}</span>
        <input
          name="url"
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://yourname.onlyoffice.com"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
          required
        />
      </label>
      <fieldset class="method">
        <legend>{t('signInWith')}</legend>
        <label>
          <input
            type="radio"
            name="method"
            value="apiKey"
            checked={method === 'apiKey'}
            onChange={() => setMethod('apiKey')}
          />
          {t('authMethod_apiKey')}
        </label>
        <label>
          <input
            type="radio"
            name="method"
            value="password"
            checked={method === 'password'}
            onChange={() => setMethod('password')}
          />
          {t('authMethod_password')}
        </label>
      </fieldset>
      {method === 'apiKey' ? (
        <label class="field">
          <span>{t('apiKeyLabel')}</span>
          <input
            name="apiKey"
            type="password"
            autoComplete="off"
            spellcheck={false}
            placeholder="sk-…"
            value={apiKey}
            onInput={(e) => setApiKey(e.currentTarget.value)}
          />
          <small class="muted">{t('apiKeyHint')}</small>
        </label>
      ) : (
        <>
          <label class="field">
            <span>{t('emailLabel')}</span>
            <input
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t('passwordLabel')}</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
        </>
      )}
      {tabTrafficSupport.supported && (
        <div class="check-field">
          <label>
            <input
              name="tabTraffic"
              type="checkbox"
              checked={tabTraffic}
              aria-describedby="tab-traffic-hint"
              onChange={(e) => setTabTraffic(e.currentTarget.checked)}
            />
            {t('tabTrafficLabel')}
          </label>
          <small id="tab-traffic-hint" class="muted">
            {t('tabTrafficHint')}
          </small>
        </div>
      )}
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('connecting') : t('connect')}
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
      {done && (
        <div class="notice notice-success" role="status" data-testid="signin-success">
          {t('signedInNotice', [done.name, done.user.displayName])}
        </div>
      )}
    </form>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { normalisePortalUrl } from '../../src/docspace/portal-url.ts';
import { appError, toErrorData, type ErrorData } from '../../src/errors/index.ts';
import type { AuthMethod, PortalSummary, SignInRequest } from '../../src/protocol/index.ts';
import type { Connector } from '../ui/connector.ts';
import { ErrorNotice } from '../ui/components/ErrorNotice.tsx';
import { usePlatform } from '../ui/platform-context.ts';
import { fieldOfError, type FormField } from './field-of-error.ts';
import { OAuthFields } from './OAuthFields.tsx';
import { TextField } from './TextField.tsx';

/** What a card's "Sign in again" fills in; `nonce` makes the same account's second click refill it. */
export interface Prefill {
  url: string;
  method: AuthMethod;
  email: string;
  nonce: number;
}

export function AddPortalForm({
  connector,
  prefill,
  portalIds,
}: {
  connector: Connector;
  prefill: Prefill | null;
  /** The accounts listed now: a success notice about one that was signed out or removed since is not shown. */
  portalIds: readonly string[];
}) {
  const { t, requestHostPermission, tabTraffic: tabTrafficSupport } = usePlatform();
  const [url, setUrl] = useState(prefill?.url ?? '');
  const [method, setMethod] = useState<AuthMethod>(prefill?.method ?? 'apiKey');
  const [apiKey, setApiKey] = useState('');
  const [email, setEmail] = useState(prefill?.email ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(false);
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [remember, setRemember] = useState(true);
  const [tabTraffic, setTabTraffic] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const [done, setDone] = useState<PortalSummary | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!prefill) return;
    setUrl(prefill.url);
    setMethod(prefill.method);
    setEmail(prefill.email);
    setError(null);
    setDone(null);
    urlInput.current?.focus();
    urlInput.current?.scrollIntoView({ block: 'center' });
  }, [prefill]);

  // The account that just signed in was signed out or removed since: its success notice would now be untrue.
  const listed = done !== null && portalIds.includes(done.id);
  const [wasListed, setWasListed] = useState(false);
  useEffect(() => {
    if (listed) setWasListed(true);
    else if (wasListed) {
      setDone(null);
      setWasListed(false);
    }
  }, [listed, wasListed]);

  const field: FormField | null = error ? fieldOfError(error) : null;
  const errorFor = (name: FormField) => (field === name ? error : null);

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
    const granted = await requestHostPermission(origin, {
      tabTraffic: tabTraffic && tabTrafficSupport.supported,
      identity: method === 'oauth',
    });
    if (!granted) {
      setError(appError('permissionRefused', { origin }).toData());
      return;
    }
    const request: SignInRequest =
      method === 'apiKey'
        ? { url: origin, method, apiKey, remember }
        : method === 'password'
          ? { url: origin, method, email, password, remember, ...(askCode ? { code } : {}) }
          : { url: origin, method, clientId, remember, ...(clientSecret.trim() ? { clientSecret } : {}) };
    setBusy(true);
    try {
      setDone(await connector.send('signIn', request));
      setApiKey('');
      setPassword('');
      setCode('');
      setClientSecret('');
      setAskCode(false);
    } catch (err) {
      const data = toErrorData(err);
      // The portal asked for the second factor: the same form grows a code field, nothing is lost.
      if (data.key === 'twoFactorRequired') setAskCode(true);
      setError(data);
    } finally {
      setBusy(false);
    }
  };

  const pickMethod = (next: AuthMethod) => {
    setMethod(next);
    setError(null);
  };

  return (
    <form class="add-portal" onSubmit={(e) => void submit(e)} aria-busy={busy} noValidate>
      <TextField
        name="url"
        label={t('portalUrlLabel')}
        inputRef={urlInput}
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder="https://yourname.onlyoffice.com"
        value={url}
        onInput={setUrl}
        error={errorFor('url')}
      />
      <fieldset class="method">
        <legend>{t('signInWith')}</legend>
        {(['apiKey', 'password', 'oauth'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="method"
              value={value}
              checked={method === value}
              onChange={() => pickMethod(value)}
            />
            {t(`authMethod_${value}`)}
          </label>
        ))}
      </fieldset>
      {method === 'apiKey' && (
        <TextField
          name="apiKey"
          label={t('apiKeyLabel')}
          type="password"
          autoComplete="off"
          placeholder="sk-…"
          value={apiKey}
          onInput={setApiKey}
          hint={t('apiKeyHint')}
          error={errorFor('apiKey')}
        />
      )}
      {method === 'password' && (
        <>
          <TextField
            name="email"
            label={t('emailLabel')}
            type="email"
            autoComplete="username"
            value={email}
            onInput={setEmail}
            error={errorFor('email')}
          />
          <TextField
            name="password"
            label={t('passwordLabel')}
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={setPassword}
            hint={t('passwordHint')}
            error={errorFor('password')}
          />
          {askCode && (
            <TextField
              name="code"
              label={t('twoFactorCodeLabel')}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onInput={setCode}
              autoFocus
              error={errorFor('code')}
            />
          )}
        </>
      )}
      {method === 'oauth' && (
        <OAuthFields
          connector={connector}
          clientId={clientId}
          clientSecret={clientSecret}
          onClientId={setClientId}
          onClientSecret={setClientSecret}
          error={errorFor('oauth')}
        />
      )}
      <fieldset class="method">
        <legend>{t('keepSignInLegend')}</legend>
        <label>
          <input type="radio" name="remember" checked={remember} onChange={() => setRemember(true)} />
          {t('keepSignInRemember')}
        </label>
        <label>
          <input type="radio" name="remember" checked={!remember} onChange={() => setRemember(false)} />
          {t('keepSignInSession')}
        </label>
      </fieldset>
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
      {error && field === null && <ErrorNotice error={error} />}
      {done && (
        <div class="notice notice-success" role="status" data-testid="signin-success">
          {t('signedInNotice', [done.label || done.name, done.user.displayName])}
        </div>
      )}
    </form>
  );
}

import { authenticate, getOwnKey, getPortalSettings, getSelf, ownLoginEvent } from '../docspace/api.ts';
import type { DocSpaceClient } from '../docspace/client.ts';
import { checkApiKeyFormat, type Credentials } from '../docspace/credentials.ts';
import { normalisePortalUrl } from '../docspace/portal-url.ts';
import { AppError, appError } from '../errors/index.ts';
import { clampText } from '../format/text.ts';
import type { KeyInfo, PortalCheck, SignInRequest } from '../protocol/index.ts';
import {
  authorizeUrl,
  codeFromRedirect,
  createPkce,
  exchangeCode,
  grantsWrites,
  randomToken,
} from '../sessions/oauth.ts';
import { portalIdOf, type PortalRecord } from './portal-registry.ts';

/** Names longer than this are never useful on screen. */
const MAX_NAME = 120;

export interface SignInDeps {
  createClient(origin: string, credentials: Credentials | null): Promise<DocSpaceClient>;
  hasHostPermission(origin: string): Promise<boolean>;
  now(): Date;
  /** The OAuth redirect address of this browser; null where there is no identity API. */
  oauthRedirectUrl(): string | null;
  /** Shows the portal's authorization pages; resolves with the address the portal sent the browser back to. */
  authorize(url: string): Promise<string>;
}

/** Is there a DocSpace at this address? Uses the anonymous settings call, whose `docSpace: true` is the marker. */
export async function checkPortal(deps: SignInDeps, url: string): Promise<PortalCheck> {
  const origin = normalisePortalUrl(url);
  if (!(await deps.hasHostPermission(origin))) throw permissionMissing(origin);
  let settings;
  try {
    settings = await getPortalSettings(await deps.createClient(origin, null));
  } catch (error) {
    throw portalCheckError(error, origin);
  }
  if (settings.docSpace !== true) throw notDocSpace(origin);
  // The portal's name is shown, never matched: a hostile 10,000-character one is cut here, an empty one replaced.
  const name = clampText(settings.greetingSettings?.trim() || new URL(origin).hostname, MAX_NAME);
  return { origin, name, version: clampText(settings.version ?? '', 40) };
}

export async function signIn(
  deps: SignInDeps,
  request: SignInRequest,
): Promise<{ record: PortalRecord; credentials: Credentials }> {
  // The cheap checks first: a malformed key or an empty field never reaches the portal.
  if (request.method === 'apiKey') checkApiKeyFormat(request.apiKey);
  if (request.method === 'oauth' && request.clientId.trim() === '') throw appError('oauthClientIdEmpty', {});
  const portal = await checkPortal(deps, request.url);
  let credentials = await obtainCredentials(deps, portal.origin, request);
  const client = await deps.createClient(portal.origin, credentials);
  const keyInfo = credentials.kind === 'apiKey' ? await describeKey(client) : undefined;
  if (keyInfo && !canReadSelf(keyInfo.scopes)) throw keyCannotReadSelf(keyInfo);
  let self;
  try {
    self = await getSelf(client);
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') throw rejected(request.method);
    if (error instanceof AppError && error.code === 'forbidden' && credentials.kind === 'apiKey') {
      throw keyCannotReadSelf(keyInfo ?? { name: '', scopes: [], expiresAt: null });
    }
    throw error;
  }
  if (credentials.kind === 'token') {
    // Without it sign-out cannot end the session on the server; signing in still works without it.
    const loginEventId = await ownLoginEvent(client).catch(() => null);
    if (loginEventId !== null) credentials = { ...credentials, loginEventId };
  }
  const scopes = keyInfo?.scopes ?? (credentials.kind === 'oauth' ? credentials.scopes : []);
  const record: PortalRecord = {
    id: portalIdOf(portal.origin, self.id),
    origin: portal.origin,
    name: portal.name,
    version: portal.version,
    user: {
      id: self.id,
      displayName: clampText(self.displayName?.trim() || self.email || self.id, MAX_NAME),
      email: clampText(self.email ?? '', MAX_NAME),
    },
    authMethod: request.method,
    addedAt: deps.now().toISOString(),
    needsSignIn: false,
    remember: request.remember,
    ...(keyInfo ? { keyInfo } : {}),
    ...(credentials.kind === 'oauth' ? { oauthScopes: credentials.scopes } : {}),
    readOnly: !grantsWrites(scopes),
  };
  return { record, credentials };
}

async function obtainCredentials(deps: SignInDeps, origin: string, request: SignInRequest): Promise<Credentials> {
  if (request.method === 'apiKey') return { kind: 'apiKey', apiKey: checkApiKeyFormat(request.apiKey) };
  if (request.method === 'oauth') return oauthSignIn(deps, origin, request.clientId.trim(), request.clientSecret);
  const email = request.email.trim();
  if (email === '' || request.password === '') throw appError('credentialsMissing', {});
  const code = request.code?.replace(/\s+/g, '');
  try {
    const session = await authenticate(
      await deps.createClient(origin, null),
      email,
      request.password,
      code || undefined,
    );
    return { kind: 'token', token: session.token, expires: session.expires };
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') {
      throw code ? appError('twoFactorCodeRejected', {}, { status: 401 }) : rejected('password');
    }
    if (error instanceof AppError && error.code === 'forbidden' && /too many/i.test(error.message)) {
      throw appError('tooManySignInAttempts', {}, { status: 403 });
    }
    throw error;
  }
}

async function oauthSignIn(
  deps: SignInDeps,
  origin: string,
  clientId: string,
  clientSecret: string | undefined,
): Promise<Credentials> {
  const redirectUri = deps.oauthRedirectUrl();
  if (!redirectUri) throw appError('oauthUnavailable', {});
  const pkce = await createPkce();
  const state = randomToken(16);
  const redirectedTo = await deps.authorize(
    authorizeUrl(origin, { clientId, redirectUri, state, challenge: pkce.challenge }),
  );
  const code = codeFromRedirect(redirectedTo, redirectUri, state);
  const secret = clientSecret?.trim() || undefined;
  try {
    return await exchangeCode(
      await deps.createClient(origin, null),
      { code, verifier: pkce.verifier, redirectUri, clientId, ...(secret ? { clientSecret: secret } : {}) },
      deps.now().getTime(),
    );
  } catch (error) {
    // invalid_client: a wrong or mistyped secret for a confidential app.
    if (error instanceof AppError && error.key === 'oauthRefused' && /client/.test(error.params[0] ?? '')) {
      throw appError('oauthClientRejected', {});
    }
    throw error;
  }
}

/** The key's name, permissions and expiry; undefined when the portal would not say (older versions). */
async function describeKey(client: DocSpaceClient): Promise<KeyInfo | undefined> {
  try {
    const key = await getOwnKey(client);
    return { name: clampText(key.name, MAX_NAME), scopes: key.permissions.slice(0, 20), expiresAt: key.expiresAt };
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') throw rejected('apiKey');
    return undefined;
  }
}

/** `people/@self` accepts these (AuthorizationExtension.ScopesMap); an empty list is a full-access key. */
function canReadSelf(scopes: readonly string[]): boolean {
  return (
    scopes.length === 0 ||
    scopes.some((s) => ['*', '*:read', '*:write', 'accounts.self:read', 'accounts.self:write'].includes(s))
  );
}

function keyCannotReadSelf(key: KeyInfo): AppError {
  return appError('apiKeyScopeTooNarrow', {
    name: key.name || '—',
    scopes: key.scopes.length > 0 ? key.scopes.join(', ') : '—',
  });
}

function rejected(method: SignInRequest['method']): AppError {
  return appError(method === 'apiKey' ? 'apiKeyRejected' : 'passwordRejected', {}, { status: 401 });
}

function permissionMissing(origin: string): AppError {
  return appError('permissionMissing', { origin });
}

function notDocSpace(origin: string): AppError {
  return appError('notDocSpace', { origin });
}

function portalCheckError(error: unknown, origin: string): AppError {
  if (!(error instanceof AppError)) return notDocSpace(origin);
  if (error.code === 'network' || error.code === 'timeout') return appError('portalUnreachable', { origin });
  if (error.code === 'rateLimited' || error.code === 'unavailable') return error;
  // A redirect to another address: the user should enter the one the browser ends up at.
  if (error.key === 'portalRedirected') return error;
  // An HTML page, a 404 or another API's JSON at /api/2.0/settings: some other kind of site.
  return notDocSpace(origin);
}

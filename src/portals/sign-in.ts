import { authenticate, getPortalSettings, getSelf, ownLoginEvent } from '../docspace/api.ts';
import type { DocSpaceClient } from '../docspace/client.ts';
import { checkApiKeyFormat, type Credentials } from '../docspace/credentials.ts';
import { normalisePortalUrl } from '../docspace/portal-url.ts';
import { AppError, appError } from '../errors/index.ts';
import { clampText } from '../format/text.ts';
import type { PortalCheck, SignInRequest } from '../protocol/index.ts';
import { portalIdOf, type PortalRecord } from './portal-registry.ts';

/** Names longer than this are never useful on screen. */
const MAX_NAME = 120;

export interface SignInDeps {
  createClient(origin: string, credentials: Credentials | null): Promise<DocSpaceClient>;
  hasHostPermission(origin: string): Promise<boolean>;
  now(): Date;
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
  const portal = await checkPortal(deps, request.url);
  let credentials = await obtainCredentials(deps, portal.origin, request);
  const client = await deps.createClient(portal.origin, credentials);
  let self;
  try {
    self = await getSelf(client);
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') throw rejected(request.method);
    throw error;
  }
  if (credentials.kind === 'token') {
    // Without it sign-out cannot end the session on the server; signing in still works without it.
    const loginEventId = await ownLoginEvent(client).catch(() => null);
    if (loginEventId !== null) credentials = { ...credentials, loginEventId };
  }
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
  };
  return { record, credentials };
}

async function obtainCredentials(deps: SignInDeps, origin: string, request: SignInRequest): Promise<Credentials> {
  if (request.method === 'apiKey') return { kind: 'apiKey', apiKey: checkApiKeyFormat(request.apiKey) };
  const email = request.email.trim();
  if (email === '' || request.password === '') throw appError('credentialsMissing', {});
  try {
    const session = await authenticate(await deps.createClient(origin, null), email, request.password);
    return { kind: 'token', token: session.token, expires: session.expires };
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') throw rejected('password');
    if (error instanceof AppError && error.code === 'forbidden' && /too many/i.test(error.message)) {
      throw appError('tooManySignInAttempts', {}, { status: 403 });
    }
    throw error;
  }
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
  // An HTML page, a 404 or another API's JSON at /api/2.0/settings: some other kind of site.
  return notDocSpace(origin);
}

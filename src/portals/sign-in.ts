import { authenticate, getPortalSettings, getSelf } from '../docspace/api.ts';
import type { DocSpaceClient } from '../docspace/client.ts';
import { checkApiKeyFormat, type Credentials } from '../docspace/credentials.ts';
import { normalisePortalUrl } from '../docspace/portal-url.ts';
import { AppError, appError } from '../errors/index.ts';
import type { PortalCheck, SignInRequest } from '../protocol/index.ts';
import { portalIdOf, type PortalRecord } from './portal-registry.ts';

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
  return { origin, name: settings.greetingSettings ?? new URL(origin).hostname, version: settings.version ?? '' };
}

export async function signIn(
  deps: SignInDeps,
  request: SignInRequest,
): Promise<{ record: PortalRecord; credentials: Credentials }> {
  const portal = await checkPortal(deps, request.url);
  const credentials = await obtainCredentials(deps, portal.origin, request);
  let self;
  try {
    self = await getSelf(await deps.createClient(portal.origin, credentials));
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') throw rejected(request.method);
    throw error;
  }
  const record: PortalRecord = {
    id: portalIdOf(portal.origin, self.id),
    origin: portal.origin,
    name: portal.name,
    version: portal.version,
    user: { id: self.id, displayName: self.displayName ?? self.email ?? self.id, email: self.email ?? '' },
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

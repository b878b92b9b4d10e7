import { authenticate, getPortalSettings, getSelf } from '../docspace/api.ts';
import type { DocSpaceClient } from '../docspace/client.ts';
import { checkApiKeyFormat, type Credentials } from '../docspace/credentials.ts';
import { normalisePortalUrl } from '../docspace/portal-url.ts';
import { AppError } from '../errors.ts';
import type { PortalCheck, SignInRequest } from '../protocol.ts';
import { portalIdOf, type PortalRecord } from './portal-registry.ts';

export interface SignInDeps {
  createClient(origin: string, credentials: Credentials | null): DocSpaceClient;
  hasHostPermission(origin: string): Promise<boolean>;
  now(): Date;
}

/** Is there a DocSpace at this address? Uses the anonymous settings call, whose `docSpace: true` is the marker. */
export async function checkPortal(deps: SignInDeps, url: string): Promise<PortalCheck> {
  const origin = normalisePortalUrl(url);
  if (!(await deps.hasHostPermission(origin))) throw permissionMissing(origin);
  let settings;
  try {
    settings = await getPortalSettings(deps.createClient(origin, null));
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
    self = await getSelf(deps.createClient(portal.origin, credentials));
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
  if (email === '' || request.password === '') {
    throw new AppError({
      code: 'validation',
      message: 'Enter both the e-mail and the password you use for DocSpace.',
      retryable: false,
      action: 'none',
    });
  }
  try {
    const session = await authenticate(deps.createClient(origin, null), email, request.password);
    return { kind: 'token', token: session.token, expires: session.expires };
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') throw rejected('password');
    if (error instanceof AppError && error.code === 'forbidden' && /too many/i.test(error.message)) {
      throw new AppError({
        code: 'tooManyAttempts',
        message: 'Too many failed sign-in attempts. Wait a minute, check the e-mail and password, then try again.',
        retryable: true,
        action: 'wait',
        status: 403,
      });
    }
    throw error;
  }
}

function rejected(method: SignInRequest['method']): AppError {
  return new AppError({
    code: 'unauthorized',
    message:
      method === 'apiKey'
        ? 'The API key was rejected. Create a new one in DocSpace > Profile > API keys, then paste it here.'
        : 'The e-mail or password is wrong. Check them and try again, or sign in with an API key.',
    retryable: false,
    action: 'none',
    status: 401,
  });
}

function permissionMissing(origin: string): AppError {
  return new AppError({
    code: 'permissionDenied',
    message: `The extension may not talk to ${origin} yet. Click Connect again and allow access when the browser asks.`,
    retryable: false,
    action: 'grantPermission',
  });
}

function notDocSpace(origin: string): AppError {
  return new AppError({
    code: 'notDocSpace',
    message: `${origin} does not look like an ONLYOFFICE DocSpace portal. Check the address: it is the one you open DocSpace at, like https://yourname.onlyoffice.com.`,
    retryable: false,
    action: 'checkUrl',
  });
}

function portalCheckError(error: unknown, origin: string): AppError {
  if (!(error instanceof AppError)) return notDocSpace(origin);
  if (error.code === 'network' || error.code === 'timeout') {
    return new AppError({
      code: 'unreachable',
      message: `Could not reach ${origin}. Check the address and your connection, then try again.`,
      retryable: true,
      action: 'checkUrl',
    });
  }
  if (error.code === 'rateLimited' || error.code === 'unavailable') return error;
  // An HTML page, a 404 or another API's JSON at /api/2.0/settings: some other kind of site.
  return notDocSpace(origin);
}

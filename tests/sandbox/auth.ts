// Who is calling. Mirrors DocSpace's scheme selection (BaseStartup ForwardDefaultSelector,
// docspace-api.md §3.1) by the Authorization header:
//   Basic …            -> e-mail + password
//   Bearer sk-…        -> personal API key
//   Bearer <JWT>       -> OAuth access token (oauth/tokens.ts verifies signature, issuer, audience,
//                         lifetime and that the grant is still active; its `scope` claims apply)
//   anything else/none -> cookie handler: cookie `asc_auth_key` if present (it wins), otherwise the
//                         header value with an optional "Bearer " prefix, as a session token.
// Resolution never refuses; routes that need a caller answer 401 at dispatch.
import type { IncomingHttpHeaders } from 'node:http';
import { scopesFromPermissions } from './auth-scopes.ts';
import type { NamedMiddleware } from './pipeline.ts';
import type { SandboxStore, UserRecord } from './store.ts';
import { findApiKey } from './store-api-keys.ts';

export type AuthScheme = 'apikey' | 'token' | 'bearer-token' | 'basic' | 'cookie' | 'oauth';

export interface Identity {
  userId: string;
  scheme: AuthScheme;
  /** Scopes granted; sessions and Basic get full access ("*:write"). */
  scopes: readonly string[];
  apiKeyId?: string;
  sessionToken?: string;
  /** The login event of a session token. */
  loginEventId?: number;
  /** OAuth client of a Bearer JWT. */
  oauthClientId?: string;
}

/** Verifies a Bearer JWT (OAuth access token) for a request addressed to `origin`. */
export type JwtVerifier = (
  token: string,
  origin: string,
  now: Date,
) => { userId: string; scopes: string[]; clientId: string } | null;

export interface AuthOutcome {
  /** An Authorization header or an asc_auth_key cookie was sent (valid or not). */
  present: boolean;
  /** The scheme the credentials were read as; null when none were sent. */
  scheme: AuthScheme | null;
  identity: Identity | null;
  /** The credentials were dropped by the expireTokens fault (without `asServer`): every route that
   *  needs a user answers the 401 challenge, [AllowAnonymous] ones included. */
  challenge?: boolean;
}

export const ANONYMOUS: AuthOutcome = Object.freeze({ present: false, scheme: null, identity: null });

export const AUTH_COOKIE = 'asc_auth_key';
const FULL_ACCESS: readonly string[] = Object.freeze(['*:write']);
const API_KEY_FORMAT = /^sk-[0-9a-f]{64}$/;

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

function looksLikeJwt(value: string): boolean {
  return /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(value);
}

export function resolveAuth(
  headers: IncomingHttpHeaders,
  store: SandboxStore,
  now: Date,
  options: { verifyJwt?: JwtVerifier; origin?: string } = {},
): AuthOutcome {
  const authorization = headers.authorization?.trim() || undefined;
  const cookie = readCookie(headers.cookie, AUTH_COOKIE);
  if (!authorization && cookie === undefined) return ANONYMOUS;

  if (authorization && /^basic\s/i.test(authorization)) {
    return outcome('basic', basicUser(store, authorization.slice(6).trim()), (user) => ({
      userId: user.id,
      scheme: 'basic',
      scopes: FULL_ACCESS,
    }));
  }

  const bearer = authorization && /^bearer\s/i.test(authorization) ? authorization.slice(7).trim() : undefined;
  if (bearer?.startsWith('sk-')) return apiKeyOutcome(store, bearer, now);
  if (bearer !== undefined && looksLikeJwt(bearer)) {
    const claims = options.verifyJwt?.(bearer, options.origin ?? '', now) ?? null;
    const user = claims ? store.users.get(claims.userId) : undefined;
    return outcome('oauth', user, (u) => ({
      userId: u.id,
      scheme: 'oauth',
      scopes: claims?.scopes ?? [],
      oauthClientId: claims?.clientId ?? '',
    }));
  }

  // Cookie handler: the cookie wins over a token in the header.
  const token = cookie ?? bearer ?? authorization ?? '';
  const scheme: AuthScheme = cookie !== undefined ? 'cookie' : bearer !== undefined ? 'bearer-token' : 'token';
  // An expired token, or one whose connection was logged out, is as good as none (401).
  const session = token ? store.findSession(token, now) : undefined;
  const user = session ? store.users.get(session.userId) : undefined;
  return outcome(scheme, user, (u) => ({
    userId: u.id,
    scheme,
    scopes: FULL_ACCESS,
    sessionToken: token,
    ...(session ? { loginEventId: session.loginEventId } : {}),
  }));
}

function outcome(
  scheme: AuthScheme,
  user: UserRecord | undefined,
  identity: (user: UserRecord) => Identity,
): AuthOutcome {
  return { present: true, scheme, identity: user && isActive(user) ? identity(user) : null };
}

function basicUser(store: SandboxStore, encoded: string): UserRecord | undefined {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  const user = store.findUserByLogin(decoded.slice(0, colon));
  return user && isActive(user) && store.checkPassword(user, decoded.slice(colon + 1)) ? user : undefined;
}

function apiKeyOutcome(store: SandboxStore, key: string, now: Date): AuthOutcome {
  const record = API_KEY_FORMAT.test(key) ? findApiKey(store, key) : undefined;
  const usable = record && record.isActive && (record.expiresAt === null || record.expiresAt > now);
  const user = usable ? store.users.get(record.userId) : undefined;
  if (!record || !user || !isActive(user)) return { present: true, scheme: 'apikey', identity: null };
  record.lastUsed = now;
  return {
    present: true,
    scheme: 'apikey',
    identity: {
      userId: user.id,
      scheme: 'apikey',
      scopes: scopesFromPermissions(record.permissions),
      apiKeyId: record.id,
    },
  };
}

/** A disabled (terminated) user cannot sign in or use a token. */
function isActive(user: UserRecord): boolean {
  return user.status === 1;
}

export function authenticationMiddleware(verifyJwt?: JwtVerifier): NamedMiddleware {
  return {
    name: 'authentication',
    handle(ctx, next) {
      ctx.auth = resolveAuth(ctx.req.headers, ctx.store, ctx.now, {
        ...(verifyJwt ? { verifyJwt } : {}),
        origin: ctx.origin,
      });
      return next();
    },
  };
}

/**
 * OAuth 2.0 authorization code with PKCE (RFC 7636) against a portal's identity service: the authorize URL,
 * the answer on the redirect URL, the token exchange and the refresh. The browser window that shows the
 * portal's sign-in and consent pages is the platform's (identity.launchWebAuthFlow); everything else is here.
 */
import * as v from 'valibot';
import type { DocSpaceClient } from '../docspace/client.ts';
import type { OAuthCredentials } from '../docspace/credentials.ts';
import { appError } from '../errors/index.ts';

/** What the extension does: who the user is, the people directory (sharing), rooms and files. */
export const OAUTH_SCOPES = [
  'accounts.self:read',
  'accounts:read',
  'files:read',
  'files:write',
  'rooms:read',
  'rooms:write',
] as const;

export interface PkcePair {
  verifier: string;
  challenge: string;
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A 43-character verifier and its S256 challenge. */
export async function createPkce(): Promise<PkcePair> {
  const verifier = randomToken(32);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  challenge: string;
  scopes?: readonly string[];
}

export function authorizeUrl(origin: string, request: AuthorizeRequest): string {
  const url = new URL('/oauth2/authorize', origin);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('scope', (request.scopes ?? OAUTH_SCOPES).join(' '));
  url.searchParams.set('state', request.state);
  url.searchParams.set('code_challenge', request.challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/** The code from the address the portal sent the browser back to, or the error that says why there is none. */
export function codeFromRedirect(redirectedTo: string, redirectUri: string, state: string): string {
  let url: URL;
  try {
    url = new URL(redirectedTo);
  } catch {
    throw appError('oauthRefused', { detail: 'invalid_redirect' });
  }
  if (!redirectedTo.startsWith(redirectUri)) throw appError('oauthRefused', { detail: 'invalid_redirect' });
  const error = url.searchParams.get('error');
  if (error === 'access_denied') throw appError('oauthDenied', {});
  if (error === 'invalid_scope') throw appError('oauthScopes', { scopes: OAUTH_SCOPES.join(', ') });
  if (error) throw appError('oauthRefused', { detail: error.slice(0, 60) });
  // A different state is an answer to some other request (or forged): never trade it for tokens.
  if (url.searchParams.get('state') !== state) throw appError('oauthRefused', { detail: 'state_mismatch' });
  const code = url.searchParams.get('code');
  if (!code) throw appError('oauthRefused', { detail: 'no_code' });
  return code;
}

const tokenSchema = v.looseObject({
  access_token: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
  token_type: v.optional(v.string()),
  expires_in: v.optional(v.number(), 3600),
  refresh_token: v.optional(v.pipe(v.string(), v.maxLength(20_000))),
  scope: v.optional(v.union([v.string(), v.array(v.string())])),
});
type TokenAnswer = v.InferOutput<typeof tokenSchema>;

function credentialsFrom(
  answer: TokenAnswer,
  app: { clientId: string; clientSecret?: string },
  now: number,
  previous?: OAuthCredentials,
): OAuthCredentials {
  const granted = typeof answer.scope === 'string' ? answer.scope.split(/[\s,]+/) : answer.scope;
  const refreshToken = answer.refresh_token ?? previous?.refreshToken;
  return {
    kind: 'oauth',
    accessToken: answer.access_token,
    ...(refreshToken ? { refreshToken } : {}),
    expiresAt: now + Math.max(0, answer.expires_in) * 1000,
    clientId: app.clientId,
    ...(app.clientSecret ? { clientSecret: app.clientSecret } : {}),
    scopes: granted?.filter(Boolean) ?? previous?.scopes ?? [...OAUTH_SCOPES],
  };
}

export async function exchangeCode(
  client: DocSpaceClient,
  request: { code: string; verifier: string; redirectUri: string; clientId: string; clientSecret?: string },
  now: number,
): Promise<OAuthCredentials> {
  const answer = await client.oauthForm(
    '/oauth2/token',
    {
      grant_type: 'authorization_code',
      code: request.code,
      redirect_uri: request.redirectUri,
      client_id: request.clientId,
      code_verifier: request.verifier,
      ...(request.clientSecret ? { client_secret: request.clientSecret } : {}),
    },
    tokenSchema,
  );
  return credentialsFrom(answer, request, now);
}

/** Trades the refresh token for new tokens (it rotates: the old one is spent). */
export async function refreshTokens(
  client: DocSpaceClient,
  credentials: OAuthCredentials,
  now: number,
): Promise<OAuthCredentials> {
  if (!credentials.refreshToken) throw appError('oauthRefused', { detail: 'no_refresh_token' });
  const answer = await client.oauthForm(
    '/oauth2/token',
    {
      grant_type: 'refresh_token',
      refresh_token: credentials.refreshToken,
      client_id: credentials.clientId,
      ...(credentials.clientSecret ? { client_secret: credentials.clientSecret } : {}),
    },
    tokenSchema,
    { lane: 'user' },
  );
  return credentialsFrom(answer, credentials, now, credentials);
}

/**
 * Signing out of an OAuth account revokes its grant (RFC 7009): the refresh token, or the access token when
 * there is none. Only an app with a secret may revoke; a PKCE-only app's token lapses within the hour.
 */
export async function revokeTokens(client: DocSpaceClient, credentials: OAuthCredentials): Promise<boolean> {
  if (!credentials.clientSecret) return false;
  await client.oauthForm(
    '/oauth2/revoke',
    {
      token: credentials.refreshToken ?? credentials.accessToken,
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    },
    v.unknown(),
    { lane: 'user' },
  );
  return true;
}

/** Write scopes an account was given: none of them means the extension may only read. */
export function grantsWrites(scopes: readonly string[]): boolean {
  return scopes.length === 0 || scopes.some((s) => s === '*' || s === '*:write' || /^(files|rooms):write$/.test(s));
}

// Authorization codes, access tokens and refresh tokens (Spring Authorization Server as the identity
// service configures it): codes live `oauthCodeTtlMs` and work once (a replayed code revokes what it
// issued); access tokens are ES256 JWTs (sub, aud = the portal, iss = {portal}/oauth2, scope[], tid,
// cid, jti) living `oauthAccessTokenTtlMs`; refresh tokens rotate on use and are issued only to
// clients that authenticated with their secret (PrefixedRefreshTokenGenerator gives a PKCE-only
// public client none). The API accepts a token while it is signed by this store, addressed to the
// portal, within its lifetime plus `oauthClockSkewMs`, and its grant is neither revoked nor the
// client disabled (the introspection JwtBearerAuthHandler does).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { JwtVerifier } from '../auth.ts';
import { PORTAL } from '../portal-config.ts';
import type { SandboxStore } from '../store.ts';
import type { OAuthGrantRecord } from '../store-records.ts';
import type { SandboxTuning } from '../tuning.ts';
import { signJwt, verifyJwt } from './jwt.ts';

/** identity_scopes (ASC.Migrations IdentityScope): name, group, type. */
export const OAUTH_SCOPES: ReadonlyArray<{ name: string; group: string; type: string }> = [
  { name: 'accounts:read', group: 'accounts', type: 'read' },
  { name: 'accounts:write', group: 'accounts', type: 'write' },
  { name: 'accounts.self:read', group: 'profiles', type: 'read' },
  { name: 'accounts.self:write', group: 'profiles', type: 'write' },
  { name: 'files:read', group: 'files', type: 'read' },
  { name: 'files:write', group: 'files', type: 'write' },
  { name: 'openid', group: 'openid', type: 'openid' },
  { name: 'rooms:read', group: 'rooms', type: 'read' },
  { name: 'rooms:write', group: 'rooms', type: 'write' },
];

export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly status = 400,
    readonly description?: string,
  ) {
    super(error);
  }
}

const opaque = (bytes: number) => randomBytes(bytes).toString('base64url');

export function issueCode(
  store: SandboxStore,
  tuning: SandboxTuning,
  input: {
    clientId: string;
    userId: string;
    scopes: string[];
    redirectUri: string;
    challenge?: string;
    method?: string;
    nonce?: string;
  },
  now: Date,
): string {
  const value = opaque(32);
  const id = randomUUID();
  store.oauthGrants.set(id, {
    id,
    clientId: input.clientId,
    userId: input.userId,
    scopes: input.scopes,
    code: {
      value,
      expires: new Date(now.getTime() + tuning.oauthCodeTtlMs),
      used: false,
      redirectUri: input.redirectUri,
      ...(input.challenge ? { challenge: input.challenge, method: input.method ?? 'S256' } : {}),
      ...(input.nonce ? { nonce: input.nonce } : {}),
    },
    confidential: false,
    revoked: false,
  });
  store.touch();
  return value;
}

function grantBy(store: SandboxStore, test: (g: OAuthGrantRecord) => boolean): OAuthGrantRecord | undefined {
  for (const grant of store.oauthGrants.values()) if (test(grant)) return grant;
  return undefined;
}

/** RFC 7636: BASE64URL(SHA256(verifier)) must equal the challenge. */
export function pkceMatches(verifier: string, challenge: string): boolean {
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}

/** The grant a code opens; throws invalid_grant for unknown, expired, replayed or mismatched codes. */
export function redeemCode(
  store: SandboxStore,
  input: {
    code: string;
    clientId: string;
    redirectUri: string | undefined;
    verifier: string | undefined;
    confidential: boolean;
  },
  now: Date,
): OAuthGrantRecord {
  const grant = grantBy(store, (g) => g.code?.value === input.code);
  const code = grant?.code;
  if (!grant || !code || grant.clientId !== input.clientId) throw new OAuthError('invalid_grant');
  if (code.used) {
    // A code used twice may have been stolen: what it issued is revoked too.
    grant.revoked = true;
    store.touch();
    throw new OAuthError('invalid_grant');
  }
  if (code.expires <= now || grant.revoked) throw new OAuthError('invalid_grant');
  if (input.redirectUri !== code.redirectUri) throw new OAuthError('invalid_grant');
  if (code.challenge) {
    if (!input.verifier || input.verifier.length < 43 || input.verifier.length > 128)
      throw new OAuthError('invalid_grant');
    if (!pkceMatches(input.verifier, code.challenge)) throw new OAuthError('invalid_grant');
  } else if (!input.confidential) {
    // A public client (no secret) must have sent a code challenge.
    throw new OAuthError('invalid_grant');
  }
  code.used = true;
  grant.confidential = input.confidential;
  store.touch();
  return grant;
}

export function grantByRefreshToken(store: SandboxStore, token: string, clientId: string, now: Date): OAuthGrantRecord {
  const grant = grantBy(store, (g) => g.refreshToken?.value === token);
  if (
    !grant ||
    grant.revoked ||
    grant.clientId !== clientId ||
    !grant.refreshToken ||
    grant.refreshToken.expires <= now
  )
    throw new OAuthError('invalid_grant');
  return grant;
}

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  scope: string;
  id_token?: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** A new access token (and rotated refresh token, and an id_token for `openid`) for the grant. */
export function mintTokens(
  store: SandboxStore,
  tuning: SandboxTuning,
  grant: OAuthGrantRecord,
  origin: string,
  now: Date,
  scopes: string[] = grant.scopes,
): TokenResponse {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expires = new Date(now.getTime() + tuning.oauthAccessTokenTtlMs);
  const jti = randomUUID();
  const access = signJwt(store, {
    sub: grant.userId,
    aud: origin,
    nbf: issuedAt,
    scope: scopes,
    iss: `${origin}/oauth2`,
    exp: Math.floor(expires.getTime() / 1000),
    iat: issuedAt,
    jti,
    tid: PORTAL.tenantId,
    cid: grant.clientId,
  });
  grant.accessTokenId = jti;
  grant.accessTokenExpires = expires;
  if (grant.confidential)
    grant.refreshToken = { value: opaque(72), expires: new Date(now.getTime() + tuning.oauthRefreshTokenTtlMs) };
  store.touch();
  const response: TokenResponse = {
    access_token: access,
    ...(grant.refreshToken ? { refresh_token: grant.refreshToken.value } : {}),
    scope: scopes.join(' '),
    token_type: 'Bearer',
    expires_in: Math.max(0, Math.floor((expires.getTime() - now.getTime()) / 1000) - 1),
  };
  if (scopes.includes('openid')) {
    response.id_token = signJwt(store, {
      iss: `${origin}/oauth2`,
      sub: grant.userId,
      aud: grant.clientId,
      azp: grant.clientId,
      auth_time: issuedAt,
      iat: issuedAt,
      exp: Math.floor(expires.getTime() / 1000),
      jti: randomUUID(),
      ...(grant.code?.nonce ? { nonce: grant.code.nonce } : {}),
    });
  }
  return response;
}

/** The active grant of an access token, after the JWT checks of JwtBearerAuthHandler.ValidateToken. */
export function activeGrant(
  store: SandboxStore,
  tuning: SandboxTuning,
  token: string,
  origin: string,
  now: Date,
): { grant: OAuthGrantRecord; claims: Record<string, unknown> } | null {
  const claims = verifyJwt(store, token);
  if (!claims || claims['iss'] !== `${origin}/oauth2`) return null;
  const aud = claims['aud'];
  if (aud !== origin && !(Array.isArray(aud) && aud.includes(origin))) return null;
  const skew = tuning.oauthClockSkewMs / 1000;
  const nowS = now.getTime() / 1000;
  if (typeof claims['exp'] !== 'number' || claims['exp'] + skew <= nowS) return null;
  if (typeof claims['nbf'] === 'number' && claims['nbf'] - skew > nowS) return null;
  const grant = grantBy(store, (g) => g.accessTokenId === claims['jti']);
  if (!grant || grant.revoked || !store.oauthClients.get(grant.clientId)?.enabled) return null;
  return { grant, claims };
}

export function jwtVerifier(store: SandboxStore, tuning: SandboxTuning): JwtVerifier {
  return (token, origin, now) => {
    const active = activeGrant(store, tuning, token, origin, now);
    if (!active) return null;
    const scope = active.claims['scope'];
    return {
      userId: active.grant.userId,
      scopes: Array.isArray(scope) ? scope.map(String) : [],
      clientId: active.grant.clientId,
    };
  };
}

// The token side of the identity service: POST /oauth2/token (authorization_code with PKCE S256,
// refresh_token), /oauth2/introspect, /oauth2/revoke, /oauth2/userinfo, /oauth2/jwks and the
// discovery documents (/.well-known/openid-configuration, /.well-known/oauth-authorization-server,
// and the same under /oauth2). Clients authenticate with client_secret_post only (the configured
// method); a client that allows PKCE may instead send its client_id and a code_verifier. Errors are
// RFC 6749 `{"error": …}` bodies: 400, or 401 for `invalid_client`.
import type { Reply, RequestContext } from '../context.ts';
import type { Router } from '../router.ts';
import type { OAuthClientRecord } from '../store-records.ts';
import type { SandboxTuning } from '../tuning.ts';
import { first, readForm } from './form.ts';
import type { FormValues } from './form.ts';
import { activeGrant, grantByRefreshToken, mintTokens, OAUTH_SCOPES, OAuthError, redeemCode } from './grants.ts';
import { publicJwk, verifyJwt } from './jwt.ts';

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
    body: JSON.stringify(value),
  };
}

function oauthError(error: OAuthError): Reply {
  return json(
    error.status,
    { error: error.error, ...(error.description ? { error_description: error.description } : {}) },
    NO_STORE,
  );
}

/** client_secret_post, or "none" (public client with PKCE) when allowed. */
function authenticateClient(
  ctx: RequestContext,
  form: FormValues,
): { client: OAuthClientRecord; confidential: boolean } {
  if (/^basic\s/i.test(ctx.req.headers.authorization ?? '')) throw new OAuthError('invalid_client', 401);
  const client = ctx.store.oauthClients.get(first(form, 'client_id') ?? '');
  if (!client?.enabled) throw new OAuthError('invalid_client', 401);
  const secret = first(form, 'client_secret');
  if (secret !== undefined) {
    if (secret !== client.clientSecret) throw new OAuthError('invalid_client', 401);
    return { client, confidential: true };
  }
  if (!client.authenticationMethods.includes('none') || !first(form, 'code_verifier'))
    throw new OAuthError('invalid_client', 401);
  return { client, confidential: false };
}

function discovery(ctx: RequestContext, oidc: boolean): Record<string, unknown> {
  const issuer = `${ctx.origin}/oauth2`;
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post'],
    jwks_uri: `${issuer}/jwks`,
    ...(oidc ? { userinfo_endpoint: `${issuer}/userinfo` } : {}),
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'personal_access_token'],
    revocation_endpoint: `${issuer}/revoke`,
    revocation_endpoint_auth_methods_supported: ['client_secret_post'],
    introspection_endpoint: `${issuer}/introspect`,
    introspection_endpoint_auth_methods_supported: ['client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    ...(oidc ? { subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['ES256'] } : {}),
    scopes_supported: ['openid', ...OAUTH_SCOPES.filter((s) => s.name !== 'openid').map((s) => s.name)],
  };
}

export function registerOAuthTokenRoutes(router: Router, deps: { tuning: SandboxTuning }): void {
  const { tuning } = deps;

  router.post('/oauth2/token', 'anonymous', async (ctx) => {
    try {
      const form = await readForm(ctx);
      const grantType = first(form, 'grant_type');
      if (!grantType) throw new OAuthError('invalid_request');
      const { client, confidential } = authenticateClient(ctx, form);
      const now = new Date();
      if (grantType === 'authorization_code') {
        const code = first(form, 'code');
        if (!code) throw new OAuthError('invalid_request');
        const grant = redeemCode(
          ctx.store,
          {
            code,
            clientId: client.clientId,
            redirectUri: first(form, 'redirect_uri'),
            verifier: first(form, 'code_verifier'),
            confidential,
          },
          now,
        );
        return json(200, mintTokens(ctx.store, tuning, grant, ctx.origin, now), NO_STORE);
      }
      if (grantType === 'refresh_token') {
        if (!confidential) throw new OAuthError('invalid_client', 401);
        const token = first(form, 'refresh_token');
        if (!token) throw new OAuthError('invalid_request');
        const grant = grantByRefreshToken(ctx.store, token, client.clientId, now);
        const asked = (first(form, 'scope') ?? '').split(' ').filter(Boolean);
        if (asked.some((s) => !grant.scopes.includes(s))) throw new OAuthError('invalid_scope');
        return json(
          200,
          mintTokens(ctx.store, tuning, grant, ctx.origin, now, asked.length > 0 ? asked : grant.scopes),
          NO_STORE,
        );
      }
      throw new OAuthError('unsupported_grant_type');
    } catch (error) {
      if (error instanceof OAuthError) return oauthError(error);
      throw error;
    }
  });

  router.post('/oauth2/introspect', 'anonymous', async (ctx) => {
    try {
      const form = await readForm(ctx);
      const { confidential } = authenticateClient(ctx, form);
      if (!confidential) throw new OAuthError('invalid_client', 401);
      const token = first(form, 'token') ?? '';
      const active = activeGrant(ctx.store, tuning, token, ctx.origin, new Date());
      if (!active) return json(200, { active: false });
      const scope = active.claims['scope'];
      return json(200, {
        active: true,
        ...active.claims,
        scope: Array.isArray(scope) ? scope.join(' ') : scope,
        client_id: active.grant.clientId,
        token_type: 'Bearer',
      });
    } catch (error) {
      if (error instanceof OAuthError) return oauthError(error);
      throw error;
    }
  });

  router.post('/oauth2/revoke', 'anonymous', async (ctx) => {
    try {
      const form = await readForm(ctx);
      const { client, confidential } = authenticateClient(ctx, form);
      if (!confidential) throw new OAuthError('invalid_client', 401);
      const token = first(form, 'token') ?? '';
      const jti = verifyJwt(ctx.store, token)?.['jti'];
      for (const grant of ctx.store.oauthGrants.values()) {
        if (grant.clientId !== client.clientId) continue;
        if (grant.refreshToken?.value === token || (jti !== undefined && grant.accessTokenId === jti))
          grant.revoked = true;
      }
      ctx.store.touch();
      return { status: 200, headers: {} };
    } catch (error) {
      if (error instanceof OAuthError) return oauthError(error);
      throw error;
    }
  });

  // OidcUserInfoEndpoint with ASC's mapper: the claims of the access token (needs `openid`).
  router.get('/oauth2/userinfo', 'anonymous', (ctx) => {
    const header = ctx.req.headers.authorization ?? '';
    const token = /^bearer\s/i.test(header) ? header.slice(7).trim() : '';
    const active = activeGrant(ctx.store, tuning, token, ctx.origin, new Date());
    if (!active) return { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } };
    const scope = active.claims['scope'];
    if (!Array.isArray(scope) || !scope.includes('openid'))
      return { status: 403, headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' } };
    return json(200, active.claims);
  });

  router.get('/oauth2/jwks', 'anonymous', (ctx) => json(200, { keys: [publicJwk(ctx.store)] }));

  for (const path of ['/.well-known/openid-configuration', '/oauth2/.well-known/openid-configuration'])
    router.get(path, 'anonymous', (ctx) => json(200, discovery(ctx, true)));
  for (const path of ['/.well-known/oauth-authorization-server', '/oauth2/.well-known/oauth-authorization-server']) {
    router.get(path, 'anonymous', (ctx) => json(200, discovery(ctx, false)));
    router.add('OPTIONS', path, 'anonymous', () => ({ status: 200, headers: {} }));
  }
}

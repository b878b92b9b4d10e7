// OAuth 2.0 authorization as the identity service serves it (Spring Authorization Server with
// ASC's handlers): GET /oauth2/authorize checks the client, the redirect URI, the response type,
// the scopes and PKCE; without a portal session it sends the browser to the portal's sign-in page;
// scopes not consented yet go to the consent page; POST /oauth2/authorize submits the consent.
// Success redirects to `redirect_uri?code=…&state=…`; errors with a usable redirect URI go there
// as `?error=…&state=…`, other errors to `/login?type=oauth2&client_id=…&error=…`. With the
// `X-Disable-Redirect` header the answer is 200 and the target is in `X-Redirect-URI`.
import { randomBytes } from 'node:crypto';
import { AUTH_COOKIE } from '../auth.ts';
import type { Reply, RequestContext } from '../context.ts';
import { TFA_USER } from '../demo-account.ts';
import type { Router } from '../router.ts';
import type { OAuthClientRecord } from '../store-records.ts';
import type { SandboxTuning } from '../tuning.ts';
import { summarizeUserAgent } from '../user-agent.ts';
import { first, readForm } from './form.ts';
import { issueCode } from './grants.ts';
import { consentPage, errorPage, signInPage } from './pages.ts';

interface PendingConsent {
  clientId: string;
  userId: string;
  scopes: string[];
  redirectUri: string;
  state?: string;
  challenge?: string;
  method?: string;
  nonce?: string;
  expires: number;
}

const CONSENT_TTL_MS = 10 * 60_000;

function redirect(ctx: RequestContext, location: string, headers: Record<string, string> = {}): Reply {
  if (ctx.req.headers['x-disable-redirect'] !== undefined)
    return { status: 200, headers: { ...headers, 'X-Redirect-URI': location } };
  return { status: 302, headers: { ...headers, Location: location, 'X-Redirect-URI': location } };
}

function withParams(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.append(k, v);
  return url.toString();
}

/** SecurityUtils.redirectWithError: the portal's OAuth error page. */
function portalError(ctx: RequestContext, clientId: string | undefined, error: string): Reply {
  return redirect(ctx, withParams(`${ctx.origin}/login`, { type: 'oauth2', client_id: clientId ?? 'unknown', error }));
}

function grantCode(ctx: RequestContext, tuning: SandboxTuning, p: Omit<PendingConsent, 'expires'>): Reply {
  const code = issueCode(
    ctx.store,
    tuning,
    {
      clientId: p.clientId,
      userId: p.userId,
      scopes: p.scopes,
      redirectUri: p.redirectUri,
      ...(p.challenge ? { challenge: p.challenge } : {}),
      ...(p.method ? { method: p.method } : {}),
      ...(p.nonce ? { nonce: p.nonce } : {}),
    },
    new Date(),
  );
  return redirect(ctx, withParams(p.redirectUri, { code, state: p.state }));
}

function consentFor(ctx: RequestContext, client: OAuthClientRecord, userId: string): string[] {
  return ctx.store.oauthConsents.get(`${client.clientId}:${userId}`)?.scopes ?? [];
}

export function registerOAuthAuthorizeRoutes(router: Router, deps: { tuning: SandboxTuning }): void {
  const pending = new Map<string, PendingConsent>();

  router.get('/oauth2/authorize', 'anonymous', (ctx) => {
    const q = ctx.query;
    const clientId = q.get('client_id');
    const client = clientId ? ctx.store.oauthClients.get(clientId) : undefined;
    if (!client?.enabled) return portalError(ctx, clientId, 'invalid_request');
    const redirectUri = q.get('redirect_uri');
    if (!redirectUri || !client.redirectUris.includes(redirectUri))
      return portalError(ctx, clientId, 'invalid_request');
    const state = q.get('state') || undefined;
    const fail = (error: string) => redirect(ctx, withParams(redirectUri, { error, state }));
    if (q.get('response_type') !== 'code') return fail('unsupported_response_type');
    const requested = (q.get('scope') ?? '').split(' ').filter(Boolean);
    // FallbackScopeAuthorizationCodeRequestConverter: no scope means the client's scopes.
    const scopes = requested.length > 0 ? [...new Set(requested)] : [...client.scopes];
    if (scopes.some((s) => !client.scopes.includes(s))) return fail('invalid_scope');
    const challenge = q.get('code_challenge') || undefined;
    const method = q.get('code_challenge_method') || undefined;
    if ((method && method !== 'S256') || (method && !challenge)) return fail('invalid_request');

    const user = ctx.auth.identity ? ctx.store.users.get(ctx.auth.identity.userId) : undefined;
    if (!user) {
      const back = ctx.path + (ctx.search.toString() ? `?${ctx.search.toString()}` : '');
      return redirect(
        ctx,
        withParams(`${ctx.origin}/login`, { client_id: client.clientId, type: 'oauth2', return: back }),
      );
    }
    const request = {
      clientId: client.clientId,
      userId: user.id,
      scopes,
      redirectUri,
      ...(state ? { state } : {}),
      ...(challenge ? { challenge, method: method ?? 'S256' } : {}),
      ...(q.get('nonce') ? { nonce: q.get('nonce') } : {}),
    } as Omit<PendingConsent, 'expires'>;
    const consented = consentFor(ctx, client, user.id);
    if (scopes.every((s) => consented.includes(s))) return grantCode(ctx, deps.tuning, request);
    const consentState = randomBytes(24).toString('base64url');
    pending.set(consentState, { ...request, expires: Date.now() + CONSENT_TTL_MS });
    return redirect(
      ctx,
      withParams(`${ctx.origin}/oauth2/consent`, {
        scope: scopes.join(' '),
        client_id: client.clientId,
        state: consentState,
      }),
    );
  });

  // AuthorizationConsentController / LoginController: on to the portal's page.
  router.get('/oauth2/consent', 'anonymous', (ctx) =>
    redirect(
      ctx,
      withParams(`${ctx.origin}/login`, {
        type: 'oauth2',
        client_id: ctx.query.get('client_id') ?? '',
        state: ctx.query.get('state'),
      }),
    ),
  );
  router.get('/oauth2/login', 'anonymous', (ctx) =>
    redirect(ctx, withParams(`${ctx.origin}/login`, { client_id: ctx.query.get('client_id') ?? '', type: 'oauth2' })),
  );

  router.post('/oauth2/authorize', 'anonymous', async (ctx) => {
    const form = await readForm(ctx);
    const clientId = first(form, 'client_id');
    const state = first(form, 'state');
    const request = state ? pending.get(state) : undefined;
    const user = ctx.auth.identity?.userId;
    if (!request || request.clientId !== clientId || request.userId !== user || request.expires < Date.now())
      return portalError(ctx, clientId, 'invalid_request');
    pending.delete(state ?? '');
    const approved = (form.get('scope') ?? []).flatMap((s) => s.split(' ')).filter((s) => request.scopes.includes(s));
    if (approved.length === 0)
      return redirect(ctx, withParams(request.redirectUri, { error: 'access_denied', state: request.state }));
    const key = `${request.clientId}:${request.userId}`;
    const before = ctx.store.oauthConsents.get(key)?.scopes ?? [];
    ctx.store.oauthConsents.set(key, {
      clientId: request.clientId,
      userId: request.userId,
      scopes: [...new Set([...before, ...approved])],
      modifiedOn: new Date(),
    });
    ctx.store.touch();
    return grantCode(ctx, deps.tuning, { ...request, scopes: approved });
  });

  // The portal's sign-in / consent / error page in OAuth mode.
  router.get('/login', 'anonymous', (ctx) => {
    const error = ctx.query.get('error');
    if (error) return errorPage(error);
    const client = ctx.store.oauthClients.get(ctx.query.get('client_id') ?? '');
    const userId = ctx.auth.identity?.userId;
    const user = userId ? ctx.store.users.get(userId) : undefined;
    const state = ctx.query.get('state');
    const request = state ? pending.get(state) : undefined;
    if (user && client && request && request.userId === user.id)
      return consentPage(client, state ?? '', request.scopes, user.displayName);
    const back = ctx.query.get('return');
    if (user && back?.startsWith('/oauth2/authorize')) return redirect(ctx, `${ctx.origin}${back}`);
    return signInPage(back ?? '/', client?.name, false);
  });

  router.post('/login', 'anonymous', async (ctx) => {
    const form = await readForm(ctx);
    const back = first(form, 'return') ?? '/';
    const user = ctx.store.findUserByLogin(first(form, 'email') ?? '');
    const passwordOk =
      user !== undefined && user.status === 1 && ctx.store.checkPassword(user, first(form, 'password') ?? '');
    const codeOk = !user?.tfaAppEnabled || first(form, 'code') === TFA_USER.code;
    if (!user || !passwordOk || !codeOk) return signInPage(back, undefined, true);
    const session = ctx.store.createSession(user.id, ctx.now, deps.tuning.sessionTokenLifetimeMs, {
      ip: ctx.remoteAddress,
      page: `${ctx.origin}/login`,
      ...summarizeUserAgent(ctx.req.headers['user-agent']),
    });
    const cookie = `${AUTH_COOKIE}=${session.token}; path=/; HttpOnly; SameSite=Lax; expires=${session.expires.toUTCString()}`;
    const target = back.startsWith('/oauth2/authorize') ? `${ctx.origin}${back}` : `${ctx.origin}/`;
    return { status: 302, headers: { Location: target, 'Set-Cookie': cookie } };
  });
}

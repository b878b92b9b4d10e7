// OAuth 2.0 / OpenID Connect as DocSpace's identity service serves it: client registration, the
// authorization code flow with PKCE S256 through the sign-in and consent pages, tokens on the API
// with scopes enforced, expiry, refresh rotation, code replay, discovery and JWKS.
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../../sandbox/server.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox();
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/callback';

const form = (values: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return body.toString();
};
const post = (path: string, values: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
  fetch(t.sandbox.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: form(values),
  });
const get = (pathOrUrl: string, headers: Record<string, string> = {}) =>
  fetch(pathOrUrl.startsWith('http') ? pathOrUrl : t.sandbox.url + pathOrUrl, { redirect: 'manual', headers });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function registerClient(extra: Record<string, unknown> = {}): Promise<any> {
  const res = await t.call('POST', '/api/2.0/clients', {
    body: {
      name: 'Power Tools',
      description: 'The extension',
      logo: 'data:image/png;base64,iVBORw0KGgo=',
      website_url: 'https://example.com',
      terms_url: 'https://example.com/terms',
      policy_url: 'https://example.com/policy',
      logout_redirect_uri: 'https://example.com/bye',
      redirect_uris: [REDIRECT],
      allowed_origins: ['https://example.com'],
      scopes: ['files:read', 'rooms:read', 'openid'],
      allow_pkce: true,
      ...extra,
    },
  });
  expect(res.status, res.text).toBe(201);
  return res.json;
}

function pkce() {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Signs in on the sandbox's /login page; returns the asc_auth_key cookie. */
async function portalCookie(returnTo: string): Promise<string> {
  const res = await post('/login', { email: DEMO_EMAIL, password: DEMO_PASSWORD, return: returnTo });
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe(t.sandbox.url + returnTo);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** The whole browser journey up to the code: authorize → sign in → consent (clicked) → redirect. */
async function authorize(clientId: string, scope: string, challenge: string, state = 'xyz'): Promise<string> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const first = await get(`/oauth2/authorize?${query}`);
  expect(first.status).toBe(302);
  const login = new URL(first.headers.get('location') ?? '');
  expect(login.pathname).toBe('/login');
  expect(login.searchParams.get('type')).toBe('oauth2');
  const cookie = await portalCookie(login.searchParams.get('return') ?? '');
  const second = await get(`/oauth2/authorize?${query}`, { Cookie: cookie });
  const consentUrl = new URL(second.headers.get('location') ?? '');
  expect(consentUrl.pathname).toBe('/oauth2/consent');
  const toPage = await get(consentUrl.toString(), { Cookie: cookie });
  const page = await get(toPage.headers.get('location') ?? '', { Cookie: cookie });
  const html = await page.text();
  expect(html).toContain('data-testid="consent-allow"');
  const consentState = /name="state" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const offered = [...html.matchAll(/name="scope" value="([^"]+)"/g)].map((m) => m[1] ?? '');
  expect(offered).toEqual(scope.split(' '));
  const done = await post(
    '/oauth2/authorize',
    { client_id: clientId, state: consentState, scope: offered },
    { Cookie: cookie },
  );
  expect(done.status).toBe(302);
  const back = new URL(done.headers.get('location') ?? '');
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe(state);
  return back.searchParams.get('code') ?? '';
}

describe('OAuth clients and scopes', () => {
  it('registers a client (201, secret, PKCE methods) and lists it; bad input is a ProblemDetail', async () => {
    const client = await registerClient();
    expect(client).toMatchObject({
      client_id: expect.any(String),
      client_secret: expect.any(String),
      authentication_methods: ['none', 'client_secret_post'],
      redirect_uris: [REDIRECT],
      is_public: true,
      enabled: true,
    });
    const list = await t.call('GET', '/api/2.0/clients?limit=50');
    expect(list.json.data.map((c: { client_id: string }) => c.client_id)).toContain(client.client_id);
    const bad = await t.call('POST', '/api/2.0/clients', {
      body: { name: 'x', redirect_uris: ['ftp://nope'], scopes: ['files:read'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ status: 400, detail: 'Validation failed' });
    expect(bad.json.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['name', 'logo', 'redirect_uris', 'allowed_origins']),
    );
    const scopes = await t.call('POST', '/api/2.0/clients', {
      body: { ...(await registerClient()), scopes: ['files:everything'] },
    });
    expect(scopes.status).toBe(400);
  });

  it('GET scopes: name/type/group, sorted, openid last (the service comparator)', async () => {
    const res = await t.call('GET', '/api/2.0/scopes');
    const names = res.json.map((s: { name: string }) => s.name);
    expect(names.at(-1)).toBe('openid');
    expect(names.slice(0, 2)).toEqual(['accounts.self:read', 'accounts.self:write']);
    expect(res.json[0]).toEqual({ name: 'accounts.self:read', type: 'read', group: 'profiles' });
  });
});

describe('authorization code flow', () => {
  it('PKCE public client: code → tokens (no refresh token) → API with the granted scopes only', async () => {
    const client = await registerClient();
    const { verifier, challenge } = pkce();
    const code = await authorize(client.client_id, 'files:read rooms:read', challenge);
    const res = await post('/oauth2/token', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: client.client_id,
      code_verifier: verifier,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const tokens = await res.json();
    expect(tokens).toMatchObject({ token_type: 'Bearer', scope: 'files:read rooms:read', expires_in: 3599 });
    expect(tokens.refresh_token).toBeUndefined();
    const bearer = { Authorization: `Bearer ${tokens.access_token}` };
    expect((await t.call('GET', '/api/2.0/files/@my', { headers: bearer })).status).toBe(200);
    expect((await t.call('GET', '/api/2.0/files/rooms', { headers: bearer })).status).toBe(200);
    // Not granted: accounts.self:read, files:write, and the global scopes other routes need.
    for (const [method, path] of [
      ['GET', '/api/2.0/people/@self'],
      ['POST', '/api/2.0/files/@my/file'],
      ['GET', '/api/2.0/portal'],
    ]) {
      const denied = await t.call(method ?? 'GET', path ?? '', {
        headers: bearer,
        ...(method === 'POST' ? { body: { title: 'x.docx' } } : {}),
      });
      expect(denied.status, `${method} ${path}`).toBe(403);
      expect(denied.text).toBe('');
    }
    // The code works once; a replay is refused and ends what it issued.
    const replay = await post('/oauth2/token', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: client.client_id,
      code_verifier: verifier,
    });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({ error: 'invalid_grant' });
    expect((await t.call('GET', '/api/2.0/files/@my', { headers: bearer })).status).toBe(401);
  });

  it('a wrong code_verifier, a wrong redirect_uri or a bad client are refused', async () => {
    const client = await registerClient();
    const { challenge } = pkce();
    const code = await authorize(client.client_id, 'files:read', challenge);
    const wrong = await post('/oauth2/token', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: client.client_id,
      code_verifier: pkce().verifier,
    });
    expect(wrong.status).toBe(400);
    const badClient = await post('/oauth2/token', {
      grant_type: 'authorization_code',
      code,
      client_id: client.client_id,
      client_secret: 'nope',
    });
    expect(badClient.status).toBe(401);
    expect(await badClient.json()).toEqual({ error: 'invalid_client' });
    const unknownRedirect = await get(
      `/oauth2/authorize?response_type=code&client_id=${client.client_id}&redirect_uri=${encodeURIComponent('https://evil.example/cb')}&scope=files:read`,
    );
    expect(new URL(unknownRedirect.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const badScope = await get(
      `/oauth2/authorize?response_type=code&client_id=${client.client_id}&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=accounts:write&state=s1`,
    );
    expect(badScope.headers.get('location')).toBe(`${REDIRECT}?error=invalid_scope&state=s1`);
  });

  it('confidential client: refresh tokens rotate; an id_token comes with openid; userinfo answers', async () => {
    const client = await registerClient();
    const { verifier, challenge } = pkce();
    const code = await authorize(client.client_id, 'files:read openid', challenge);
    const first = await (
      await post('/oauth2/token', {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        client_id: client.client_id,
        client_secret: client.client_secret,
        code_verifier: verifier,
      })
    ).json();
    expect(first.refresh_token).toEqual(expect.any(String));
    expect(first.id_token).toEqual(expect.any(String));
    const info = await get('/oauth2/userinfo', { Authorization: `Bearer ${first.access_token}` });
    expect(await info.json()).toMatchObject({ sub: t.sandbox.demo.userId, cid: client.client_id });
    const second = await (
      await post('/oauth2/token', {
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
        client_id: client.client_id,
        client_secret: client.client_secret,
      })
    ).json();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const reused = await post('/oauth2/token', {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      client_id: client.client_id,
      client_secret: client.client_secret,
    });
    expect(reused.status).toBe(400);
    expect(
      (await t.call('GET', '/api/2.0/files/@my', { headers: { Authorization: `Bearer ${second.access_token}` } }))
        .status,
    ).toBe(200);
  });

  it('an access token expires after tuning.oauthAccessTokenTtlMs (+ oauthClockSkewMs) and is then a 401', async () => {
    const { oauthAccessTokenTtlMs, oauthClockSkewMs } = t.sandbox.tuning;
    // 3 s, not less: on a loaded machine the first call must still land inside the token's life.
    t.sandbox.tuning.oauthAccessTokenTtlMs = 3000;
    t.sandbox.tuning.oauthClockSkewMs = 0;
    try {
      const client = await registerClient();
      const { verifier, challenge } = pkce();
      const code = await authorize(client.client_id, 'files:read', challenge);
      const tokens = await (
        await post('/oauth2/token', {
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT,
          client_id: client.client_id,
          code_verifier: verifier,
        })
      ).json();
      expect([2, 3]).toContain(tokens.expires_in);
      const bearer = { Authorization: `Bearer ${tokens.access_token}` };
      expect((await t.call('GET', '/api/2.0/files/@my', { headers: bearer })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 3100));
      expect((await t.call('GET', '/api/2.0/files/@my', { headers: bearer })).status).toBe(401);
    } finally {
      Object.assign(t.sandbox.tuning, { oauthAccessTokenTtlMs, oauthClockSkewMs });
    }
  });

  it('a consented client skips the consent page; deny answers access_denied; X-Disable-Redirect', async () => {
    const client = await registerClient();
    const { challenge } = pkce();
    await authorize(client.client_id, 'files:read', challenge);
    const cookie = await portalCookie('/oauth2/authorize');
    const query = `response_type=code&client_id=${client.client_id}&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=files:read&state=again&code_challenge=${challenge}&code_challenge_method=S256`;
    const direct = await get(`/oauth2/authorize?${query}`, { Cookie: cookie, 'X-Disable-Redirect': '1' });
    expect(direct.status).toBe(200);
    expect(direct.headers.get('x-redirect-uri')).toMatch(new RegExp(`^${REDIRECT}\\?code=.+&state=again$`));
    const more = await get(`/oauth2/authorize?${query.replace('scope=files:read', 'scope=rooms:read')}`, {
      Cookie: cookie,
    });
    const consent = await get(
      (await get(more.headers.get('location') ?? '', { Cookie: cookie })).headers.get('location') ?? '',
      {
        Cookie: cookie,
      },
    );
    const state = /name="state" value="([^"]+)"/.exec(await consent.text())?.[1] ?? '';
    const denied = await post('/oauth2/authorize', { client_id: client.client_id, state }, { Cookie: cookie });
    expect(denied.headers.get('location')).toBe(`${REDIRECT}?error=access_denied&state=again`);
  });
});

describe('discovery and keys', () => {
  it('openid-configuration names the endpoints; a token verifies against the JWKS key', async () => {
    const config = await (await get('/.well-known/openid-configuration')).json();
    expect(config).toMatchObject({
      issuer: `${t.sandbox.url}/oauth2`,
      token_endpoint: `${t.sandbox.url}/oauth2/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post'],
      code_challenge_methods_supported: ['S256'],
    });
    const client = await registerClient();
    const { verifier, challenge } = pkce();
    const code = await authorize(client.client_id, 'files:read', challenge);
    const tokens = await (
      await post('/oauth2/token', {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        client_id: client.client_id,
        code_verifier: verifier,
      })
    ).json();
    const jwks = await (await get(config.jwks_uri)).json();
    const [head, body, sig] = (tokens.access_token as string).split('.');
    const header = JSON.parse(Buffer.from(head ?? '', 'base64url').toString());
    const jwk = jwks.keys.find((k: { kid: string }) => k.kid === header.kid);
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    expect(
      verify(
        'sha256',
        Buffer.from(`${head}.${body}`),
        { key, dsaEncoding: 'ieee-p1363' },
        Buffer.from(sig ?? '', 'base64url'),
      ),
    ).toBe(true);
    const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString());
    expect(claims).toMatchObject({
      iss: `${t.sandbox.url}/oauth2`,
      aud: t.sandbox.url,
      scope: ['files:read'],
      tid: 1,
      cid: client.client_id,
    });
  });
});

import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY, DEMO_EMAIL, DEMO_EXTRA_KEYS, DEMO_PASSWORD, DEMO_USER_ID } from '../../sandbox/server.ts';
import { useSandbox } from './helpers.ts';

const t = useSandbox();

async function signIn(): Promise<string> {
  const res = await t.post('/api/2.0/authentication', { userName: DEMO_EMAIL, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return res.json.response.token as string;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('demo API key', () => {
  it('is deterministic: sk- + sha256("docspace-sandbox-demo-key")', () => {
    expect(DEMO_API_KEY).toBe('sk-817caeaec626f5e94ad514904e510683a403601279a236c40da6562f23051cf3');
    expect(t.sandbox.demo).toMatchObject({
      email: DEMO_EMAIL,
      password: DEMO_PASSWORD,
      apiKey: DEMO_API_KEY,
      userId: DEMO_USER_ID,
    });
  });
});

describe('refusals: 401 with an empty body and WWW-Authenticate: Basic', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['no credentials', {}],
    ['unknown API key', { Authorization: `Bearer sk-${'0'.repeat(64)}` }],
    ['malformed API key', { Authorization: 'Bearer sk-123' }],
    ['expired API key', { Authorization: `Bearer ${DEMO_EXTRA_KEYS.expired}` }],
    ['revoked API key', { Authorization: `Bearer ${DEMO_EXTRA_KEYS.revoked}` }],
    ['unknown token', { Authorization: 'not-a-token' }],
    ['unknown bearer token', { Authorization: 'Bearer not-a-token' }],
    ['unknown cookie', { Cookie: 'asc_auth_key=not-a-token' }],
    ['wrong Basic password', { Authorization: basic(DEMO_EMAIL, 'wrong') }],
    ['OAuth JWT (not issued by the sandbox)', { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln' }],
  ];
  it.each(cases)('%s', async (_name, headers) => {
    const res = await t.get('/api/2.0/people/@self', headers);
    expect(res.status).toBe(401);
    expect(res.text).toBe('');
    expect(res.headers.get('www-authenticate')).toBe('Basic');
  });

  it('a key without the needed scope gets 403 with an empty body', async () => {
    const headers = { Authorization: `Bearer ${DEMO_EXTRA_KEYS.filesReadOnly}` };
    const denied = await t.get('/api/2.0/people/@self', headers);
    expect(denied.status).toBe(403);
    expect(denied.text).toBe('');
    expect((await t.get('/api/2.0/files/@my', headers)).status).toBe(200);
  });
});

describe('every real sign-in form works', () => {
  it('API key, token (bare, Bearer, cookie) and Basic', async () => {
    const token = await signIn();
    const forms: Record<string, string>[] = [
      { Authorization: `Bearer ${DEMO_API_KEY}` },
      { Authorization: token },
      { Authorization: `Bearer ${token}` },
      { Cookie: `asc_auth_key=${token}` },
      { Authorization: basic(DEMO_EMAIL, DEMO_PASSWORD) },
      { Authorization: basic('DEMO@docspace.sandbox', DEMO_PASSWORD) },
    ];
    for (const headers of forms) {
      const res = await t.get('/api/2.0/people/@self', headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.json.response.id).toBe(DEMO_USER_ID);
    }
  });

  it('the cookie wins over a token in the Authorization header', async () => {
    const token = await signIn();
    expect(
      (await t.get('/api/2.0/people/@self', { Authorization: 'garbage', Cookie: `asc_auth_key=${token}` })).status,
    ).toBe(200);
    expect(
      (await t.get('/api/2.0/people/@self', { Authorization: token, Cookie: 'asc_auth_key=garbage' })).status,
    ).toBe(401);
  });
});

describe('POST /api/2.0/authentication', () => {
  it('returns token, expires (UTC, 7 digits, a year ahead), sms/tfa false, and sets the cookie', async () => {
    const res = await t.post('/api/2.0/authentication', { userName: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const { token, expires, sms, tfa } = res.json.response;
    expect(Object.keys(res.json.response)).toEqual(['token', 'expires', 'sms', 'tfa']);
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
    const days = (Date.parse(expires) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThan(366);
    expect([sms, tfa]).toEqual([false, false]);
    expect(res.json).toMatchObject({ count: 1, status: 0, statusCode: 200 });
    expect(res.headers.get('set-cookie')).toContain(`asc_auth_key=${token}`);
  });

  it('accepts the PBKDF2 passwordHash the web client sends', async () => {
    const { salt, iterations, size } = (await t.get('/api/2.0/settings')).json.response.passwordHash;
    const passwordHash = pbkdf2Sync(DEMO_PASSWORD, salt, iterations, size / 8, 'sha256').toString('hex');
    const res = await t.post('/api/2.0/authentication', { userName: DEMO_EMAIL, passwordHash });
    expect(res.status).toBe(200);
  });

  it.each([
    ['wrong password', { userName: DEMO_EMAIL, password: 'nope' }],
    ['unknown user', { userName: 'nobody@docspace.sandbox', password: DEMO_PASSWORD }],
    ['empty userName', { userName: '', password: DEMO_PASSWORD }],
  ])('%s: 401 with an error body', async (_name, body) => {
    t.sandbox.reset();
    const res = await t.post('/api/2.0/authentication', body);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      error: { message: 'User authentication failed', type: null, stack: null, hresult: 0 },
      status: 1,
      statusCode: 401,
    });
  });

  it('after 5 failures within a minute: 403 "Too many login attempts", even with the right password', async () => {
    t.sandbox.reset();
    for (let i = 0; i < 5; i++) {
      expect((await t.post('/api/2.0/authentication', { userName: DEMO_EMAIL, password: `bad-${i}` })).status).toBe(
        401,
      );
    }
    const blocked = await t.post('/api/2.0/authentication', { userName: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.message).toBe('Too many login attempts. Please try again later.');
    t.sandbox.reset();
    expect((await t.post('/api/2.0/authentication', { userName: DEMO_EMAIL, password: DEMO_PASSWORD })).status).toBe(
      200,
    );
  });

  it('GET /authentication tells whether the caller is signed in', async () => {
    expect((await t.get('/api/2.0/authentication')).json.response).toBe(false);
    expect((await t.get('/api/2.0/authentication', t.apiKey)).json.response).toBe(true);
  });

  it('logout ends a cookie session only: a token in the Authorization header stays valid, as on the server', async () => {
    const headerToken = await signIn();
    const out = await t.post('/api/2.0/authentication/logout', '', { Authorization: headerToken });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^asc_auth_key=; path=\/; expires=Thu, 01 Jan 1970/);
    expect((await t.get('/api/2.0/people/@self', { Authorization: headerToken })).status).toBe(200);

    const cookieToken = await signIn();
    const cookie = { Cookie: `asc_auth_key=${cookieToken}` };
    expect((await t.post('/api/2.0/authentication/logout', '', cookie)).status).toBe(200);
    expect((await t.get('/api/2.0/people/@self', cookie)).status).toBe(401);
    // The login event is over, so the same token in the header is refused too.
    expect((await t.get('/api/2.0/people/@self', { Authorization: cookieToken })).status).toBe(401);
  });
});

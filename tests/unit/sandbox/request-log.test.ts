import { describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, startSandbox } from '../../sandbox/server.ts';
import type { LogEntry, NamedMiddleware } from '../../sandbox/server.ts';
import { useSandbox } from './helpers.ts';
import { isFavorite, setFavorite } from '../../sandbox/store-marks.ts';

const t = useSandbox();

async function logSince(since = 0): Promise<{ lastSeq: number; entries: LogEntry[] }> {
  return (await fetch(`${t.sandbox.url}/__sandbox/log?since=${since}`)).json() as Promise<{
    lastSeq: number;
    entries: LogEntry[];
  }>;
}

describe('request log', () => {
  it('records who called and how', async () => {
    const { lastSeq } = await logSince();
    await t.get('/api/2.0/people/@self', { Origin: 'chrome-extension://abc', 'User-Agent': 'vitest' });
    await t.get('/api/2.0/files/@my?count=5&type=1&type=2', t.apiKey);
    await t.get('/api/2.0/people/@self', { Authorization: 'Bearer bogus' });
    const { entries } = await logSince(lastSeq);
    expect(entries).toHaveLength(3);
    const [anonymous, withKey, badToken] = entries as [LogEntry, LogEntry, LogEntry];

    expect(anonymous).toMatchObject({
      method: 'GET',
      path: '/api/2.0/people/@self',
      status: 401,
      identity: null,
      authPresent: false,
      authScheme: null,
      origin: 'chrome-extension://abc',
      userAgent: 'vitest',
      refusedBy: null,
      bytesOut: 0,
    });
    expect(withKey).toMatchObject({
      path: '/api/2.0/files/@my',
      query: { count: '5', type: ['1', '2'] },
      status: 200,
      identity: DEMO_USER_ID,
      authPresent: true,
      authScheme: 'apikey',
      origin: null,
    });
    expect(withKey.bytesOut).toBeGreaterThan(0);
    expect(withKey.seq).toBe(anonymous.seq + 1);
    expect(Date.parse(withKey.time)).not.toBeNaN();
    expect(withKey.durationMs).toBeGreaterThanOrEqual(0);
    expect(badToken).toMatchObject({ status: 401, identity: null, authPresent: true, authScheme: 'bearer-token' });
  });

  it('names each scheme: token, bearer-token, cookie, basic', async () => {
    const login = await t.post('/api/2.0/authentication', { userName: DEMO_EMAIL, password: DEMO_PASSWORD });
    const token = login.json.response.token as string;
    const { lastSeq } = await logSince();
    await t.get('/api/2.0/authentication', { Authorization: token });
    await t.get('/api/2.0/authentication', { Authorization: `Bearer ${token}` });
    await t.get('/api/2.0/authentication', { Cookie: `asc_auth_key=${token}` });
    await t.get('/api/2.0/authentication', {
      Authorization: `Basic ${Buffer.from(`${DEMO_EMAIL}:${DEMO_PASSWORD}`).toString('base64')}`,
    });
    const { entries } = await logSince(lastSeq);
    expect(entries.map((e) => [e.authScheme, e.identity])).toEqual([
      ['token', DEMO_USER_ID],
      ['bearer-token', DEMO_USER_ID],
      ['cookie', DEMO_USER_ID],
      ['basic', DEMO_USER_ID],
    ]);
  });

  it('counts request body bytes', async () => {
    const body = JSON.stringify({ userName: DEMO_EMAIL, password: 'wrong' });
    const { lastSeq } = await logSince();
    await t.post('/api/2.0/authentication', body);
    const [entry] = (await logSince(lastSeq)).entries;
    expect(entry).toMatchObject({ method: 'POST', status: 401, bytesIn: Buffer.byteLength(body) });
  });

  it('leaves /__sandbox/* out of the log', async () => {
    const { lastSeq } = await logSince();
    await fetch(`${t.sandbox.url}/__sandbox/state`);
    await logSince();
    expect((await logSince(lastSeq)).entries).toHaveLength(0);
  });
});

describe('sandbox controls', () => {
  it('state reports counts; reset restores the seed and clears the log', async () => {
    const state = await (await fetch(`${t.sandbox.url}/__sandbox/state`)).json();
    expect(state).toMatchObject({ rooms: 6, archivedRooms: 1, users: 7 }); // the owner + SANDBOX_PEOPLE
    expect(state.files).toBeGreaterThan(200);
    expect(state.log).toBeGreaterThan(0);

    setFavorite(t.sandbox.store, DEMO_USER_ID, 'file', 342, true);
    const reset = await fetch(`${t.sandbox.url}/__sandbox/reset`, { method: 'POST' });
    expect(await reset.json()).toEqual({ ok: true });
    expect(isFavorite(t.sandbox.store, DEMO_USER_ID, 'file', 342)).toBe(false);
    expect((await logSince()).entries).toHaveLength(0);
    expect((await t.get('/api/2.0/people/@self', t.apiKey)).status).toBe(200);
  });
});

describe('middleware slot', () => {
  it('runs extra middlewares after authentication; a refusal is logged with refusedBy', async () => {
    const seen: Array<string | null> = [];
    const refuseWrites: NamedMiddleware = {
      name: 'test-limiter',
      async handle(ctx, next) {
        seen.push(ctx.auth.identity?.userId ?? null);
        if (ctx.query.get('refuse') === '1') {
          ctx.refusedBy = 'test-limiter';
          return { status: 429, headers: { 'X-RateLimit-Limit': '1', 'X-RateLimit-Remaining': '0' } };
        }
        return next();
      },
    };
    const sandbox = await startSandbox({ middleware: [refuseWrites] });
    try {
      const headers = { Authorization: `Bearer ${sandbox.demo.apiKey}` };
      expect((await fetch(`${sandbox.url}/api/2.0/files/@my`, { headers })).status).toBe(200);
      const refused = await fetch(`${sandbox.url}/api/2.0/files/@my?refuse=1`, { headers });
      expect(refused.status).toBe(429);
      expect(await refused.text()).toBe('');
      expect(refused.headers.get('server-timing')).toMatch(/^aspnetcore-request-time/);
      expect(seen).toEqual([DEMO_USER_ID, DEMO_USER_ID]);
      expect(sandbox.log.since().map((e) => [e.status, e.refusedBy])).toEqual([
        [200, null],
        [429, 'test-limiter'],
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it('listens on loopback only', async () => {
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

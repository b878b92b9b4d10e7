// The `server` profile (DocSpace 3.7 code): 429, empty body, X-RateLimit-* headers per limiter kind.
import { beforeEach, describe, expect, it } from 'vitest';
import { GATE_PATH, PROBE_PATH, rateLimitHeaders, useLimitedSandbox } from './helpers.ts';

const h = useLimitedSandbox({ limits: 'server', windowScale: 0.1 });

beforeEach(() => {
  h.sandbox.limits.configure({ profile: 'server', windowScale: 0.1, values: {} });
});

async function expectServerRefusal(res: Response, limit: string): Promise<void> {
  expect(res.status).toBe(429);
  expect(await res.text()).toBe('');
  expect(res.headers.get('content-type')).toBeNull();
  expect(rateLimitHeaders(res)).toEqual({ limit, remaining: '0', retryAfter: null, reset: null });
}

describe('server profile', () => {
  it('sliding window: 1500 per 60 s (scaled to 6 s); the 1501st is refused and the window frees on time', async () => {
    const t0 = h.clock();
    const statuses = await h.burst(1500);
    expect(statuses.every((s) => s === 200)).toBe(true);

    const ok = await h.send('GET', '/api/2.0/people/@self');
    await expectServerRefusal(ok, '1500');

    h.clock.set(t0 + 5_999);
    await expectServerRefusal(await h.send('GET', '/api/2.0/authentication'), '1500');

    h.clock.set(t0 + 6_000);
    const freed = await h.send('GET', '/api/2.0/authentication');
    expect(freed.status).toBe(200);
    // Successful responses carry no rate-limit headers.
    expect(rateLimitHeaders(freed)).toEqual({ limit: null, remaining: null, retryAfter: null, reset: null });
    expect((await freed.json()).response).toBe(true);

    const refused = h.sandbox.log.since(0).filter((e) => e.refusedBy === 'server/sliding');
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.every((e) => e.status === 429)).toBe(true);
  });

  it('a refused request is not executed (a refused login creates no session)', async () => {
    h.sandbox.limits.configure({ values: { perMinute: 1 } });
    expect((await h.send('GET', '/api/2.0/authentication')).status).toBe(200);
    const sessions = h.sandbox.store.sessions.size;
    const res = await fetch(`${h.sandbox.url}/api/2.0/authentication`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userName: h.sandbox.demo.email, password: h.sandbox.demo.password }),
    });
    // Anonymous: partitioned by IP, its own window, so the first login passes...
    expect(res.status).toBe(200);
    const again = await fetch(`${h.sandbox.url}/api/2.0/authentication`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userName: h.sandbox.demo.email, password: h.sandbox.demo.password }),
    });
    // ...and the second is refused before the handler runs.
    await expectServerRefusal(again, '1');
    expect(h.sandbox.store.sessions.size).toBe(sessions + 1);
  });

  it('concurrency: the 51st simultaneous GET and the 16th simultaneous non-GET are refused at once', async () => {
    const gets = Array.from({ length: 50 }, () => h.send('GET', GATE_PATH));
    await h.gate.until(50);
    await expectServerRefusal(await h.send('GET', '/api/2.0/authentication'), '50');
    const posts = Array.from({ length: 15 }, () => h.send('POST', GATE_PATH));
    await h.gate.until(65);
    await expectServerRefusal(await h.send('DELETE', PROBE_PATH), '15');
    await expectServerRefusal(await h.send('POST', PROBE_PATH), '15');
    h.gate.release();
    const done = await Promise.all([...gets, ...posts]);
    expect(done.every((r) => r.status === 404)).toBe(true);
    // Slots are back.
    expect((await h.send('GET', '/api/2.0/authentication')).status).toBe(200);
    expect((await h.send('POST', PROBE_PATH)).status).toBe(404);
    const log = h.sandbox.log.since(0);
    expect(log.some((e) => e.refusedBy === 'server/concurrent-get')).toBe(true);
    expect(log.some((e) => e.refusedBy === 'server/concurrent-write')).toBe(true);
  });

  it('daily window: POST+PUT counted, DELETE not; 429 with Retry-After and X-RateLimit-Reset; frees at the window end', async () => {
    // A day scaled by 0.001 is 86.4 s; the permit count is lowered to 3 to keep the test short.
    h.sandbox.limits.configure({ windowScale: 0.001, values: { dailyWrite: 3 } });
    const t0 = h.clock();
    expect((await h.send('POST', PROBE_PATH)).status).toBe(404);
    h.clock.set(t0 + 400);
    expect((await h.send('PUT', PROBE_PATH)).status).toBe(404);
    expect((await h.send('DELETE', PROBE_PATH)).status).toBe(404);
    expect((await h.send('POST', PROBE_PATH)).status).toBe(404);

    const refused = await h.send('POST', PROBE_PATH);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toBe('');
    expect(rateLimitHeaders(refused)).toEqual({
      limit: '3',
      remaining: '0',
      retryAfter: String(Math.ceil((86_400 - 400) / 1000)),
      reset: String(Math.ceil((t0 + 86_400) / 1000)),
    });
    expect((await h.send('PUT', PROBE_PATH)).status).toBe(429);
    expect((await h.send('DELETE', PROBE_PATH)).status).toBe(404);
    expect((await h.send('GET', '/api/2.0/authentication')).status).toBe(200);

    h.clock.set(t0 + 86_399);
    expect((await h.send('POST', PROBE_PATH)).status).toBe(429);
    h.clock.set(t0 + 86_400);
    expect((await h.send('POST', PROBE_PATH)).status).toBe(404);
    expect(h.sandbox.log.since(0).filter((e) => e.refusedBy === 'server/daily-write').length).toBe(3);
  });

  it('sensitive endpoints: 5 per 15 min (scaled) per user per path, then 429 with Limit/Remaining only', async () => {
    const t0 = h.clock();
    const path = `/api/2.0/people/${h.sandbox.demo.userId}/password`;
    for (let i = 0; i < 5; i++) expect((await h.send('PUT', path)).status).not.toBe(429);
    await expectServerRefusal(await h.send('PUT', path), '5');
    // Another path of the same policy has its own window; a GET of the same path is not sensitive.
    expect((await h.send('PUT', '/api/2.0/people/someone-else/password')).status).not.toBe(429);
    expect((await h.send('GET', path)).status).not.toBe(429);
    expect(h.sandbox.log.since(0).at(-3)?.refusedBy).toBe('server/sensitive');

    h.clock.set(t0 + 89_999); // 15 min x 0.1 = 90 s
    await expectServerRefusal(await h.send('PUT', path), '5');
    h.clock.set(t0 + 90_000);
    expect((await h.send('PUT', path)).status).not.toBe(429);
  });

  it('the real daily figure: 10,000 POST+PUT admitted, the 10,001st refused (limiter level)', () => {
    const limits = h.sandbox.limits;
    limits.configure({ windowScale: 1, values: { dailyWrite: 10_000, perMinute: 100_000 } });
    const req = { method: 'POST', path: '/api/2.0/files/folder/1', userId: 'u-daily', ip: '127.0.0.1' };
    let admitted = 0;
    for (let i = 0; i < 10_000; i++) {
      const admission = limits.admit(i % 2 ? req : { ...req, method: 'PUT' });
      if (admission.ok) {
        admitted++;
        admission.release();
      }
    }
    expect(admitted).toBe(10_000);
    const refused = limits.admit(req);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.rule).toBe('server/daily-write');
      expect(refused.reply.headers).toMatchObject({
        'X-RateLimit-Limit': '10000',
        'X-RateLimit-Remaining': '0',
        'Retry-After': '86400',
      });
    }
    expect(limits.admit({ ...req, method: 'DELETE' }).ok).toBe(true);
  });

  it('GET /__sandbox/limits shows the profile and usage; POST switches at run time', async () => {
    await h.send('GET', '/api/2.0/authentication');
    const view = await (await fetch(`${h.sandbox.url}/__sandbox/limits`)).json();
    expect(view.profile).toBe('server');
    expect(view.windowScale).toBe(0.1);
    expect(view.rules.map((r: { name: string }) => r.name)).toEqual([
      'server/sliding',
      'server/concurrent-get',
      'server/concurrent-write',
      'server/daily-write',
      'server/sensitive',
    ]);
    expect(view.usage[h.sandbox.demo.userId]['server/sliding']).toBeGreaterThan(0);

    const switched = await fetch(`${h.sandbox.url}/__sandbox/limits`, {
      method: 'POST',
      body: JSON.stringify({ profile: 'documented', windowScale: 0.5 }),
    });
    expect(switched.status).toBe(200);
    expect(h.sandbox.limits.settings).toMatchObject({ profile: 'documented', windowScale: 0.5 });
    const bad = await fetch(`${h.sandbox.url}/__sandbox/limits`, {
      method: 'POST',
      body: JSON.stringify({ profile: 'nope' }),
    });
    expect(bad.status).toBe(400);
    await fetch(`${h.sandbox.url}/__sandbox/limits`, { method: 'POST', body: JSON.stringify({ profile: 'off' }) });
    expect((await h.burst(60)).every((s) => s === 200)).toBe(true);
    expect((await (await fetch(`${h.sandbox.url}/__sandbox/limits`)).json()).usage).toEqual({});
  });
});

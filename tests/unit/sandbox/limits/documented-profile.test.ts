// The `documented` profile (the seed document): 503, the API's error body, Retry-After.
import { beforeEach, describe, expect, it } from 'vitest';
import { GATE_PATH, PROBE_PATH, useLimitedSandbox } from './helpers.ts';

const h = useLimitedSandbox({ limits: 'documented' });

beforeEach(() => {
  h.sandbox.limits.configure({ profile: 'documented', windowScale: 1, values: {} });
});

async function expectDocumentedRefusal(res: Response, retryAfter: string): Promise<void> {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe(retryAfter);
  expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({
    error: { message: 'Too many requests', type: null, stack: null, hresult: 0 },
    status: 1,
    statusCode: 503,
  });
}

describe('documented profile', () => {
  it('500 per 10 s per account+IP: the 501st gets 503 + Retry-After until the window frees', async () => {
    const t0 = h.clock();
    expect((await h.burst(500, 'GET', '/api/2.0/authentication', 40)).every((s) => s === 200)).toBe(true);
    await expectDocumentedRefusal(await h.send('GET', '/api/2.0/authentication'), '10');
    h.clock.set(t0 + 3_000);
    await expectDocumentedRefusal(await h.send('GET', '/api/2.0/people/@self'), '7');
    h.clock.set(t0 + 9_999);
    await expectDocumentedRefusal(await h.send('GET', '/api/2.0/authentication'), '1');
    h.clock.set(t0 + 10_000);
    const ok = await h.send('GET', '/api/2.0/authentication');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('retry-after')).toBeNull();
    expect(h.sandbox.log.since(0).filter((e) => e.refusedBy === 'documented/burst')).toHaveLength(3);
  });

  it('window scale 0.1: the 10 s window lasts 1 s and Retry-After says 1', async () => {
    h.sandbox.limits.configure({ windowScale: 0.1 });
    const t0 = h.clock();
    await h.burst(500, 'GET', '/api/2.0/authentication', 40);
    await expectDocumentedRefusal(await h.send('GET', '/api/2.0/authentication'), '1');
    h.clock.set(t0 + 999);
    expect((await h.send('GET', '/api/2.0/authentication')).status).toBe(503);
    h.clock.set(t0 + 1_000);
    expect((await h.send('GET', '/api/2.0/authentication')).status).toBe(200);
  });

  it('1500 per minute: three bursts of 500 in 20 s pass, the next one 10 s later is refused until the minute frees', async () => {
    const t0 = h.clock();
    for (let i = 0; i < 3; i++) {
      h.clock.set(t0 + i * 10_000);
      expect((await h.burst(500, 'GET', '/api/2.0/authentication', 40)).every((s) => s === 200)).toBe(true);
    }
    h.clock.set(t0 + 30_000);
    await expectDocumentedRefusal(await h.send('GET', '/api/2.0/authentication'), '30');
    expect(h.sandbox.log.since(0).at(-1)?.refusedBy).toBe('documented/per-minute');
    h.clock.set(t0 + 60_000);
    expect((await h.send('GET', '/api/2.0/authentication')).status).toBe(200);
  });

  it('concurrency: 50 GET / 15 other at once; the next is refused with 503 + Retry-After: 1', async () => {
    const gets = Array.from({ length: 50 }, () => h.send('GET', GATE_PATH));
    await h.gate.until(50);
    await expectDocumentedRefusal(await h.send('GET', '/api/2.0/authentication'), '1');
    const puts = Array.from({ length: 15 }, () => h.send('PUT', GATE_PATH));
    await h.gate.until(65);
    await expectDocumentedRefusal(await h.send('POST', PROBE_PATH), '1');
    h.gate.release();
    await Promise.all([...gets, ...puts]);
    expect((await h.send('POST', PROBE_PATH)).status).toBe(404);
    const refusedBy = h.sandbox.log.since(0).map((e) => e.refusedBy);
    expect(refusedBy).toContain('documented/concurrent-get');
    expect(refusedBy).toContain('documented/concurrent-write');
  });

  it('password-collection methods: 5 per minute per path', async () => {
    const t0 = h.clock();
    for (let i = 0; i < 5; i++) expect((await h.send('POST', '/api/2.0/people/password')).status).not.toBe(503);
    await expectDocumentedRefusal(await h.send('POST', '/api/2.0/people/password'), '60');
    expect(h.sandbox.log.since(0).at(-1)?.refusedBy).toBe('documented/password');
    expect((await h.send('PUT', `/api/2.0/people/${h.sandbox.demo.userId}/password`)).status).not.toBe(503);
    h.clock.set(t0 + 60_000);
    expect((await h.send('POST', '/api/2.0/people/password')).status).not.toBe(503);
  });
});

import { describe, expect, it } from 'vitest';
import { appError } from '../../../src/errors/index.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import { FakeClock, MemoryBudgetStore, maxInWindow, settle } from './fake-clock.ts';
import { harness as setup, refusal, testSettings as settings } from './harness.ts';

describe('Scheduler limits', () => {
  it('keeps every sliding window: 10 per 1 s and 25 per 6 s', async () => {
    const { clock, sent, request } = setup();
    const all = Promise.all(Array.from({ length: 60 }, (_, i) => request(`/r/${i}`)));
    await clock.advance(20_000);
    await all;
    const times = sent.map((s) => s.at);
    expect(sent).toHaveLength(60);
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(10);
    expect(maxInWindow(times, 6_000)).toBeLessThanOrEqual(25);
    // And it is not needlessly slow: the first 10 go at once.
    expect(times.slice(0, 10).every((t) => t === times[0])).toBe(true);
  });

  it('applies the safety margin to every limit', async () => {
    const { clock, sent, request } = setup({
      limits: { safetyMargin: 0.9, concurrentReads: 1_000, windows: [{ name: 'w', limit: 100, windowMs: 1_000 }] },
    });
    const all = Promise.all(Array.from({ length: 200 }, (_, i) => request(`/r/${i}`)));
    await clock.advance(1);
    expect(sent).toHaveLength(90);
    await clock.advance(5_000);
    await all;
  });

  it('caps concurrent reads and writes separately', async () => {
    const { clock, scheduler, request } = setup({
      limits: { concurrentReads: 4, concurrentWrites: 2, windows: [{ name: 'w', limit: 1000, windowMs: 1000 }] },
    });
    const reads = Array.from({ length: 10 }, (_, i) => request(`/r/${i}`, { latency: 100 }));
    const writes = Array.from({ length: 5 }, (_, i) => request(`/w/${i}`, { method: 'POST', latency: 100 }));
    await clock.advance(1);
    const snap = scheduler.snapshot();
    expect(snap.concurrency.read.inFlight).toBe(4);
    expect(snap.concurrency.write.inFlight).toBe(2);
    await clock.advance(1_000);
    await Promise.all([...reads, ...writes]);
  });

  it('counts POST and PUT, not DELETE, against the daily write limit', async () => {
    const { clock, sent, request } = setup({ limits: { dailyWrites: 3, dailyWindowMs: 10_000 } });
    const writes = [
      request('/a', { method: 'POST' }),
      request('/b', { method: 'PUT' }),
      request('/c', { method: 'DELETE' }),
      request('/d', { method: 'POST' }),
      request('/e', { method: 'POST' }),
    ];
    await clock.advance(100);
    expect(sent.map((s) => s.path)).toEqual(['/a', '/b', '/c', '/d']);
    await clock.advance(11_000);
    await Promise.all(writes);
    expect(sent.map((s) => s.path)).toContain('/e');
  });

  it('allows 5 per window per path on the sensitive endpoints', async () => {
    const { clock, sent, request } = setup({
      limits: {
        sensitive: { limit: 5, windowMs: 5_000, patterns: ['POST /api/2.0/keys', 'PUT /api/2.0/people/{id}/password'] },
      },
    });
    const keys = Array.from({ length: 7 }, () => request('/api/2.0/keys', { method: 'POST' }));
    const other = request('/api/2.0/people/abc/password', { method: 'PUT' });
    await clock.advance(100);
    expect(sent.filter((s) => s.path === '/api/2.0/keys')).toHaveLength(5);
    expect(sent.filter((s) => s.path === '/api/2.0/people/abc/password')).toHaveLength(1);
    await clock.advance(6_000);
    await Promise.all([...keys, other]);
    expect(sent.filter((s) => s.path === '/api/2.0/keys')).toHaveLength(7);
  });
});

describe('Scheduler lanes', () => {
  it('sends waiting interactive work before bulk work', async () => {
    const { clock, sent, request } = setup({
      limits: { windows: [{ name: 'w', limit: 5, windowMs: 1_000 }], interactiveReserve: 0 },
    });
    const bulk = Array.from({ length: 10 }, (_, i) => request(`/bulk/${i}`, { lane: 'bulk' }));
    await clock.advance(10);
    const click = request('/click', { lane: 'interactive' });
    await clock.advance(1_100);
    await click;
    const firstAfterWait = sent.filter((s) => s.at > sent[0]!.at)[0];
    expect(firstAfterWait?.path).toBe('/click');
    await clock.advance(5_000);
    await Promise.all(bulk);
  });

  it('keeps part of each window free of bulk work, so a click goes at once', async () => {
    const { clock, sent, request } = setup({
      limits: { windows: [{ name: 'w', limit: 10, windowMs: 1_000 }], interactiveReserve: 0.2 },
    });
    const bulk = Array.from({ length: 30 }, (_, i) => request(`/bulk/${i}`, { lane: 'bulk' }));
    await clock.advance(10);
    expect(sent).toHaveLength(8);
    const click = request('/click');
    await clock.advance(1);
    expect(sent.at(-1)?.path).toBe('/click');
    await clock.advance(20);
    await click;
    await clock.advance(10_000);
    await Promise.all(bulk);
  });

  it('ages bulk work so that user work cannot starve it', async () => {
    const { clock, sent, request } = setup({
      limits: { windows: [{ name: 'w', limit: 2, windowMs: 1_000 }], interactiveReserve: 0 },
    });
    const bulk = request('/bulk', { lane: 'bulk' });
    const user = Array.from({ length: 12 }, (_, i) => request(`/user/${i}`, { lane: 'user' }));
    await clock.advance(20_000);
    await Promise.all([bulk, ...user]);
    const order = sent.map((s) => s.path);
    expect(order.indexOf('/bulk')).toBeLessThan(order.length - 1);
  });
});

describe('Scheduler and the server', () => {
  it('pauses the whole account for Retry-After seconds after a 503', async () => {
    const { clock, sent, scheduler, request } = setup();
    let calls = 0;
    const first = request('/a', { answer: async () => (++calls === 1 ? Promise.reject(refusal(503, 3)) : 'ok') });
    await clock.advance(1);
    const start = sent[0]!.at;
    const others = [request('/b'), request('/c', { method: 'POST' })];
    await clock.advance(100);
    expect(scheduler.snapshot().pause).toMatchObject({ reason: 'retryAfter', until: start + 3_000 });
    expect(sent.filter((s) => s.at > start)).toHaveLength(0);
    await clock.advance(3_000);
    await Promise.all([first, ...others]);
    expect(sent.slice(1).every((s) => s.at >= start + 3_000)).toBe(true);
    expect(sent.map((s) => s.path).sort()).toEqual(['/a', '/a', '/b', '/c']);
  });

  it('re-sends a refused POST (the server did not run it)', async () => {
    const { clock, sent, request } = setup();
    let calls = 0;
    const post = request('/create', {
      method: 'POST',
      answer: async () => (++calls === 1 ? Promise.reject(refusal(429, 1)) : 'created'),
    });
    await clock.advance(2_000);
    expect(await post).toBe('created');
    expect(sent).toHaveLength(2);
  });

  it('halves concurrency after a 429 without Retry-After and wins it back step by step', async () => {
    const { clock, scheduler, request } = setup({
      limits: { concurrentReads: 40, windows: [{ name: 'w', limit: 10_000, windowMs: 1_000 }] },
    });
    let calls = 0;
    const refused = request('/x', { answer: async () => (++calls === 1 ? Promise.reject(refusal(429)) : 'ok') });
    await clock.advance(1);
    expect(scheduler.snapshot().concurrency.read.cap).toBe(20);
    expect(scheduler.snapshot().pause?.reason).toBe('backoff');
    await clock.advance(31_000);
    await refused;
    const many = Array.from({ length: 40 }, (_, i) => request(`/r/${i}`));
    await clock.advance(5_000);
    await Promise.all(many);
    expect(scheduler.snapshot().concurrency.read.cap).toBe(40);
  });

  it('re-syncs the minute window from X-RateLimit-Remaining when the server says nothing about when', async () => {
    const { clock, scheduler, request } = setup({
      limits: { windows: [{ name: 'w', limit: 1500, windowMs: 60_000 }] },
    });
    let calls = 0;
    const done = request('/x', {
      answer: async (context) => {
        if (++calls > 1) return 'ok';
        context.observe(429, new Headers({ 'X-RateLimit-Limit': '1500', 'X-RateLimit-Remaining': '0' }));
        throw refusal(429);
      },
    });
    await clock.advance(1);
    expect(scheduler.snapshot().windows[0]!.used).toBe(1500);
    await clock.advance(30_000);
    expect(calls).toBe(1);
    await clock.advance(40_000);
    expect(await done).toBe('ok');
  });

  it('pauses until X-RateLimit-Reset / Retry-After when the daily window refuses', async () => {
    const { clock, scheduler, request } = setup({
      limits: { windows: [{ name: 'w', limit: 1500, windowMs: 60_000 }] },
    });
    const resetAt = Math.ceil((clock.now() + 30_000) / 1000);
    const headers = new Headers({
      'X-RateLimit-Limit': '10000',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(resetAt),
      'Retry-After': '30',
    });
    let calls = 0;
    const done = request('/x', {
      answer: async (context) => {
        if (++calls > 1) return 'ok';
        context.observe(429, headers);
        throw refusal(429, 30);
      },
    });
    await clock.advance(1);
    const snap = scheduler.snapshot();
    expect(snap.pause?.until).toBeGreaterThanOrEqual(resetAt * 1000 - 1000);
    await clock.advance(20_000);
    expect(calls).toBe(1);
    await clock.advance(11_000);
    expect(await done).toBe('ok');
  });

  it('stops on 401 without dropping what is queued, and sends it after a new sign-in', async () => {
    const { clock, sent, scheduler, request } = setup();
    const failing = request('/a', {
      answer: async (context) => {
        context.observe(401, new Headers());
        throw appError('sessionRejected', { origin: 'https://p' }, { status: 401 });
      },
    });
    await expect(failing).rejects.toMatchObject({ code: 'unauthorized' });
    const waiting = request('/b');
    await clock.advance(5_000);
    expect(sent.map((s) => s.path)).toEqual(['/a']);
    expect(scheduler.snapshot().pause?.reason).toBe('unauthorized');
    scheduler.resume();
    await clock.advance(100);
    expect(await waiting).toBe('/b');
  });
});

describe('Scheduler retries', () => {
  const networkError = () => appError('networkError', { origin: 'https://p' });

  it('retries a GET after a network error with backoff', async () => {
    const { clock, sent, request } = setup();
    const got = request('/a', { answer: async (_c, attempt) => (attempt < 3 ? Promise.reject(networkError()) : 'ok') });
    await clock.advance(10_000);
    expect(await got).toBe('ok');
    expect(sent).toHaveLength(3);
  });

  it('never blindly repeats a POST whose outcome is unknown', async () => {
    const { clock, sent, request } = setup();
    const post = request('/create', { method: 'POST', answer: async () => Promise.reject(networkError()) });
    const settled = expect(post).rejects.toThrow(/writeUnconfirmed/);
    await clock.advance(10_000);
    await settled;
    expect(sent).toHaveLength(1);
  });

  it('runs the caller’s check first, and does not re-send a write that happened', async () => {
    const { clock, sent, request } = setup();
    let checks = 0;
    const post = request('/create', {
      method: 'POST',
      answer: async () => Promise.reject(appError('serverError', { status: 502 }, { status: 502 })),
      ticket: { checkOutcome: async () => (++checks, { happened: true, value: 'found it' }) },
    });
    await clock.advance(1_000);
    expect(await post).toBe('found it');
    expect(checks).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('does not retry a 404 or a 400', async () => {
    const { clock, sent, request } = setup();
    const got = request('/a', {
      answer: async () => Promise.reject(appError('notFound', {}, { status: 404 })),
    });
    const settled = expect(got).rejects.toMatchObject({ code: 'notFound' });
    await clock.advance(5_000);
    await settled;
    expect(sent).toHaveLength(1);
  });
});

describe('Scheduler cancellation and single view', () => {
  it('drops a waiting request whose signal aborts; it is never sent', async () => {
    const { clock, sent, request } = setup({ limits: { windows: [{ name: 'w', limit: 1, windowMs: 1_000 }] } });
    const first = request('/a');
    const controller = new AbortController();
    const second = request('/b', { ticket: { signal: controller.signal } });
    await clock.advance(1);
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    await clock.advance(2_000);
    await first;
    expect(sent.map((s) => s.path)).toEqual(['/a']);
  });

  it('a newer listing of the same view cancels the older one', async () => {
    const { clock, sent, request } = setup({ limits: { windows: [{ name: 'w', limit: 1, windowMs: 1_000 }] } });
    const blocker = request('/other');
    const older = request('/files/1?page=0', { ticket: { supersedeKey: 'view' } });
    const newer = request('/files/2?page=0', { ticket: { supersedeKey: 'view' } });
    await expect(older).rejects.toMatchObject({ code: 'cancelled' });
    await clock.advance(2_000);
    await Promise.all([blocker, newer]);
    expect(sent.map((s) => s.path)).toEqual(['/other', '/files/2?page=0']);
  });
});

describe('Scheduler persistence', () => {
  it('has the spending in storage before the request leaves', async () => {
    const store = new MemoryBudgetStore();
    const { clock, request } = setup({ store });
    let persistedAtSend = -1;
    const done = request('/a', {
      answer: async () => {
        persistedAtSend = store.data.get('p')?.inFlight.length ?? 0;
        return 'ok';
      },
    });
    await clock.advance(10);
    await done;
    expect(persistedAtSend).toBe(1);
  });

  it('a new worker continues the window of the one that stopped', async () => {
    const store = new MemoryBudgetStore();
    const clock = new FakeClock();
    const first = setup({ store, clock });
    const burst = Array.from({ length: 10 }, (_, i) => first.request(`/a/${i}`));
    await clock.advance(300);
    await Promise.all(burst);
    const second = setup({ store, clock, fresh: false });
    const more = second.request('/b');
    await clock.advance(100);
    expect(second.sent).toHaveLength(0);
    await clock.advance(700);
    await more;
    expect(second.sent[0]!.at - first.sent[0]!.at).toBeGreaterThanOrEqual(1_000);
  });

  it('a worker with no saved state assumes the last window was full', async () => {
    const { clock, sent, request } = setup({ fresh: false });
    const got = request('/a');
    await clock.advance(500);
    expect(sent).toHaveLength(0);
    await clock.advance(7_000);
    await got;
    expect(sent).toHaveLength(1);
  });

  it('counts requests the stopped worker left in flight against concurrency', async () => {
    const store = new MemoryBudgetStore();
    const clock = new FakeClock();
    const first = setup({
      store,
      clock,
      limits: { concurrentWrites: 2, windows: [{ name: 'w', limit: 100, windowMs: 1_000 }] },
    });
    void first.request('/w1', { method: 'POST', latency: 60_000 });
    void first.request('/w2', { method: 'POST', latency: 60_000 });
    await clock.advance(10);
    await first.scheduler.flush();
    const second = new Scheduler({
      key: 'p',
      settings: settings({ concurrentWrites: 2, windows: [{ name: 'w', limit: 100, windowMs: 1_000 }] }),
      clock,
      store,
      orphanHoldMs: 5_000,
    });
    await second.ready;
    expect(second.snapshot().concurrency.write.inFlight).toBe(2);
    await clock.advance(5_100);
    expect(second.snapshot().concurrency.write.inFlight).toBe(0);
  });

  it('sends what waited for slots a stopped worker held, as soon as that hold ends', async () => {
    const store = new MemoryBudgetStore();
    const clock = new FakeClock();
    const limits = { concurrentWrites: 1, windows: [{ name: 'w', limit: 100, windowMs: 1_000 }] };
    const first = setup({ store, clock, limits });
    void first.request('/w1', { method: 'POST', latency: 60_000 });
    await clock.advance(10);
    await first.scheduler.flush();
    const second = setup({ store, clock, limits, fresh: false });
    const waiting = second.request('/w2', { method: 'POST' });
    await clock.advance(2_000);
    expect(second.sent).toHaveLength(0);
    await clock.advance(30_000);
    expect(second.sent).toHaveLength(1);
    expect(await waiting).toBe('/w2');
  });
});

export { settle };

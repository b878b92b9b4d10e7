import { describe, expect, it } from 'vitest';
import type { PersistedBudget } from '../../../src/scheduler/budget.ts';
import { DEFAULT_LIMITS } from '../../../src/scheduler/limits.ts';
import { BETA } from '../../../src/scheduler/window-share.ts';
import { MemoryBudgetStore, maxInWindow } from './fake-clock.ts';
import { answerWith, harness, refusal } from './harness.ts';

const ONE_WINDOW = { windows: [{ name: 'w', limit: 10, windowMs: 1_000 }], interactiveReserve: 0.2 };

describe('The whole budget when it is ours (issue 13, item 1)', () => {
  it('has no fixed safety margin by default', () => {
    expect(DEFAULT_LIMITS.safetyMargin).toBe(1);
  });

  it('bulk work uses the whole window while no extension page is open', async () => {
    const { clock, sent, request } = harness({ limits: ONE_WINDOW, scheduler: { interactiveActive: false } });
    const bulk = Array.from({ length: 30 }, (_, i) => request(`/bulk/${i}`, { lane: 'bulk' }));
    await clock.advance(10);
    expect(sent).toHaveLength(10);
    await clock.advance(5_000);
    await Promise.all(bulk);
  });

  it('holds the interactive reserve while a page is open and for a few seconds after it closed', async () => {
    const { clock, sent, request, scheduler } = harness({
      limits: ONE_WINDOW,
      scheduler: { interactiveActive: false, interactiveHoldMs: 3_000 },
    });
    scheduler.setInteractiveActive(true);
    const bulk = Array.from({ length: 100 }, (_, i) => request(`/bulk/${i}`, { lane: 'bulk' }));
    await clock.advance(10);
    expect(sent).toHaveLength(8);
    expect(scheduler.snapshot().reserveHeld).toBe(true);
    scheduler.setInteractiveActive(false);
    const closedAt = clock.now();
    await clock.advance(2_000);
    const during = sent.filter((s) => s.at > closedAt && s.at < closedAt + 3_000).map((s) => s.at);
    expect(maxInWindow(during, 1_000)).toBeLessThanOrEqual(8);
    await clock.advance(4_000);
    expect(scheduler.snapshot().reserveHeld).toBe(false);
    const after = sent.filter((s) => s.at > closedAt + 3_100).map((s) => s.at);
    expect(maxInWindow(after, 1_000)).toBe(10);
    await clock.advance(10_000);
    await Promise.all(bulk);
  });

  it('a click holds the reserve for a few seconds', async () => {
    const { clock, sent, request, scheduler } = harness({
      limits: ONE_WINDOW,
      scheduler: { interactiveActive: false, interactiveHoldMs: 3_000 },
    });
    const click = request('/click');
    await clock.advance(20);
    await click;
    const bulk = Array.from({ length: 30 }, (_, i) => request(`/bulk/${i}`, { lane: 'bulk' }));
    await clock.advance(5);
    expect(scheduler.snapshot().reserveHeld).toBe(true);
    expect(sent.filter((s) => s.lane === 'bulk')).toHaveLength(7);
    await clock.advance(10_000);
    await Promise.all(bulk);
  });

  it('never fails bulk work for refusals: they were not executed, it waits as long as the server asks', async () => {
    const { clock, sent, request } = harness();
    const job = request('/create', {
      method: 'POST',
      lane: 'bulk',
      answer: async (_context, attempt) => (attempt <= 20 ? Promise.reject(refusal(503, 2)) : 'created'),
    });
    await clock.advance(120_000);
    expect(await job).toBe('created');
    expect(sent).toHaveLength(21);
  });

  it('still tells a click after a dozen refusals', async () => {
    const { clock, request } = harness();
    const click = request('/a', { answer: async () => Promise.reject(refusal(503, 1)) });
    const settled = expect(click).rejects.toMatchObject({ status: 503 });
    await clock.advance(60_000);
    await settled;
  });
});

describe('The user’s own DocSpace tabs (issue 13, item 2)', () => {
  it('counts observed tab requests in the windows and the concurrency as they happen', async () => {
    const { clock, sent, request, scheduler } = harness({
      limits: { ...ONE_WINDOW, concurrentReads: 7 },
      scheduler: { interactiveActive: false, foreignHoldMs: 2_000 },
    });
    for (let i = 0; i < 4; i++)
      scheduler.observeForeign({ id: `t${i}`, phase: 'start', method: 'GET', path: '/api/2.0/files/@my' });
    const snap = scheduler.snapshot();
    expect(snap.windows[0]).toMatchObject({ tabs: 4, ours: 0, others: 0, used: 4 });
    expect(snap.concurrency.read).toMatchObject({ inFlight: 4, tabs: 4 });
    const bulk = Array.from({ length: 60 }, (_, i) => request(`/bulk/${i}`, { lane: 'bulk', latency: 50 }));
    await clock.advance(5);
    // 7 GET slots less the 4 the tab holds, less 2 (20%) reserved for clicks while the tab works.
    expect(sent).toHaveLength(1);
    for (let i = 0; i < 4; i++)
      scheduler.observeForeign({ id: `t${i}`, phase: 'end', method: 'GET', path: '/api/2.0/files/@my', status: 200 });
    await clock.advance(100);
    // The tab's requests stay in the window: 10, less the reserve of 2, less the tab's 4.
    expect(sent).toHaveLength(4);
    expect(scheduler.snapshot().windows[0]).toMatchObject({ tabs: 4, ours: 4 });
    // Once the tab has been quiet for a window and the hold, bulk work has the whole window again.
    await clock.advance(5_000);
    const late = sent.filter((s) => s.at > clock.now() - 2_000).map((s) => s.at);
    expect(maxInWindow(late, 1_000)).toBe(10);
    expect(scheduler.snapshot().reserveHeld).toBe(false);
    await clock.advance(10_000);
    await Promise.all(bulk);
  });

  it('leaves room for the rest of the window of a tab that began working less than a window ago', async () => {
    const { clock, sent, request, scheduler } = harness({
      limits: { windows: [{ name: 'w', limit: 100, windowMs: 2_000 }], interactiveReserve: 0.2 },
      scheduler: { interactiveActive: false, foreignHoldMs: 2_000 },
    });
    const tab: number[] = [];
    let n = 0;
    const tabWorks = async (ms: number) => {
      for (let t = 0; t < ms; t += 25) {
        const id = `t${n++}`;
        tab.push(clock.now());
        scheduler.observeForeign({ id, phase: 'start', method: 'GET', path: '/api/2.0/files/@my' });
        await clock.advance(5);
        scheduler.observeForeign({ id, phase: 'end', method: 'GET', path: '/api/2.0/files/@my', status: 200 });
        await clock.advance(20);
      }
    };
    // 40 requests a second: 80 of every 2 s window once it is full, and only half of it is full yet.
    await tabWorks(1_000);
    const bulk = Array.from({ length: 150 }, (_, i) => request(`/bulk/${i}`, { lane: 'bulk', latency: 10 }));
    await tabWorks(3_000);
    const all = [...tab, ...sent.map((s) => s.at)].sort((a, b) => a - b);
    expect(maxInWindow(all, 2_000)).toBeLessThanOrEqual(100);
    await clock.advance(30_000);
    await Promise.all(bulk);
  });

  it('ignores what is not an API request', () => {
    const { scheduler } = harness();
    scheduler.observeForeign({ id: 'css', phase: 'start', method: 'GET', path: '/static/app.css' });
    expect(scheduler.snapshot().windows[0]!.tabs).toBe(0);
  });

  it('counts an end whose start was missed once, and a start whose end never comes until its timeout', async () => {
    const { clock, scheduler } = harness({ scheduler: { foreignTimeoutMs: 2_000 } });
    scheduler.observeForeign({ id: 'late', phase: 'end', method: 'GET', path: '/api/2.0/people/@self', status: 200 });
    scheduler.observeForeign({ id: 'lost', phase: 'start', method: 'POST', path: '/api/2.0/files/folder/1' });
    expect(scheduler.snapshot().windows[0]!.tabs).toBe(2);
    expect(scheduler.snapshot().concurrency.write.tabs).toBe(1);
    await clock.advance(2_100);
    expect(scheduler.snapshot().concurrency.write.tabs).toBe(0);
    scheduler.observeForeign({
      id: 'lost',
      phase: 'end',
      method: 'POST',
      path: '/api/2.0/files/folder/1',
      status: 201,
    });
    expect(scheduler.snapshot().windows[1]!.tabs).toBe(2);
  });

  it('a tab request the portal refused pauses the extension as well', async () => {
    const { scheduler } = harness();
    scheduler.observeForeign({ id: 'r', phase: 'start', method: 'GET', path: '/api/2.0/files/rooms' });
    scheduler.observeForeign({
      id: 'r',
      phase: 'end',
      method: 'GET',
      path: '/api/2.0/files/rooms',
      status: 503,
      headers: [{ name: 'Retry-After', value: '4' }],
    });
    const snap = scheduler.snapshot();
    expect(snap.pause).toMatchObject({ reason: 'retryAfter', until: snap.at + 4_000 });
  });
});

describe('Learning what cannot be seen (issue 13, item 3)', () => {
  const minute = { windows: [{ name: '60s', limit: 100, windowMs: 10_000 }] };

  it('re-syncs a window in both directions from X-RateLimit headers on answers', async () => {
    const { clock, request, scheduler } = harness({ limits: minute });
    await request('/a', { answer: answerWith(200, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '40' }) });
    expect(scheduler.snapshot().windows[0]).toMatchObject({ ours: 1, others: 59, used: 60 });
    await clock.advance(100);
    await request('/b', { answer: answerWith(200, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '90' }) });
    expect(scheduler.snapshot().windows[0]).toMatchObject({ ours: 2, others: 8 });
    // Nonsense is ignored: a remaining above the limit is no limiter speaking.
    await request('/c', { answer: answerWith(200, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '500' }) });
    expect(scheduler.snapshot().windows[0]).toMatchObject({ ours: 3, others: 8 });
  });

  it('a DocSpace tab’s answer headers correct the full window a restarted worker had to assume', async () => {
    const { clock, request, scheduler, sent } = harness({ limits: minute, fresh: false });
    const waiting = request('/a');
    await clock.advance(100);
    expect(sent).toHaveLength(0);
    expect(scheduler.snapshot().windows[0]).toMatchObject({ others: 100 });
    scheduler.observeForeign({ id: 'x', phase: 'start', method: 'GET', path: '/api/2.0/people/@self' });
    scheduler.observeForeign({
      id: 'x',
      phase: 'end',
      method: 'GET',
      path: '/api/2.0/people/@self',
      status: 200,
      headers: { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '97' },
    });
    await clock.advance(10);
    expect(await waiting).toBe('/a');
    expect(scheduler.snapshot().windows[0]!.others).toBe(2);
  });

  it('a refusal while its count said there was room lowers the share multiplicatively; successes win it back', async () => {
    const { clock, request, scheduler, sent } = harness({
      limits: { windows: [{ name: 'w', limit: 100, windowMs: 1_000 }], concurrentReads: 100 },
      scheduler: { interactiveActive: false },
    });
    const first = Array.from({ length: 60 }, (_, i) => request(`/r/${i}`, { lane: 'bulk' }));
    await clock.advance(20);
    await Promise.all(first);
    const refused = request('/refused', {
      lane: 'bulk',
      answer: async (_c, attempt) => (attempt === 1 ? Promise.reject(refusal(503, 1)) : 'ok'),
    });
    await clock.advance(5);
    // 60 of 100 had reached the server when it said no: someone else has the rest. 95% of what fitted.
    expect(BETA).toBe(0.95);
    expect(scheduler.snapshot().windows[0]!.share).toBeCloseTo(BETA * 0.6, 3);
    const refusedAt = clock.now();
    const more = Array.from({ length: 3_000 }, (_, i) => request(`/m/${i}`, { lane: 'bulk' }));
    await clock.advance(3_000);
    // The pause, then at most 57 per window, growing by 0.5% of the window per window's worth of successes
    // (10% once nothing was cut for three windows).
    const soon = sent.filter((s) => s.at > refusedAt && s.at < refusedAt + 2_000).map((s) => s.at);
    expect(soon.length).toBeGreaterThan(40);
    expect(maxInWindow(soon, 1_000)).toBeLessThanOrEqual(58);
    expect(scheduler.snapshot().windows[0]!.share).toBeLessThan(0.68);
    await clock.advance(120_000);
    await Promise.all([refused, ...more]);
    expect(scheduler.snapshot().windows[0]!.share).toBe(1);
  });

  it('without a header, cuts the window an unseen steady sender would fill first, not every full one', async () => {
    const { clock, request, scheduler } = harness({
      limits: {
        windows: [
          { name: 'short', limit: 100, windowMs: 1_000 },
          { name: 'long', limit: 300, windowMs: 6_000 },
        ],
        concurrentReads: 100,
      },
      scheduler: { interactiveActive: false },
    });
    // 70, 70, then 72 a second: the short window is 72% full, the long one 71%.
    for (const [second, count] of [70, 70, 72].entries()) {
      if (second > 0) await clock.advance(900);
      const batch = Array.from({ length: count }, (_, i) => request(`/r/${second}/${i}`, { lane: 'bulk' }));
      await clock.advance(100);
      await Promise.all(batch);
    }
    const refused = request('/x', {
      lane: 'bulk',
      answer: async (_c, attempt) => (attempt === 1 ? Promise.reject(refusal(503, 1)) : 'ok'),
    });
    await clock.advance(5);
    // Filling the short window needs 28 unseen requests a second, the long one 15: the long one refused.
    const [short, long] = scheduler.snapshot().windows;
    expect(short!.share).toBe(1);
    expect(long!.share).toBeCloseTo(BETA * (212 / 300), 2);
    await clock.advance(5_000);
    await refused;
  });

  it('a header naming the minute window on a refusal sets what others use, and cuts the share only when answers do not report', async () => {
    const { clock, request, scheduler } = harness({ limits: minute });
    const a = request('/a');
    await clock.advance(20);
    await a;
    const done = request('/b', {
      answer: async (context, attempt) =>
        attempt === 1 ? answerWith(429, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0' })(context) : 'ok',
    });
    await clock.advance(1);
    expect(scheduler.snapshot().windows[0]).toMatchObject({ ours: 2, others: 98 });
    expect(scheduler.snapshot().windows[0]!.share).toBeLessThan(1);
    await clock.advance(20_000);
    await done;
  });

  it('a refusal naming the minute window with Retry-After holds the window full only until the server said', async () => {
    const { clock, request, sent } = harness({ limits: minute });
    const done = request('/b', {
      answer: async (context, attempt) =>
        attempt === 1
          ? answerWith(
              429,
              { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'Retry-After': '2' },
              2,
            )(context)
          : 'ok',
    });
    await clock.advance(1);
    const refusedAt = clock.now();
    await clock.advance(3_000);
    await done;
    const again = sent.filter((s) => s.path === '/b').map((s) => s.at);
    expect(again).toHaveLength(2);
    expect(again[1]! - refusedAt).toBeGreaterThanOrEqual(1_900);
    expect(again[1]! - refusedAt).toBeLessThan(3_000);
  });
});

describe('Budget records', () => {
  it('loads a version 2 record (before observed traffic and shares were stored)', async () => {
    const store = new MemoryBudgetStore();
    const clock = harness().clock;
    const now = clock.now();
    const v2: PersistedBudget = {
      v: 2,
      savedAt: now,
      completed: [now - 100, now - 50],
      daily: [],
      sensitive: {},
      inFlight: [],
      pause: null,
      factors: { read: 1, write: 0.5 },
      slowestMs: 100,
    };
    store.data.set('p', v2);
    const { scheduler } = harness({ store, clock, fresh: false });
    await scheduler.ready;
    expect(scheduler.snapshot().windows[0]).toMatchObject({ ours: 2, tabs: 0, others: 0, share: 1 });
    expect(scheduler.snapshot().concurrency.write.cap).toBe(7);
  });
});

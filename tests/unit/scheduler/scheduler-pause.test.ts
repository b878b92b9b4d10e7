import { describe, expect, it } from 'vitest';
import type { PersistedBudget } from '../../../src/scheduler/budget.ts';
import { MAX_PAUSE_MS } from '../../../src/scheduler/scheduler.ts';
import { MemoryBudgetStore } from './fake-clock.ts';
import { answerWith, harness } from './harness.ts';

const HOUR = 3_600_000;
const YEAR_SECONDS = 31_536_000;

describe('Scheduler pauses the server may ask for (issue 14, item 4)', () => {
  it('caps a Retry-After of a year at one hour and says so', async () => {
    const { clock, scheduler, request, sent } = harness();
    const done = request('/a', {
      answer: async (context, attempt) =>
        attempt === 1 ? answerWith(503, { 'Retry-After': String(YEAR_SECONDS) }, YEAR_SECONDS)(context) : 'ok',
    });
    await clock.advance(1);
    const start = sent[0]!.at;
    const pause = scheduler.snapshot().pause;
    expect(MAX_PAUSE_MS).toBe(HOUR);
    expect(pause?.until).toBe(start + HOUR);
    expect(pause?.requestedUntil).toBe(start + YEAR_SECONDS * 1000);
    expect(scheduler.snapshot().recent.at(-1)?.message).toMatch(/at most 1 hour/);
    await clock.advance(HOUR);
    expect(await done).toBe('ok');
    expect(sent).toHaveLength(2);
  });

  it('caps a persisted pause of a year when a new worker restores it', async () => {
    const store = new MemoryBudgetStore();
    const first = harness({ store });
    const now = first.clock.now();
    await first.scheduler.flush();
    const saved = store.data.get('p') as PersistedBudget;
    store.data.set('p', { ...saved, pause: { until: now + YEAR_SECONDS * 1000, reason: 'retryAfter' } });
    const second = harness({ store, clock: first.clock, fresh: false });
    await second.scheduler.ready;
    expect(second.scheduler.snapshot().pause?.until).toBeLessThanOrEqual(now + HOUR);
  });

  it('a 200 with X-RateLimit-Remaining: 0 and a reset in 2100 stops nothing', async () => {
    const { clock, scheduler, request, sent } = harness({
      limits: { windows: [{ name: '60s', limit: 1500, windowMs: 60_000 }] },
    });
    const reset = String(Math.floor(Date.UTC(2100, 0, 1) / 1000));
    await request('/api/2.0/settings', {
      answer: answerWith(200, {
        'X-RateLimit-Limit': '1500',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': reset,
      }),
    });
    const next = request('/api/2.0/people/@self');
    await clock.advance(1_000);
    expect(scheduler.snapshot().pause).toBeNull();
    expect(await next).toBe('/api/2.0/people/@self');
    expect(sent).toHaveLength(2);
  });

  it('X-RateLimit-Reset on a refusal still pauses until then', async () => {
    const { clock, scheduler, request } = harness();
    const resetAt = Math.ceil((clock.now() + 20_000) / 1000);
    const done = request('/a', {
      answer: async (context, attempt) =>
        attempt === 1
          ? answerWith(429, {
              'X-RateLimit-Limit': '10000',
              'X-RateLimit-Remaining': '0',
              'X-RateLimit-Reset': String(resetAt),
            })(context)
          : 'ok',
    });
    await clock.advance(1);
    expect(scheduler.snapshot().pause).toMatchObject({ reason: 'rateLimitReset', until: resetAt * 1000 });
    await clock.advance(21_000);
    expect(await done).toBe('ok');
  });

  it('resumeNow clears a server pause: requests go, and a refusal that follows pauses again', async () => {
    const { clock, scheduler, request, sent } = harness();
    let calls = 0;
    const done = request('/a', {
      answer: async (context) => {
        calls++;
        if (calls <= 2) return answerWith(503, { 'Retry-After': '600' }, 600)(context);
        return 'ok';
      },
    });
    await clock.advance(1);
    expect(scheduler.snapshot().pause?.reason).toBe('retryAfter');
    await scheduler.resumeNow();
    await clock.advance(1);
    expect(sent).toHaveLength(2);
    expect(scheduler.snapshot().pause?.reason).toBe('retryAfter');
    await scheduler.resumeNow();
    await clock.advance(1);
    expect(await done).toBe('ok');
    expect(sent).toHaveLength(3);
  });

  it('clearPause at sign-out: the persisted pause does not survive into the next sign-in', async () => {
    const store = new MemoryBudgetStore();
    const first = harness({ store });
    void first.request('/a', { answer: answerWith(503, { 'Retry-After': '3000' }, 3000) }).catch(() => undefined);
    await first.clock.advance(1);
    expect(first.scheduler.snapshot().pause?.reason).toBe('retryAfter');
    first.scheduler.dispose();
    await first.scheduler.clearPause();
    const second = harness({ store, clock: first.clock, fresh: false });
    await second.scheduler.ready;
    expect(second.scheduler.snapshot().pause).toBeNull();
    const next = second.request('/b');
    await first.clock.advance(100);
    expect(await next).toBe('/b');
  });
});

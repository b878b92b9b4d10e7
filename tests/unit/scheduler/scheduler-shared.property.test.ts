import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appError, type AppError } from '../../../src/errors/index.ts';
import { DEFAULT_LIMITS, type LimitSettings } from '../../../src/scheduler/limits.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import { FakeClock, MemoryBudgetStore } from './fake-clock.ts';

/** One step of the random phase: the extension asks for a request, or a DocSpace tab sends one. */
type Step =
  | {
      kind: 'ours';
      delay: number;
      method: 'GET' | 'POST';
      lane: 'bulk' | 'user';
      latency: number;
      processedAt: number;
      refuse: 'no' | 'retryAfter' | 'bare' | 'header';
    }
  | { kind: 'tab'; delay: number; method: 'GET' | 'POST'; latency: number; processedAt: number };

interface Seen {
  who: 'ours' | 'tab';
  sentAt: number;
  processed: number;
}

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('ours' as const),
    delay: fc.integer({ min: 0, max: 60 }),
    method: fc.constantFrom('GET' as const, 'GET' as const, 'POST' as const),
    lane: fc.constantFrom('bulk' as const, 'bulk' as const, 'user' as const),
    latency: fc.integer({ min: 1, max: 200 }),
    processedAt: fc.double({ min: 0, max: 1, noNaN: true }),
    refuse: fc.constantFrom(
      'no' as const,
      'no' as const,
      'no' as const,
      'no' as const,
      'retryAfter' as const,
      'bare' as const,
      'header' as const,
    ),
  }),
  fc.record({
    kind: fc.constant('tab' as const),
    delay: fc.integer({ min: 0, max: 60 }),
    method: fc.constantFrom('GET' as const, 'POST' as const),
    latency: fc.integer({ min: 1, max: 300 }),
    processedAt: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
);

const limitsArb = fc
  .record({
    short: fc.integer({ min: 4, max: 15 }),
    shortMs: fc.integer({ min: 100, max: 600 }),
    longFactor: fc.integer({ min: 2, max: 4 }),
    longMs: fc.integer({ min: 2, max: 4 }),
    reads: fc.integer({ min: 2, max: 8 }),
    writes: fc.integer({ min: 1, max: 4 }),
  })
  .map((l): LimitSettings => ({
    ...DEFAULT_LIMITS,
    windows: [
      { name: 'short', limit: l.short, windowMs: l.shortMs },
      { name: 'long', limit: l.short * l.longFactor - 1, windowMs: l.shortMs * l.longMs },
    ],
    concurrentReads: l.reads,
    concurrentWrites: l.writes,
    safetyMargin: 1,
    interactiveReserve: 0.1,
  }));

function refusalError(kind: 'retryAfter' | 'bare' | 'header'): AppError {
  return appError(
    'unavailable',
    {},
    { status: kind === 'header' ? 429 : 503, ...(kind === 'retryAfter' ? { retryAfterSeconds: 1 } : {}) },
  );
}

/**
 * For each request of ours, the requests the extension could know of when it sent it (its own sent before,
 * the tab's started before) that the server counts in the window ending at its processing time.
 */
function worstKnownSum(seen: Seen[], windowMs: number): number {
  let worst = 0;
  for (const r of seen) {
    if (r.who !== 'ours') continue;
    let n = 0;
    for (const o of seen)
      if (o.sentAt <= r.sentAt && o.processed > r.processed - windowMs && o.processed <= r.processed) n++;
    worst = Math.max(worst, n);
  }
  return worst;
}

describe('Scheduler with observed tabs and unexplained refusals (issue 13)', () => {
  it('never lets its own requests push the sum with the observed ones over a window, and its share recovers', async () => {
    await fc.assert(
      fc.asyncProperty(limitsArb, fc.array(step, { minLength: 30, maxLength: 120 }), async (settings, steps) => {
        const clock = new FakeClock();
        const scheduler = new Scheduler({
          key: 'p',
          settings,
          clock,
          store: new MemoryBudgetStore(),
          fresh: true,
          random: () => 0.5,
          interactiveActive: false,
          backoff: { baseMs: 50, capMs: 500 },
        });
        await scheduler.ready;
        const seen: Seen[] = [];
        let tabId = 0;
        for (const s of steps) {
          await clock.advance(s.delay);
          if (s.kind === 'tab') {
            const id = `tab-${tabId++}`;
            const path = '/api/2.0/files/1';
            const at = clock.now();
            seen.push({ who: 'tab', sentAt: at, processed: at + Math.floor(s.latency * s.processedAt) });
            scheduler.observeForeign({ id, phase: 'start', method: s.method, path });
            clock.setTimer(
              () => scheduler.observeForeign({ id, phase: 'end', method: s.method, path, status: 200 }),
              s.latency,
            );
            continue;
          }
          let attempt = 0;
          void scheduler
            .run({ method: s.method, path: '/api/2.0/files/1', lane: s.lane }, (context) => {
              const at = clock.now();
              seen.push({ who: 'ours', sentAt: at, processed: at + Math.floor(s.latency * s.processedAt) });
              const refuse = s.refuse !== 'no' && attempt++ === 0;
              return new Promise<string>((resolve, reject) =>
                clock.setTimer(() => {
                  if (!refuse) return resolve('ok');
                  if (s.refuse === 'header') {
                    const limit = String(settings.windows[1]!.limit);
                    context.observe(429, new Headers({ 'X-RateLimit-Limit': limit, 'X-RateLimit-Remaining': '0' }));
                  }
                  reject(refusalError(s.refuse as 'retryAfter' | 'bare' | 'header'));
                }, s.latency),
              );
            })
            .catch(() => undefined);
        }
        await clock.advance(60_000);
        for (const w of settings.windows) expect(worstKnownSum(seen, w.windowMs)).toBeLessThanOrEqual(w.limit);

        // Refusals stop and the tab is gone: steady bulk work wins the whole window back.
        const long = settings.windows[1]!;
        for (let round = 0; round < 600 && scheduler.snapshot().windows.some((w) => w.share !== 1); round++) {
          if (scheduler.snapshot().queued.bulk < long.limit)
            for (let i = 0; i < long.limit; i++)
              void scheduler.run(
                { method: 'GET', path: `/calm/${i}`, lane: 'bulk' },
                () => new Promise((r) => clock.setTimer(() => r('ok'), 5)),
              );
          await clock.advance(long.windowMs);
        }
        const snap = scheduler.snapshot();
        expect(snap.windows.map((w) => w.share)).toEqual(snap.windows.map(() => 1));
        expect(snap.concurrency.read.cap).toBe(settings.concurrentReads);
      }),
      { numRuns: 40, seed: 20261213 },
    );
  }, 120_000);
});

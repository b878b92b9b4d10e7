import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type LimitSettings } from '../../../src/scheduler/limits.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import type { Clock } from '../../../src/scheduler/clock.ts';
import { FakeClock, MemoryBudgetStore, maxInWindow } from './fake-clock.ts';

interface Arrival {
  processedAt: number;
  delay: number;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  latency: number;
  lane: 'interactive' | 'user' | 'bulk';
  killAfter: boolean;
}

interface ServerRecord {
  at: number;
  processed: number;
  end: number;
  write: boolean;
}

/** A worker's view of time: once the worker is stopped, none of its timers fire again. */
function workerClock(global: FakeClock, isDead: () => boolean): Clock {
  return {
    now: () => global.now(),
    setTimer: (callback, ms) => global.setTimer(() => !isDead() && callback(), ms),
    clearTimer: (handle) => global.clearTimer(handle),
  };
}

function maxOverlap(records: ServerRecord[]): number {
  const events = records
    .flatMap((r) => [[r.at, 1] as const, [r.end, -1] as const])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let best = 0;
  for (const [, delta] of events) best = Math.max(best, (current += delta));
  return best;
}

const arrival = fc.record<Arrival>({
  delay: fc.integer({ min: 0, max: 120 }),
  method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'),
  latency: fc.integer({ min: 1, max: 300 }),
  /** Where in [send, answer] the server's limiter sees the request (a busy server queues it). */
  processedAt: fc.double({ min: 0, max: 1, noNaN: true }),
  lane: fc.constantFrom('interactive', 'user', 'bulk'),
  killAfter: fc.integer({ min: 0, max: 11 }).map((n) => n === 0),
});

const limitsArb = fc
  .record({
    short: fc.integer({ min: 3, max: 15 }),
    shortMs: fc.integer({ min: 100, max: 800 }),
    longFactor: fc.integer({ min: 2, max: 4 }),
    longMs: fc.integer({ min: 2, max: 5 }),
    reads: fc.integer({ min: 1, max: 8 }),
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

describe('Scheduler properties', () => {
  it('never exceeds a window or a concurrency limit, whatever arrives and whenever the worker is stopped', async () => {
    await fc.assert(
      fc.asyncProperty(limitsArb, fc.array(arrival, { minLength: 20, maxLength: 120 }), async (settings, arrivals) => {
        const clock = new FakeClock();
        const store = new MemoryBudgetStore();
        const server: ServerRecord[] = [];
        let generation = 0;
        const startWorker = (fresh: boolean) => {
          const mine = ++generation;
          const dead = () => generation !== mine;
          const scheduler = new Scheduler({
            key: 'p',
            settings,
            clock: workerClock(clock, dead),
            store,
            fresh,
            random: () => 0.5,
            orphanHoldMs: 400,
          });
          return { scheduler, dead };
        };
        let worker = startWorker(false);
        for (const a of arrivals) {
          await clock.advance(a.delay);
          const { scheduler, dead } = worker;
          void scheduler
            .run({ method: a.method, path: '/api/2.0/files/1', lane: a.lane }, () => {
              if (dead()) return new Promise<never>(() => undefined);
              const at = clock.now();
              server.push({
                at,
                processed: at + Math.floor(a.latency * a.processedAt),
                end: at + a.latency,
                write: a.method !== 'GET',
              });
              return new Promise<string>((resolve) => clock.setTimer(() => !dead() && resolve('ok'), a.latency));
            })
            .catch(() => undefined);
          if (a.killAfter) {
            // The worker stops at an arbitrary point: queued work is gone, in-flight work runs on at the server.
            worker = startWorker(false);
            await worker.scheduler.ready;
          }
        }
        await clock.advance(120_000);
        for (const window of settings.windows) {
          expect(
            maxInWindow(
              server.map((r) => r.processed),
              window.windowMs,
            ),
          ).toBeLessThanOrEqual(window.limit);
        }
        expect(maxOverlap(server.filter((r) => !r.write))).toBeLessThanOrEqual(settings.concurrentReads);
        expect(maxOverlap(server.filter((r) => r.write))).toBeLessThanOrEqual(settings.concurrentWrites);
      }),
      { numRuns: 100, seed: 20261128 },
    );
  }, 60_000);
});

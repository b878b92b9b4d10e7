import { appError, type AppError } from '../../../src/errors/index.ts';
import { DEFAULT_LIMITS, type LimitSettings } from '../../../src/scheduler/limits.ts';
import type { Lane, RequestTicket, SendContext } from '../../../src/scheduler/request-executor.ts';
import { Scheduler, type SchedulerOptions } from '../../../src/scheduler/scheduler.ts';
import { FakeClock, MemoryBudgetStore } from './fake-clock.ts';

/** Small windows (10 per 1 s, 25 per 6 s), no margin: what most scheduler tests start from. */
export function testSettings(overrides: Partial<LimitSettings> = {}): LimitSettings {
  return {
    ...DEFAULT_LIMITS,
    windows: [
      { name: '10s', limit: 10, windowMs: 1_000 },
      { name: '60s', limit: 25, windowMs: 6_000 },
    ],
    concurrentReads: 50,
    concurrentWrites: 15,
    safetyMargin: 1,
    interactiveReserve: 0.2,
    ...overrides,
  };
}

export interface Sent {
  at: number;
  path: string;
  method: string;
  lane: Lane;
}

export interface RequestOptions {
  method?: string;
  lane?: Lane;
  latency?: number;
  answer?: (context: SendContext, attempt: number) => Promise<string>;
  ticket?: Partial<RequestTicket<string>>;
}

/** A scheduler on a fake clock with a fake server that answers after `latency` ms, or as `answer` says. */
export function harness(
  options: {
    limits?: Partial<LimitSettings>;
    store?: MemoryBudgetStore;
    fresh?: boolean;
    clock?: FakeClock;
    scheduler?: Partial<SchedulerOptions>;
  } = {},
) {
  const clock = options.clock ?? new FakeClock();
  const store = options.store ?? new MemoryBudgetStore();
  const scheduler = new Scheduler({
    key: 'p',
    settings: testSettings(options.limits),
    clock,
    store,
    fresh: options.fresh ?? true,
    random: () => 0.5,
    ...options.scheduler,
  });
  const sent: Sent[] = [];
  const request = (
    path: string,
    { method = 'GET', lane = 'interactive', latency = 10, answer, ticket = {} }: RequestOptions = {},
  ) => {
    let attempt = 0;
    return scheduler.run<string>({ method, path, lane, ...ticket }, (context) => {
      sent.push({ at: clock.now(), path, method, lane });
      attempt++;
      if (answer) return answer(context, attempt);
      return new Promise((resolve) => clock.setTimer(() => resolve(path), latency));
    });
  };
  return { clock, store, scheduler, sent, request };
}

export function refusal(status: 429 | 503, retryAfterSeconds?: number): AppError {
  return appError(status === 429 ? 'rateLimited' : 'unavailable', {}, { status, retryAfterSeconds });
}

/** An answer that reports `status` and `headers` to the scheduler, then fails as a refusal or succeeds. */
export function answerWith(status: number, headers: Record<string, string>, retryAfterSeconds?: number) {
  return async (context: SendContext): Promise<string> => {
    context.observe(status, new Headers(headers));
    if (status === 429 || status === 503) throw refusal(status, retryAfterSeconds);
    return 'ok';
  };
}

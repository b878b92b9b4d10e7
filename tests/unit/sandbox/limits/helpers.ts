// Shared helpers for the limit and fault tests: a sandbox with a manual clock, bursts of requests,
// and a gate middleware that holds requests in flight until released.
import { afterAll, beforeAll } from 'vitest';
import { manualClock } from '../../../sandbox/limits/clock.ts';
import type { ManualClock } from '../../../sandbox/limits/clock.ts';
import { startSandbox } from '../../../sandbox/server.ts';
import type { NamedMiddleware, Sandbox, SandboxOptions } from '../../../sandbox/server.ts';

export const GATE_PATH = '/api/2.0/__gate';
/** No route: passes the limiter, then answers 404. */
export const PROBE_PATH = '/api/2.0/__probe';

export interface Gate {
  middleware: NamedMiddleware;
  /** Requests waiting at the gate. */
  readonly waiting: number;
  release(): void;
  /** Resolves when `n` requests wait at the gate. */
  until(n: number): Promise<void>;
}

export function gate(): Gate {
  let waiters: Array<() => void> = [];
  const watchers: Array<() => void> = [];
  const notify = (): void => watchers.forEach((w) => w());
  return {
    middleware: {
      name: 'test-gate',
      handle: async (ctx, next) => {
        if (!ctx.path.startsWith(GATE_PATH)) return next();
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          notify();
        });
        return next();
      },
    },
    get waiting() {
      return waiters.length;
    },
    release() {
      const list = waiters;
      waiters = [];
      list.forEach((resolve) => resolve());
    },
    until(n) {
      return new Promise((resolve) => {
        const check = (): void => {
          if (waiters.length >= n) resolve();
        };
        watchers.push(check);
        check();
      });
    },
  };
}

export interface Harness {
  readonly sandbox: Sandbox;
  readonly clock: ManualClock;
  readonly gate: Gate;
  readonly auth: Record<string, string>;
  send(method: string, path: string, init?: { headers?: Record<string, string>; body?: string }): Promise<Response>;
  /** `n` requests, `parallel` at a time; returns the statuses in order. */
  burst(n: number, method?: string, path?: string, parallel?: number): Promise<number[]>;
}

/** One sandbox per test file, with a manual clock and the gate; options per file. */
export function useLimitedSandbox(options: Omit<SandboxOptions, 'clock' | 'middleware' | 'port'>): Harness {
  const clock = manualClock();
  const g = gate();
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ ...options, port: 0, clock, middleware: [g.middleware] });
  });
  afterAll(async () => {
    g.release();
    await sandbox?.close();
  });
  const current = (): Sandbox => {
    if (!sandbox) throw new Error('sandbox not started');
    return sandbox;
  };
  const auth = (): Record<string, string> => ({ Authorization: `Bearer ${current().demo.apiKey}` });
  const send: Harness['send'] = (method, path, init = {}) =>
    fetch(current().url + path, {
      method,
      headers: { ...auth(), ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
  return {
    get sandbox() {
      return current();
    },
    clock,
    gate: g,
    get auth() {
      return auth();
    },
    send,
    async burst(n, method = 'GET', path = '/api/2.0/authentication', parallel = 25) {
      const statuses: number[] = [];
      for (let done = 0; done < n;) {
        const batch = Math.min(parallel, n - done);
        const results = await Promise.all(
          Array.from({ length: batch }, async () => {
            const res = await send(method, path);
            await res.arrayBuffer();
            return res.status;
          }),
        );
        statuses.push(...results);
        done += batch;
      }
      return statuses;
    },
  };
}

export function rateLimitHeaders(res: Response): Record<string, string | null> {
  return {
    limit: res.headers.get('x-ratelimit-limit'),
    remaining: res.headers.get('x-ratelimit-remaining'),
    retryAfter: res.headers.get('retry-after'),
    reset: res.headers.get('x-ratelimit-reset'),
  };
}

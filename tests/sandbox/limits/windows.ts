// The three counter kinds RedisRateLimiting 1.2.1 provides (docspace-api.md §9, [RRL]), in memory
// and keyed by partition:
// - SlidingWindowLog: a request admitted at t counts while now < t + window (Redis
//   ZREMRANGEBYSCORE -inf..now-window, then ZCARD < limit). A refused request is NOT recorded.
// - FixedWindowCounter: the window opens at the first request of a partition and lasts `windowMs`;
//   a request is admitted while count + 1 <= limit. A refused request is NOT counted.
// - ConcurrencyCounter: in-flight requests, no queue; refused at once when `limit` are in flight.

export interface WindowRefusal {
  limit: number;
  /** Permits left, as the lease reports it (always 0 on a refusal). */
  remaining: number;
  /** When a permit frees up: the oldest entry leaves (sliding) or the window ends (fixed). */
  freeAtMs: number;
}

interface Log {
  times: number[];
  head: number;
}

export class SlidingWindowLog {
  private readonly logs = new Map<string, Log>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private live(key: string, nowMs: number): Log | undefined {
    const log = this.logs.get(key);
    if (!log) return undefined;
    const cutoff = nowMs - this.windowMs;
    while (log.head < log.times.length && log.times[log.head]! <= cutoff) log.head++;
    if (log.head === log.times.length) {
      this.logs.delete(key);
      return undefined;
    }
    if (log.head > 1024 && log.head * 2 > log.times.length) {
      log.times = log.times.slice(log.head);
      log.head = 0;
    }
    return log;
  }

  count(key: string, nowMs: number): number {
    const log = this.live(key, nowMs);
    return log ? log.times.length - log.head : 0;
  }

  /** Records the request and returns null, or returns the refusal (and records nothing). */
  tryAcquire(key: string, nowMs: number): WindowRefusal | null {
    const log = this.live(key, nowMs);
    const count = log ? log.times.length - log.head : 0;
    if (count >= this.limit) {
      return { limit: this.limit, remaining: 0, freeAtMs: log!.times[log!.head]! + this.windowMs };
    }
    if (log) log.times.push(nowMs);
    else this.logs.set(key, { times: [nowMs], head: 0 });
    return null;
  }

  keys(nowMs: number): string[] {
    return [...this.logs.keys()].filter((key) => this.live(key, nowMs) !== undefined);
  }

  clear(): void {
    this.logs.clear();
  }
}

interface FixedWindow {
  startMs: number;
  count: number;
}

export class FixedWindowCounter {
  private readonly windows = new Map<string, FixedWindow>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private current(key: string, nowMs: number): FixedWindow | undefined {
    const window = this.windows.get(key);
    if (window && nowMs >= window.startMs + this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  usage(key: string, nowMs: number): { count: number; endMs: number } | undefined {
    const window = this.current(key, nowMs);
    return window ? { count: window.count, endMs: window.startMs + this.windowMs } : undefined;
  }

  tryAcquire(key: string, nowMs: number): WindowRefusal | null {
    let window = this.current(key, nowMs);
    if (!window) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count + 1 > this.limit) {
      return {
        limit: this.limit,
        remaining: Math.max(this.limit - window.count, 0),
        freeAtMs: window.startMs + this.windowMs,
      };
    }
    window.count++;
    return null;
  }

  keys(nowMs: number): string[] {
    return [...this.windows.keys()].filter((key) => this.current(key, nowMs) !== undefined);
  }

  clear(): void {
    this.windows.clear();
  }
}

export class ConcurrencyCounter {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly limit: number) {}

  count(key: string): number {
    return this.inFlight.get(key) ?? 0;
  }

  /** A release function (idempotent), or null when `limit` requests are already in flight. */
  tryAcquire(key: string): (() => void) | null {
    const count = this.count(key);
    if (count >= this.limit) return null;
    this.inFlight.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.count(key) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    };
  }

  keys(): string[] {
    return [...this.inFlight.keys()];
  }

  clear(): void {
    this.inFlight.clear();
  }
}

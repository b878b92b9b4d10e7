import { countsAsDailyWrite, requestClass, sensitiveKey, type EffectiveLimits, type RequestClass } from './limits.ts';

/**
 * What one portal + account has spent, as pure data over an injected time: requests in flight and recent
 * completions (the sliding windows), the daily write count, per-path sensitive calls, a pause and the AIMD
 * factors. It decides admission; the scheduler owns queues and timers.
 *
 * The server counts a request when it processes it, which is some time between our send and our receipt of
 * the answer (a busy server queues requests). So a request counts in every window from the moment it is sent
 * until one window after its answer came back; then any window the server sees holds at most the limit.
 */
export type PauseReason = 'retryAfter' | 'rateLimitReset' | 'backoff' | 'unauthorized';

export interface RequestShape {
  method: string;
  path: string;
  bulk: boolean;
}

export type Admission =
  | { ok: true }
  | { ok: false; reason: 'paused' | 'window' | 'daily' | 'sensitive'; at: number }
  /** `at` is set when requests a stopped worker left in flight hold the slots: they time out, nobody answers them. */
  | { ok: false; reason: 'concurrency'; at: number | null };

export interface PersistedBudget {
  v: 2;
  savedAt: number;
  /** When the answers of recent requests came back (sorted). */
  completed: number[];
  daily: Array<[bucketEnd: number, count: number]>;
  sensitive: Record<string, number[]>;
  inFlight: Array<[cls: RequestClass, startedAt: number]>;
  pause: { until: number; reason: PauseReason } | null;
  factors: Record<RequestClass, number>;
  /** A slowly decaying maximum of recent answer times: how long an orphaned request may still run. */
  slowestMs: number;
}

interface Flight {
  cls: RequestClass;
  startedAt: number;
  /** In flight when a previous worker stopped: the server may still be running it. */
  orphanUntil?: number;
}

const MIN_FACTOR = 0.1;
const DAILY_BUCKETS = 1440;

export class Budget {
  private completed: number[] = [];
  private daily = new Map<number, number>();
  private sensitive = new Map<string, number[]>();
  private flights = new Map<number, Flight>();
  private nextId = 1;
  pause: { until: number; reason: PauseReason } | null = null;
  factors: Record<RequestClass, number> = { read: 1, write: 1 };
  private slowestMs = 1_000;

  constructor(
    /** Replaced when the user changes the portal's limits; what was spent stays. */
    public limits: EffectiveLimits,
    /** How long a request the previous worker left in flight is assumed to hold its slot; by default from recent answer times. */
    private readonly orphanHoldMs?: number,
  ) {}

  /** Four times the slowest recent answer, at least 2 s and at most the 25 s request timeout. */
  orphanHold(): number {
    return this.orphanHoldMs ?? Math.min(25_000, Math.max(2_000, 4 * this.slowestMs));
  }

  /** A worker that finds no saved state assumes the last window was full: it cannot know what was spent. */
  static restore(
    limits: EffectiveLimits,
    saved: PersistedBudget | undefined,
    now: number,
    orphanHoldMs?: number,
  ): Budget {
    const budget = new Budget(limits, orphanHoldMs);
    if (!saved || saved.v !== 2) {
      const fullest = Math.max(...limits.windows.map((w) => w.limit), 0);
      budget.completed = Array.from({ length: fullest }, () => now);
      return budget;
    }
    budget.completed = [...saved.completed].sort((a, b) => a - b);
    budget.daily = new Map(saved.daily);
    budget.sensitive = new Map(Object.entries(saved.sensitive));
    budget.pause = saved.pause && saved.pause.until > now ? saved.pause : null;
    budget.factors = { read: saved.factors.read ?? 1, write: saved.factors.write ?? 1 };
    budget.slowestMs = saved.slowestMs ?? 25_000;
    for (const [cls, startedAt] of saved.inFlight) {
      budget.flights.set(budget.nextId++, { cls, startedAt, orphanUntil: startedAt + budget.orphanHold() });
    }
    budget.prune(now);
    return budget;
  }

  /** A new sign-in starts from an empty, known budget. */
  static fresh(limits: EffectiveLimits, orphanHoldMs?: number): Budget {
    return new Budget(limits, orphanHoldMs);
  }

  windowSpan(windowMs: number): number {
    // Windows already run from the answer, after the server saw the request; 10 ms covers timer slack.
    return windowMs + 10;
  }

  concurrencyCap(cls: RequestClass): number {
    const base = cls === 'read' ? this.limits.concurrentReads : this.limits.concurrentWrites;
    return Math.max(1, Math.floor(base * this.factors[cls]));
  }

  inFlight(cls: RequestClass, now: number): number {
    let n = 0;
    for (const flight of this.flights.values()) {
      if (flight.cls === cls && (flight.orphanUntil === undefined || flight.orphanUntil > now)) n++;
    }
    return n;
  }

  /** Requests that count in a window of `windowMs` ending now: all in flight, plus answers less than a window old. */
  usedInWindow(windowMs: number, now: number): number {
    return this.flightsNow(now) + this.completedSince(now - this.windowSpan(windowMs));
  }

  private firstOrphanEnd(now: number, cls?: RequestClass): number | null {
    let first: number | null = null;
    for (const flight of this.flights.values()) {
      if (flight.orphanUntil === undefined || flight.orphanUntil <= now || (cls && flight.cls !== cls)) continue;
      first = first === null ? flight.orphanUntil : Math.min(first, flight.orphanUntil);
    }
    return first;
  }

  private flightsNow(now: number): number {
    let n = 0;
    for (const flight of this.flights.values()) if (flight.orphanUntil === undefined || flight.orphanUntil > now) n++;
    return n;
  }

  /** Count of completions strictly after `since` (binary search: `completed` is sorted). */
  private completedSince(since: number): number {
    let lo = 0;
    let hi = this.completed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.completed[mid]! > since) hi = mid;
      else lo = mid + 1;
    }
    return this.completed.length - lo;
  }

  dailyUsed(now: number): number {
    let n = 0;
    for (const [end, count] of this.daily) if (end > now - this.limits.dailyWindowMs) n += count;
    return n;
  }

  admit(request: RequestShape, now: number): Admission {
    this.prune(now);
    if (this.pause && this.pause.until > now) return { ok: false, reason: 'paused', at: this.pause.until };
    this.pause = null;

    let windowAt = 0;
    this.limits.windows.forEach((w, i) => {
      const limit = request.bulk ? w.limit - (this.limits.windowReserve[i] ?? 0) : w.limit;
      const span = this.windowSpan(w.windowMs);
      const flying = this.flightsNow(now);
      const recent = this.completedSince(now - span);
      if (flying + recent >= limit) {
        // A slot frees when enough answers age out of the window; if requests in flight alone fill it, when one answers.
        const mustLeave = flying + recent - limit + 1;
        const freedBy =
          mustLeave <= recent ? this.completed[this.completed.length - recent + mustLeave - 1] : undefined;
        windowAt = Math.max(
          windowAt,
          freedBy === undefined ? (this.firstOrphanEnd(now) ?? Number.POSITIVE_INFINITY) : freedBy + span + 1,
        );
      }
    });
    if (windowAt > 0) return { ok: false, reason: 'window', at: windowAt };

    if (countsAsDailyWrite(request.method) && this.dailyUsed(now) >= this.limits.dailyWrites) {
      const oldest = Math.min(...[...this.daily.keys()].filter((end) => end > now - this.limits.dailyWindowMs));
      return { ok: false, reason: 'daily', at: oldest + this.limits.dailyWindowMs + 1 };
    }

    const sensitive = sensitiveKey(this.limits, request.method, request.path);
    if (sensitive) {
      const times = this.sensitive.get(sensitive) ?? [];
      const span = this.windowSpan(this.limits.sensitiveWindowMs);
      const recent = times.filter((t) => t > now - span);
      if (recent.length >= this.limits.sensitiveLimit) {
        return { ok: false, reason: 'sensitive', at: recent[recent.length - this.limits.sensitiveLimit]! + span + 1 };
      }
    }

    const cls = requestClass(request.method);
    const reserve = request.bulk ? (cls === 'read' ? this.limits.readReserve : this.limits.writeReserve) : 0;
    const cap = Math.max(1, this.concurrencyCap(cls) - reserve);
    if (this.inFlight(cls, now) >= cap) return { ok: false, reason: 'concurrency', at: this.firstOrphanEnd(now, cls) };
    return { ok: true };
  }

  /** Records a send; the caller must have had `admit` say yes at this same `now`. */
  start(request: RequestShape, now: number): number {
    if (countsAsDailyWrite(request.method)) {
      const size = Math.max(1, Math.floor(this.limits.dailyWindowMs / DAILY_BUCKETS));
      const end = Math.ceil((now + 1) / size) * size;
      this.daily.set(end, (this.daily.get(end) ?? 0) + 1);
    }
    const sensitive = sensitiveKey(this.limits, request.method, request.path);
    if (sensitive) this.sensitive.set(sensitive, [...(this.sensitive.get(sensitive) ?? []), now]);
    const id = this.nextId++;
    this.flights.set(id, { cls: requestClass(request.method), startedAt: now });
    return id;
  }

  finish(id: number, now: number): void {
    const flight = this.flights.get(id);
    if (!flight) return;
    this.flights.delete(id);
    this.addCompleted(now);
    this.slowestMs = Math.max(now - flight.startedAt, Math.round(this.slowestMs * 0.98));
  }

  private addCompleted(at: number): void {
    let i = this.completed.length;
    while (i > 0 && this.completed[i - 1]! > at) i--;
    this.completed.splice(i, 0, at);
  }

  /** The server refused (429/503): pause the whole account, or back off and lower that class's concurrency. */
  refused(cls: RequestClass, now: number, retryAfterMs: number | undefined, backoffMs: number): void {
    if (retryAfterMs !== undefined) {
      this.extendPause(now + retryAfterMs, 'retryAfter');
      return;
    }
    // A burst of refusals answers one overload: halve once per backoff, not once per refused request.
    if (!(this.pause && this.pause.reason === 'backoff' && this.pause.until > now)) {
      this.factors[cls] = Math.max(MIN_FACTOR, this.factors[cls] / 2);
    }
    this.extendPause(now + backoffMs, 'backoff');
  }

  /** Additive increase: each success wins back a little of the concurrency a refusal took. */
  succeeded(cls: RequestClass): void {
    if (this.factors[cls] < 1) this.factors[cls] = Math.min(1, this.factors[cls] + 0.02);
  }

  /**
   * X-RateLimit-Remaining says how much the server thinks is left; if that is less than we think, count the
   * difference as spent now (never the other way: the user's own tab may be spending too). The header's
   * limit tells which window it is about (1500 → the minute window; 50/15 are concurrency limits).
   */
  resync(limit: number, remaining: number, resetAt: number | undefined, now: number, serverSaidWhen: boolean): void {
    const window = this.limits.windows.find(
      (w) => Math.abs(w.limit - limit) <= Math.ceil(limit * 0.5) && limit >= w.limit,
    );
    // With Retry-After the server said when to come back; without it, assume its window stays full for a whole window.
    if (window && !serverSaidWhen) {
      const used = this.usedInWindow(window.windowMs, now);
      const serverUsed = Math.min(window.limit, Math.max(0, limit - remaining));
      for (let i = used; i < serverUsed; i++) this.addCompleted(now);
    }
    if (remaining <= 0 && resetAt !== undefined && resetAt > now) this.extendPause(resetAt, 'rateLimitReset');
  }

  extendPause(until: number, reason: PauseReason): void {
    if (!this.pause || this.pause.until < until) this.pause = { until, reason };
  }

  toPersisted(now: number): PersistedBudget {
    this.prune(now);
    return {
      v: 2,
      savedAt: now,
      completed: [...this.completed],
      daily: [...this.daily],
      sensitive: Object.fromEntries(this.sensitive),
      inFlight: [...this.flights.values()]
        .filter((f) => f.orphanUntil === undefined || f.orphanUntil > now)
        .map((f) => [f.cls, f.startedAt]),
      pause: this.pause,
      factors: { ...this.factors },
      slowestMs: this.slowestMs,
    };
  }

  private prune(now: number): void {
    // A request the previous worker left in flight counts as answered when its hold ends.
    for (const [id, flight] of this.flights) {
      if (flight.orphanUntil !== undefined && flight.orphanUntil <= now) {
        this.flights.delete(id);
        this.addCompleted(flight.orphanUntil);
      }
    }
    const longest = Math.max(...this.limits.windows.map((w) => this.windowSpan(w.windowMs)), 0);
    let drop = 0;
    while (drop < this.completed.length && this.completed[drop]! <= now - longest) drop++;
    if (drop > 0) this.completed.splice(0, drop);
    for (const end of this.daily.keys()) if (end <= now - this.limits.dailyWindowMs) this.daily.delete(end);
    const span = this.windowSpan(this.limits.sensitiveWindowMs);
    for (const [key, times] of this.sensitive) {
      const kept = times.filter((t) => t > now - span);
      if (kept.length === 0) this.sensitive.delete(key);
      else this.sensitive.set(key, kept);
    }
  }
}

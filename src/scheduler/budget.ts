import { DailyAndSensitive } from './daily-and-sensitive.ts';
import { requestClass, type EffectiveLimits, type RequestClass } from './limits.ts';
import { laterPause, type Pause } from './pause.ts';
import { TimeLedger, kthAfter } from './time-ledger.ts';
import { Traffic } from './traffic.ts';
import { WindowShares } from './window-share.ts';

export type { PersistedBudget } from './budget-persistence.ts';
export type { Pause, PauseReason } from './pause.ts';

/**
 * What one portal + account has spent, as pure data over an injected time, and whether one more request
 * fits. The scheduler owns queues and timers; feedback.ts turns the server's answers into changes here.
 *
 * Three kinds of traffic share every window: the extension's own, what it observes from the user's DocSpace
 * tabs, and unknown others (what the server's X-RateLimit headers say beyond those two, or what a worker
 * with no saved state must assume). The server counts a request when it processes it, which is some time
 * between its send and its answer, so the extension's and the observed requests count from the send until
 * one window after the answer; then any window the server sees holds at most the limit.
 */
export interface RequestShape {
  method: string;
  path: string;
  bulk: boolean;
  /** A click: takes any free slot, including the headroom kept for others. */
  interactive?: boolean;
}

export type Admission =
  | { ok: true }
  | { ok: false; reason: 'paused' | 'window' | 'daily' | 'sensitive'; at: number }
  /** `at` is set when a slot frees by itself (an orphan's hold ends, a reserve is let go). */
  | { ok: false; reason: 'concurrency'; at: number | null };

export interface Holding {
  /** Until when bulk work keeps the interactive reserve free (an extension page or a DocSpace tab in use). */
  reserveUntil: number;
}

const MIN_FACTOR = 0.1;
/** Share of a window non-interactive work leaves free while unknown others were seen in the last window. */
export const OTHERS_HEADROOM = 0.02;

export class Budget {
  readonly own = new Traffic();
  /** When the extension's requests that were not refused were sent: what the server has counted. */
  readonly ownSent = new TimeLedger();
  /** Requests seen going to the portal from the user's DocSpace tabs. */
  readonly observed = new Traffic();
  /** Since when the tabs have been sending without a pause of a whole window (null: not lately). */
  private tabStreak: { from: number; last: number } | null = null;
  /** Per window name. */
  readonly unknown = new Map<string, TimeLedger>();
  private readonly missedObserved = new Set<string>();
  /** Per window name: the last time a non-refusal answer carried that window's X-RateLimit headers. */
  readonly answerHeadersAt = new Map<string, number>();
  /** The last time others were seen: a header counted some, or the server refused. */
  othersSeenAt = Number.NEGATIVE_INFINITY;
  readonly special = new DailyAndSensitive(() => this.limits);
  nextId = 1;
  pause: Pause | null = null;
  factors: Record<RequestClass, number> = { read: 1, write: 1 };
  shares = new WindowShares();
  slowestMs = 1_000;

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

  /** A new sign-in starts from an empty, known budget. */
  static fresh(limits: EffectiveLimits, orphanHoldMs?: number): Budget {
    return new Budget(limits, orphanHoldMs);
  }

  windowSpan(windowMs: number): number {
    // Windows already run from the answer, after the server saw the request; 10 ms covers timer slack.
    return windowMs + 10;
  }

  private longestSpan(): number {
    return Math.max(...this.limits.windows.map((w) => this.windowSpan(w.windowMs)), 0);
  }

  othersSeen(now: number): boolean {
    return now < this.othersSeenAt + this.longestSpan();
  }

  concurrencyCap(cls: RequestClass): number {
    const base = cls === 'read' ? this.limits.concurrentReads : this.limits.concurrentWrites;
    return Math.max(1, Math.floor(base * this.factors[cls]));
  }

  inFlight(cls: RequestClass, now: number): number {
    return this.own.inFlight(now, cls) + this.observed.inFlight(now, cls);
  }

  private unknownIn(name: string): TimeLedger {
    let ledger = this.unknown.get(name);
    if (!ledger) this.unknown.set(name, (ledger = new TimeLedger()));
    return ledger;
  }

  /** Of window `index` now: the extension's requests, the observed tabs', and unknown others'. */
  usedParts(index: number, now: number): { ours: number; tabs: number; others: number } {
    const w = this.limits.windows[index]!;
    const span = this.windowSpan(w.windowMs);
    return {
      ours: this.own.countIn(span, now),
      tabs: this.observed.countIn(span, now),
      others: this.unknownIn(w.name).countAfter(now - span),
    };
  }

  /** What this request may fill window `index` up to: the share, less what is held for others. */
  windowCap(index: number, request: Pick<RequestShape, 'bulk' | 'interactive'>, now: number, holding: Holding): number {
    const w = this.limits.windows[index]!;
    const allowed = Math.max(1, Math.floor(w.limit * this.shares.get(w.name)));
    if (request.interactive) return allowed;
    let cap = allowed;
    if (this.othersSeen(now)) cap -= Math.min(cap - 1, Math.ceil(allowed * OTHERS_HEADROOM));
    if (request.bulk && holding.reserveUntil > now)
      cap -= Math.min(cap - 1, Math.ceil(allowed * this.limits.interactiveReserve));
    return cap;
  }

  private firstOrphanEnd(now: number, cls?: RequestClass): number | null {
    const ends = [this.own.firstOrphanEnd(now, cls), this.observed.firstOrphanEnd(now, cls)];
    const known = ends.filter((t): t is number => t !== null);
    return known.length > 0 ? Math.min(...known) : null;
  }

  /** When what is held back for others ends by itself (then a waiting request may fit). */
  private holdEnds(request: RequestShape, now: number, holding: Holding): number {
    const ends: number[] = [];
    if (this.othersSeen(now) && !request.interactive) ends.push(this.othersSeenAt + this.longestSpan());
    if (request.bulk && holding.reserveUntil > now) ends.push(holding.reserveUntil);
    // The first hold to end raises the cap: try again then.
    return ends.length > 0 ? Math.min(...ends) + 1 : Number.POSITIVE_INFINITY;
  }

  dailyUsed(now: number): number {
    return this.special.dailyUsed(now);
  }

  admit(request: RequestShape, now: number, holding: Holding = { reserveUntil: Number.POSITIVE_INFINITY }): Admission {
    this.prune(now);
    if (this.pause && this.pause.until > now) return { ok: false, reason: 'paused', at: this.pause.until };
    this.pause = null;

    let windowAt = 0;
    this.limits.windows.forEach((w, i) => {
      const cap = this.windowCap(i, request, now, holding);
      const span = this.windowSpan(w.windowMs);
      const unknown = this.unknownIn(w.name);
      const used = this.own.countIn(span, now) + this.observed.countIn(span, now) + unknown.countAfter(now - span);
      const coming = request.interactive ? 0 : this.tabsStillComing(span, now);
      if (used + coming < cap) return;
      // Held only for the tab's expected share: that estimate shrinks as the tab's window fills, look again soon.
      if (used < cap) return void (windowAt = Math.max(windowAt, now + Math.max(50, Math.round(span / 40))));
      // A slot frees when enough answers age out of the window; if requests in flight alone fill it, when one answers.
      const freedBy = kthAfter([this.own.completed, this.observed.completed, unknown], now - span, used - cap + 1);
      let at = freedBy === undefined ? (this.firstOrphanEnd(now) ?? Number.POSITIVE_INFINITY) : freedBy + span + 1;
      if (used < Math.max(1, Math.floor(w.limit * this.shares.get(w.name))))
        at = Math.min(at, this.holdEnds(request, now, holding));
      windowAt = Math.max(windowAt, at);
    });
    if (windowAt > 0) return { ok: false, reason: 'window', at: windowAt };

    const special = this.special.blockedUntil(request.method, request.path, now);
    if (special) return { ok: false, ...special };

    const cls = requestClass(request.method);
    const held = request.bulk && (holding.reserveUntil > now || this.othersSeen(now));
    const reserve = held ? (cls === 'read' ? this.limits.readReserve : this.limits.writeReserve) : 0;
    const full = this.concurrencyCap(cls);
    const inFlight = this.inFlight(cls, now);
    if (inFlight >= Math.max(1, full - reserve)) {
      const orphanEnd = this.firstOrphanEnd(now, cls);
      const holdEnd = inFlight < full ? this.holdEnds(request, now, holding) : Number.POSITIVE_INFINITY;
      const at = Math.min(orphanEnd ?? Number.POSITIVE_INFINITY, holdEnd);
      return { ok: false, reason: 'concurrency', at: Number.isFinite(at) ? at : null };
    }
    return { ok: true };
  }

  /** Records a send; the caller must have had `admit` say yes at this same `now`. */
  start(request: RequestShape, now: number): number {
    this.special.record(request.method, request.path, now);
    const id = this.nextId++;
    this.own.start(String(id), requestClass(request.method), now);
    return id;
  }

  /** The answer came (or the attempt failed, or was refused); returns when the request was sent. */
  finish(id: number, now: number, refused = false): number | undefined {
    const flight = this.own.finish(String(id), now);
    if (!flight) return undefined;
    if (!refused) this.ownSent.add(flight.startedAt);
    this.slowestMs = Math.max(now - flight.startedAt, Math.round(this.slowestMs * 0.98));
    return flight.startedAt;
  }

  /** A request from a DocSpace tab left at `at`; `holdMs` later it counts as answered if no end was seen. */
  observeStart(id: string, cls: RequestClass, at: number, holdMs: number): void {
    this.observed.start(id, cls, at, at + holdMs);
    const streak = this.tabStreak;
    this.tabStreak =
      streak && at - streak.last <= this.longestSpan() ? { from: streak.from, last: at } : { from: at, last: at };
  }

  /**
   * Requests the tabs will have in a window that starts now, beyond those already in it: a tab that began to work
   * less than a window ago will go on at its rate, so bulk work leaves room for the rest of its window too (else
   * the window fills before the tab's share has arrived, and the tab is refused).
   */
  private tabsStillComing(span: number, now: number): number {
    const streak = this.tabStreak;
    if (!streak || now - streak.last > span) return 0;
    const elapsed = now - streak.from;
    // A burst of a moment says nothing about a rate; a full window already holds the tab's share.
    if (elapsed < span / 4 || elapsed >= span) return 0;
    const seen = this.observed.countIn(span, now);
    return Math.ceil((seen * span) / elapsed) - seen;
  }

  /** Its answer came at `at`. An end with no start (the observer started late) still counts, once. */
  observeEnd(id: string, at: number): { startedAt: number } | null {
    const flight = this.observed.finish(id, at);
    if (flight) return { startedAt: flight.startedAt };
    if (!this.missedObserved.delete(id)) this.observed.completed.add(at);
    return null;
  }

  private concurrencyCutAt: Record<RequestClass, number> = {
    read: Number.NEGATIVE_INFINITY,
    write: Number.NEGATIVE_INFINITY,
  };

  /**
   * Halves a class's concurrency once per episode: a burst of refusals answers one overload (requests sent
   * before the last cut, or refused while its backoff runs, are the same episode). True when it did.
   */
  cutConcurrency(cls: RequestClass, now: number, sentAt = now): boolean {
    if (sentAt < this.concurrencyCutAt[cls]) return false;
    if (this.pause && this.pause.reason === 'backoff' && this.pause.until > now) return false;
    this.factors[cls] = Math.max(MIN_FACTOR, this.factors[cls] / 2);
    this.concurrencyCutAt[cls] = now;
    return true;
  }

  /** Additive increase: each success wins back a little of the concurrency and the window share a refusal took. */
  succeeded(cls: RequestClass, now: number): void {
    if (this.factors[cls] < 1) this.factors[cls] = Math.min(1, this.factors[cls] + 0.02);
    const longest = Math.max(...this.limits.windows.map((w) => w.windowMs));
    for (const w of this.limits.windows) this.shares.grow(w.name, w.limit, longest, now);
  }

  extendPause(pause: Pause): void {
    this.pause = laterPause(this.pause, pause);
  }

  /** Forgets what the server's headers made us assume about others (the user said "resume now"). */
  forgetUnknown(): void {
    this.unknown.clear();
    this.othersSeenAt = Number.NEGATIVE_INFINITY;
  }

  prune(now: number): void {
    // Requests the previous worker left in flight, and tab requests whose end was missed, count as answered when their hold ends.
    this.own.settleOrphans(now);
    for (const id of this.observed.settleOrphans(now)) this.missedObserved.add(id);
    if (this.missedObserved.size > 1_000) this.missedObserved.clear();
    const longest = this.longestSpan();
    this.own.completed.dropUpTo(now - longest);
    this.ownSent.dropUpTo(now - longest);
    this.observed.completed.dropUpTo(now - longest);
    for (const w of this.limits.windows) this.unknown.get(w.name)?.dropUpTo(now - this.windowSpan(w.windowMs));
    this.special.prune(now);
  }
}

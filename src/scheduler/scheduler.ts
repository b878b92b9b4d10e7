import { AppError, appError } from '../errors/index.ts';
import type { SchedulerEvent, SchedulerSnapshot } from '../protocol/index.ts';
import { Budget, type PersistedBudget, type RequestShape } from './budget.ts';
import type { Clock } from './clock.ts';
import { countsAsDailyWrite, effectiveLimits, requestClass, type LimitSettings, type RequestClass } from './limits.ts';
import type { Lane, RequestExecutor, RequestTicket, SendContext } from './request-executor.ts';
import { backoffDelay, isIdempotentMethod, verdictFor, type BackoffOptions } from './retry-policy.ts';
import { CoalescedWriter } from '../storage/coalesced-writer.ts';
import { cancelled } from './simple-queue.ts';

/** Where the budget lives between worker lives (storage.local in the extension, a Map in tests). */
export interface BudgetStore {
  load(key: string): Promise<PersistedBudget | undefined>;
  save(key: string, budget: PersistedBudget): Promise<void>;
}

export interface SchedulerOptions {
  key: string;
  settings: LimitSettings;
  clock: Clock;
  store: BudgetStore;
  /** True when this account was just signed in: its budget is known to be empty. */
  fresh?: boolean;
  random?: () => number;
  /** How long a waiting bulk request may be passed over before it is ordered like user work. */
  agingMs?: number;
  backoff?: BackoffOptions;
  /** Refusals (429/503) one request may meet before its caller is told. */
  maxRefusals?: number;
  /** Retries after network errors, timeouts, 408/502/504 (and checked writes). */
  maxRetries?: number;
  orphanHoldMs?: number;
  /** An account's scheduler waits for a new sign-in after a 401; the one for calls before sign-in must not. */
  haltOnUnauthorized?: boolean;
  onChange?: () => void;
}

interface Waiting {
  seq: number;
  taken: boolean;
  /** Removes the abort listener from the caller's signal once the request leaves the queue. */
  detach: AbortController;
  ticket: RequestTicket<unknown>;
  shape: RequestShape;
  cls: RequestClass;
  enqueuedAt: number;
  grant: (slot: Slot) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  id: number;
  cls: RequestClass;
  detach: AbortController;
  controller: AbortController;
  supersedeKey: string | undefined;
}

/**
 * One scheduler per portal + account. Every request waits here until all limits allow it, its spending is
 * written to storage before it is sent, and what the server answers (refusals, Retry-After, rate-limit
 * headers, 401) steers what comes next.
 */
export class Scheduler implements RequestExecutor {
  private budget!: Budget;
  readonly ready: Promise<void>;
  /** FIFO per lane, each ordered by seq (a refused request keeps its place when it queues again). */
  private lanes: Record<Lane, Waiting[]> = { interactive: [], user: [], bulk: [] };
  private seq = 0;
  private timer: unknown = null;
  private timerAt = Infinity;
  private readonly active = new Set<Slot>();
  private halted: 'unauthorized' | null = null;
  private recent: SchedulerEvent[] = [];
  private readonly writer = new CoalescedWriter(() =>
    this.options.store.save(this.options.key, this.budget.toPersisted(this.options.clock.now())),
  );
  private lazySave: unknown = null;
  private readonly random: () => number;

  constructor(private readonly options: SchedulerOptions) {
    this.random = options.random ?? Math.random;
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    const limits = effectiveLimits(this.options.settings);
    const now = this.options.clock.now();
    this.budget = this.options.fresh
      ? Budget.fresh(limits, this.options.orphanHoldMs)
      : Budget.restore(limits, await this.options.store.load(this.options.key), now, this.options.orphanHoldMs);
    await this.flush();
  }

  async run<T>(ticket: RequestTicket<T>, send: (context: SendContext) => Promise<T>): Promise<T> {
    await this.ready;
    const idempotent = ticket.idempotent ?? isIdempotentMethod(ticket.method);
    const cls = requestClass(ticket.method);
    let refusals = 0;
    let retries = 0;
    const firstEnqueue = this.options.clock.now();
    const place = this.seq++;
    for (;;) {
      const slot = await this.acquire(ticket as RequestTicket<unknown>, firstEnqueue, place);
      try {
        const value = await send({
          signal: slot.controller.signal,
          observe: (status, headers) => this.observe(status, headers),
        });
        this.release(slot, true);
        return value;
      } catch (error) {
        this.release(slot, false);
        if (
          ticket.signal?.aborted ||
          (slot.controller.signal.aborted && !(error instanceof AppError && error.code === 'timeout'))
        ) {
          throw cancelled();
        }
        const verdict = verdictFor(error, idempotent);
        if (verdict === 'refused') {
          const refusal = error as AppError;
          refusals++;
          const retryAfterMs =
            refusal.retryAfterSeconds === undefined ? undefined : Math.max(1, refusal.retryAfterSeconds) * 1000;
          const backoffMs = backoffDelay(refusals, this.random, this.options.backoff ?? { baseMs: 500, capMs: 30_000 });
          this.budget.refused(cls, this.options.clock.now(), retryAfterMs, Math.max(100, backoffMs));
          this.note('refused', refusal.status, refusal.message);
          this.changed();
          if (refusals > (this.options.maxRefusals ?? 12)) throw error;
          continue;
        }
        if (retries >= (ticket.maxRetries ?? this.options.maxRetries ?? 3)) throw error;
        if (verdict === 'retry') {
          retries++;
          this.note('retry', (error as AppError).status, (error as AppError).message);
          await this.sleep(
            backoffDelay(retries, this.random, this.options.backoff ?? { baseMs: 500, capMs: 30_000 }),
            ticket.signal,
          );
          continue;
        }
        if (verdict === 'checkFirst') {
          if (!ticket.checkOutcome) throw unknownOutcome(error);
          retries++;
          const outcome = await ticket.checkOutcome();
          if (outcome.happened) return outcome.value;
          continue;
        }
        throw error;
      }
    }
  }

  /** The account's sign-in was refused: nothing more is sent until `resume` (what waits stays queued). */
  halt(): void {
    if (this.halted) return;
    this.halted = 'unauthorized';
    this.note('error', 401, 'sessionRejected');
    this.changed();
  }

  /** The account was signed in again: send what waited. */
  resume(): void {
    this.halted = null;
    this.changed();
    this.pump();
  }

  /** New numbers for the same account: what was spent stays spent. */
  updateSettings(settings: LimitSettings): void {
    this.budget.limits = effectiveLimits(settings);
    this.changed();
    this.pump();
  }

  /** The account was signed out: nothing waiting will be sent, what is on the wire is aborted. */
  dispose(): void {
    for (const lane of Object.keys(this.lanes) as Lane[]) {
      for (const entry of this.lanes[lane]) {
        entry.detach.abort();
        entry.reject(cancelled());
      }
      this.lanes[lane] = [];
    }
    for (const slot of this.active) slot.controller.abort();
    if (this.timer !== null) this.options.clock.clearTimer(this.timer);
    this.timer = null;
  }

  /**
   * How long the portal may still be working on a request whose answer we never saw (the worker stopped, the
   * connection reset): the time a stopped worker's requests hold their slots, from recent answer times.
   */
  settleTimeMs(): number {
    return this.budget.orphanHold();
  }

  /** Time the next waiting request could go, for an alarm when the pause outlives the worker. */
  nextWakeAt(): number | null {
    return this.queued() > 0 && Number.isFinite(this.timerAt) ? this.timerAt : null;
  }

  private queued(): number {
    return this.lanes.interactive.length + this.lanes.user.length + this.lanes.bulk.length;
  }

  snapshot(): SchedulerSnapshot {
    const now = this.options.clock.now();
    const budget = this.budget;
    const limits = budget.limits;
    const queued = {
      interactive: this.lanes.interactive.length,
      user: this.lanes.user.length,
      bulk: this.lanes.bulk.length,
    };
    return {
      key: this.options.key,
      at: now,
      windows: limits.windows.map((w) => ({
        name: w.name,
        used: Math.min(w.limit, budget.usedInWindow(w.windowMs, now)),
        limit: w.limit,
        windowMs: w.windowMs,
      })),
      concurrency: {
        read: {
          inFlight: budget.inFlight('read', now),
          cap: budget.concurrencyCap('read'),
          limit: limits.concurrentReads,
        },
        write: {
          inFlight: budget.inFlight('write', now),
          cap: budget.concurrencyCap('write'),
          limit: limits.concurrentWrites,
        },
      },
      dailyWrites: { used: budget.dailyUsed(now), limit: limits.dailyWrites },
      pause: this.halted
        ? { until: null, reason: this.halted }
        : budget.pause && budget.pause.until > now
          ? { until: budget.pause.until, reason: budget.pause.reason }
          : null,
      queued,
      recent: [...this.recent],
    };
  }

  private acquire(ticket: RequestTicket<unknown>, enqueuedAt: number, seq: number): Promise<Slot> {
    return new Promise<Slot>((resolve, reject) => {
      if (ticket.signal?.aborted) {
        reject(cancelled());
        return;
      }
      if (ticket.supersedeKey) this.supersede(ticket.supersedeKey);
      const entry: Waiting = {
        seq,
        taken: false,
        detach: new AbortController(),
        ticket,
        shape: { method: ticket.method, path: ticket.path, bulk: ticket.lane === 'bulk' },
        cls: requestClass(ticket.method),
        enqueuedAt,
        grant: resolve,
        reject,
      };
      // A long job's signal sees thousands of requests: every listener is removed again (the `signal` option).
      ticket.signal?.addEventListener(
        'abort',
        () => {
          if (this.dequeue(entry)) reject(cancelled());
        },
        { once: true, signal: entry.detach.signal },
      );
      const lane = this.lanes[ticket.lane];
      let at = lane.length;
      while (at > 0 && lane[at - 1]!.seq > seq) at--;
      lane.splice(at, 0, entry);
      this.changed();
      this.pump();
    });
  }

  private supersede(key: string): void {
    for (const lane of Object.values(this.lanes)) {
      for (const entry of lane.filter((e) => e.ticket.supersedeKey === key))
        if (this.dequeue(entry)) entry.reject(cancelled());
    }
    for (const slot of this.active) if (slot.supersedeKey === key) slot.controller.abort();
  }

  private dequeue(entry: Waiting): boolean {
    const lane = this.lanes[entry.ticket.lane];
    const index = lane.indexOf(entry);
    if (index < 0) return false;
    lane.splice(index, 1);
    entry.detach.abort();
    this.changed();
    return true;
  }

  /** Interactive first; then user work and bulk work that has waited past `agingMs`, by age; then other bulk work. */
  private *ordered(now: number): Generator<Waiting> {
    yield* this.lanes.interactive;
    const agingMs = this.options.agingMs ?? 5_000;
    const bulk = this.lanes.bulk;
    let aged = 0;
    while (aged < bulk.length && now - bulk[aged]!.enqueuedAt >= agingMs) aged++;
    const user = this.lanes.user;
    let u = 0;
    let b = 0;
    while (u < user.length || b < aged) {
      if (b >= aged || (u < user.length && user[u]!.seq < bulk[b]!.seq)) yield user[u++]!;
      else yield bulk[b++]!;
    }
    for (let i = aged; i < bulk.length; i++) yield bulk[i]!;
  }

  private pump(): void {
    if (!this.budget || this.halted || this.queued() === 0) return;
    const now = this.options.clock.now();
    let wakeAt = Infinity;
    let granted = 0;
    // A refusal for one kind of request (class, bulk or not) holds for every later one of that kind in this pass.
    const blocked = new Set<string>();
    for (const entry of this.ordered(now)) {
      if (blocked.has('all')) break;
      const kind = `${entry.cls}:${entry.shape.bulk}`;
      if (blocked.has(kind) || (entry.shape.bulk && blocked.has('bulk'))) continue;
      if (blocked.has('daily') && countsAsDailyWrite(entry.shape.method)) continue;
      const admission = this.budget.admit(entry.shape, now);
      if (admission.ok) {
        entry.taken = true;
        granted++;
        this.launch(entry, now);
        continue;
      }
      if (admission.reason === 'concurrency') {
        if (admission.at !== null) wakeAt = Math.min(wakeAt, admission.at);
        blocked.add(kind);
        continue;
      }
      wakeAt = Math.min(wakeAt, admission.at);
      if (admission.reason === 'paused') break;
      if (admission.reason === 'window') blocked.add(entry.shape.bulk ? 'bulk' : 'all');
      if (admission.reason === 'daily') blocked.add('daily');
    }
    if (granted > 0)
      for (const lane of Object.keys(this.lanes) as Lane[]) this.lanes[lane] = this.lanes[lane].filter((e) => !e.taken);
    this.arm(wakeAt);
    this.changed();
  }

  private launch(entry: Waiting, now: number): void {
    const id = this.budget.start(entry.shape, now);
    entry.detach.abort();
    const controller = new AbortController();
    const detach = new AbortController();
    entry.ticket.signal?.addEventListener('abort', () => controller.abort(), { once: true, signal: detach.signal });
    const slot: Slot = { id, cls: entry.cls, controller, detach, supersedeKey: entry.ticket.supersedeKey };
    this.active.add(slot);
    // Write-ahead: the spending is in storage before the request leaves.
    this.flush().then(
      () => entry.grant(slot),
      (error: unknown) => {
        this.release(slot, false);
        entry.reject(appError('budgetNotRecorded', { detail: String(error) }));
      },
    );
  }

  private arm(wanted: number): void {
    if (!Number.isFinite(wanted)) return;
    const at = Math.max(wanted, this.options.clock.now() + 1);
    if (this.timer !== null && this.timerAt <= at) return;
    if (this.timer !== null) this.options.clock.clearTimer(this.timer);
    this.timerAt = at;
    this.timer = this.options.clock.setTimer(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.pump();
    }, at - this.options.clock.now());
  }

  private release(slot: Slot, ok: boolean): void {
    if (!this.active.delete(slot)) return;
    slot.detach.abort();
    this.budget.finish(slot.id, this.options.clock.now());
    if (ok) this.budget.succeeded(slot.cls);
    this.writer.touch();
    this.saveSoon();
    this.pump();
  }

  private observe(status: number, headers: Headers): void {
    const now = this.options.clock.now();
    if (status === 401 && this.options.haltOnUnauthorized !== false) {
      this.halted = 'unauthorized';
      this.note('error', 401, 'The portal refused the sign-in; waiting for a new one.');
    }
    const limit = Number(headers.get('X-RateLimit-Limit'));
    const remaining = headers.get('X-RateLimit-Remaining');
    if (Number.isFinite(limit) && limit > 0 && remaining !== null && remaining.trim() !== '') {
      const reset = Number(headers.get('X-RateLimit-Reset'));
      const resetAt = Number.isFinite(reset) && reset > 0 ? reset * 1000 : undefined;
      this.budget.resync(limit, Number(remaining), resetAt, now, headers.has('Retry-After'));
      this.writer.touch();
      this.saveSoon();
    }
  }

  private note(kind: SchedulerEvent['kind'], status: number | undefined, message: string): void {
    const event: SchedulerEvent = { at: this.options.clock.now(), kind, message };
    if (status !== undefined) event.status = status;
    this.recent = [...this.recent.slice(-19), event];
  }

  private changed(): void {
    this.options.onChange?.();
  }

  private sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const detach = new AbortController();
      const handle = this.options.clock.setTimer(() => {
        detach.abort();
        resolve();
      }, ms);
      signal?.addEventListener(
        'abort',
        () => {
          this.options.clock.clearTimer(handle);
          reject(cancelled());
        },
        { once: true, signal: detach.signal },
      );
    });
  }

  /** Resolves once everything recorded so far is in storage; writes are coalesced, never interleaved. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  private saveSoon(): void {
    if (this.lazySave !== null) return;
    this.lazySave = this.options.clock.setTimer(() => {
      this.lazySave = null;
      void this.flush().catch(() => undefined);
    }, 250);
  }
}

function unknownOutcome(cause: unknown): AppError {
  return appError('writeUnconfirmed', {}, { cause });
}

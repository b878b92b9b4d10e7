import { AppError } from '../errors/index.ts';
import type { SchedulerEvent, SchedulerSnapshot } from '../protocol/index.ts';
import { CoalescedWriter } from '../storage/coalesced-writer.ts';
import { persistBudget, restoreBudget } from './budget-persistence.ts';
import { Budget } from './budget.ts';
import { onAnswer, onRefusal } from './feedback.ts';
import { Presence } from './presence.ts';
import { ForeignObserver, type ForeignRequestEvent } from './foreign.ts';
import { Dispatcher } from './dispatcher.ts';
import { effectiveLimits, type LimitSettings } from './limits.ts';
import type { RequestExecutor, RequestTicket, SendContext } from './request-executor.ts';
import {
  backoffDelay,
  isIdempotentMethod,
  isRefusal,
  sleep,
  unknownOutcome,
  verdictFor,
  type BackoffOptions,
} from './retry-policy.ts';
import type { SchedulerOptions } from './scheduler-options.ts';
import { cancelled } from './simple-queue.ts';
import { buildSnapshot } from './snapshot.ts';

export { MAX_PAUSE_MS } from './pause.ts';
export type { BudgetStore, SchedulerOptions } from './scheduler-options.ts';
export type { ForeignRequestEvent } from './foreign.ts';

const FOREIGN_REFUSED = 'The portal refused a request from a DocSpace tab; the extension waits too.';

/**
 * One scheduler per portal + account. Every request waits here until all limits allow it, its spending is
 * written to storage before it is sent, and what the server answers (refusals, Retry-After, rate-limit
 * headers, 401) steers what comes next. Requests the user's DocSpace tabs make are reported by the
 * background (`observeForeign`) and counted in the same windows.
 *
 * Over 300 lines on purpose: admission, sending and the answer's feedback share the one critical section
 * (the persisted write-ahead mark before a send); the arithmetic already lives in budget, feedback and lanes.
 */
export class Scheduler implements RequestExecutor {
  private budget!: Budget;
  readonly ready: Promise<void>;
  private seq = 0;
  private readonly dispatcher: Dispatcher;
  private recent: SchedulerEvent[] = [];
  private readonly writer = new CoalescedWriter(() =>
    this.options.store.save(this.options.key, persistBudget(this.budget, this.options.clock.now())),
  );
  private lazySave: unknown = null;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private readonly presence: Presence;
  private readonly foreign: ForeignObserver;

  constructor(private readonly options: SchedulerOptions) {
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? { baseMs: 500, capMs: 30_000 };
    this.presence = new Presence(options.interactiveActive ?? true, options.interactiveHoldMs ?? 5_000);
    this.foreign = new ForeignObserver({
      budget: () => this.budget,
      now: () => this.options.clock.now(),
      holdMs: options.foreignHoldMs ?? 10_000,
      timeoutMs: options.foreignTimeoutMs ?? 30_000,
      refused: (refusal, status) => this.applyRefusal(refusal, status, FOREIGN_REFUSED),
      changed: () => this.learned(),
    });
    this.dispatcher = new Dispatcher({
      clock: options.clock,
      budget: () => this.budget,
      holding: (now) => ({ reserveUntil: this.reserveUntil(now) }),
      flush: () => this.flush(),
      finished: (slot, outcome) => {
        const now = this.options.clock.now();
        this.budget.finish(slot.id, now, outcome === 'refused');
        if (outcome === 'ok') this.budget.succeeded(slot.cls, now);
        this.learned();
      },
      changed: () => this.changed(),
      agingMs: options.agingMs ?? 5_000,
    });
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    const limits = effectiveLimits(this.options.settings);
    const now = this.options.clock.now();
    this.budget = this.options.fresh
      ? Budget.fresh(limits, this.options.orphanHoldMs)
      : restoreBudget(limits, await this.options.store.load(this.options.key), now, this.options.orphanHoldMs);
    await this.flush();
  }

  async run<T>(ticket: RequestTicket<T>, send: (context: SendContext) => Promise<T>): Promise<T> {
    await this.ready;
    if (ticket.lane === 'interactive') this.noteInteractive();
    const idempotent = ticket.idempotent ?? isIdempotentMethod(ticket.method);
    let refusals = 0;
    let retries = 0;
    const firstEnqueue = this.options.clock.now();
    const place = this.seq++;
    for (;;) {
      const slot = await this.dispatcher.acquire(ticket as RequestTicket<unknown>, firstEnqueue, place);
      const answered: { headers?: Headers } = {};
      try {
        const value = await send({
          signal: slot.controller.signal,
          observe: (status, headers) => {
            answered.headers = headers;
            this.observe(status, headers, slot.sentAt);
          },
        });
        this.dispatcher.release(slot, 'ok');
        return value;
      } catch (error) {
        this.dispatcher.release(slot, isRefusal(error) ? 'refused' : 'failed');
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
          this.applyRefusal(
            {
              method: ticket.method,
              sentAt: slot.sentAt,
              now: this.options.clock.now(),
              retryAfterMs: refusal.retryAfterSeconds === undefined ? undefined : refusal.retryAfterSeconds * 1000,
              headers: isRefusal(refusal) ? answered.headers : undefined,
              backoffMs: Math.max(100, backoffDelay(refusals, this.random, this.backoff)),
            },
            refusal.status,
            refusal.message,
          );
          // A refusal means "not executed": bulk work waits as long as the server asks, it is never failed for it.
          if (ticket.lane !== 'bulk' && refusals > (this.options.maxRefusals ?? 12)) throw error;
          continue;
        }
        if (retries >= (ticket.maxRetries ?? this.options.maxRetries ?? 3)) throw error;
        if (verdict === 'retry') {
          retries++;
          this.note('retry', (error as AppError).status, (error as AppError).message);
          await sleep(this.options.clock, backoffDelay(retries, this.random, this.backoff), ticket.signal);
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
    if (this.dispatcher.halted) return;
    this.dispatcher.halted = 'unauthorized';
    this.note('error', 401, 'sessionRejected');
    this.changed();
  }

  /**
   * How long the portal may still be working on a request whose answer we never saw (the worker stopped, the
   * connection reset): the time a stopped worker's requests hold their slots, from recent answer times.
   */
  settleTimeMs(): number {
    return this.budget.orphanHold();
  }

  /** The account was signed in again: send what waited. A pause the server asked for stays (see `clearPause`). */
  resume(): void {
    this.dispatcher.halted = null;
    this.changed();
    this.dispatcher.pump();
  }

  /**
   * The user's "resume now": forget the pause the server asked for and what its headers made us assume
   * about others, and send. A refusal that follows pauses again. Resolves once that is stored.
   */
  async resumeNow(): Promise<void> {
    await this.ready;
    this.budget.pause = null;
    this.budget.forgetUnknown();
    this.learned();
    this.dispatcher.pump();
    await this.flush();
  }

  /**
   * Forget any server pause, stored too: call at sign-out, at sign-in and when a portal is removed, so that
   * a pause (however long it was) never outlives the session it was asked of. Works after `dispose`.
   * What was really sent stays counted.
   */
  async clearPause(): Promise<void> {
    await this.ready;
    this.budget.pause = null;
    this.learned();
    this.dispatcher.pump();
    await this.flush();
  }

  /**
   * Whether an extension page (popup, options) is open. While one is, and for `interactiveHoldMs` after the
   * last closes, bulk work leaves the interactive reserve free; with none, bulk work may use the whole budget.
   */
  setInteractiveActive(active: boolean): void {
    this.presence.set(active, this.options.clock.now());
    this.changed();
    this.dispatcher.pump();
  }

  /** The user did something in an extension page (a click, a key): hold the reserve for `interactiveHoldMs`. */
  noteInteractive(at: number = this.options.clock.now()): void {
    this.presence.note(at);
  }

  /**
   * A request the browser sent to this portal from one of the user's DocSpace tabs (web client, editors).
   * Report each request's start and its end with the same id, for `/api/` paths of the portal's origin only,
   * and never the extension's own requests (webRequest: tabId -1 / initiator is the extension). Observed
   * requests count in the windows and the concurrency exactly like the extension's, so bulk work slows at
   * once while the tab works and takes the budget back when it stops; a refused one (status 429/503 on its
   * end) pauses and teaches like a refusal of ours.
   */
  observeForeign(event: ForeignRequestEvent): void {
    if (!this.budget) return;
    this.foreign.report(event);
    this.dispatcher.pump();
  }

  /** New numbers for the same account: what was spent stays spent. */
  updateSettings(settings: LimitSettings): void {
    this.budget.limits = effectiveLimits(settings);
    this.changed();
    this.dispatcher.pump();
  }

  /** The account was signed out: nothing waiting will be sent, what is on the wire is aborted. */
  dispose(): void {
    this.dispatcher.dispose();
  }

  /** Time the next waiting request could go, for an alarm when the pause outlives the worker. */
  nextWakeAt(): number | null {
    return this.dispatcher.wakeAt();
  }

  snapshot(): SchedulerSnapshot {
    const now = this.options.clock.now();
    return buildSnapshot({
      key: this.options.key,
      now,
      budget: this.budget,
      halted: this.dispatcher.halted,
      queued: this.dispatcher.counts(),
      recent: this.recent,
      reserveUntil: this.reserveUntil(now),
    });
  }

  /** Until when bulk work holds the interactive reserve: a page open, used lately, or a DocSpace tab working. */
  private reserveUntil(now: number): number {
    return this.presence.until(now, this.foreign.activeUntil());
  }

  private observe(status: number, headers: Headers, sentAt: number): void {
    if (status === 401 && this.options.haltOnUnauthorized !== false) {
      this.dispatcher.halted = 'unauthorized';
      this.note('error', 401, 'sessionRejected');
    }
    // A refusal's headers are applied with the refusal (run's catch), which knows when the request left.
    if (status === 429 || status === 503) return;
    if (onAnswer(this.budget, headers, this.options.clock.now(), sentAt)) this.learned();
  }

  private applyRefusal(refusal: Parameters<typeof onRefusal>[1], status: number | undefined, message: string): void {
    const notes = onRefusal(this.budget, refusal);
    this.note('refused', status, message);
    for (const note of notes) this.note('refused', undefined, note);
    this.learned();
    this.changed();
  }

  private note(kind: SchedulerEvent['kind'], status: number | undefined, message: string): void {
    const event: SchedulerEvent = { at: this.options.clock.now(), kind, message };
    if (status !== undefined) event.status = status;
    this.recent = [...this.recent.slice(-19), event];
  }

  private changed(): void {
    this.options.onChange?.();
  }

  /** The budget changed: store it soon (coalesced, at most every 250 ms). */
  private learned(): void {
    this.writer.touch();
    if (this.lazySave !== null) return;
    this.lazySave = this.options.clock.setTimer(() => {
      this.lazySave = null;
      void this.flush().catch(() => undefined);
    }, 250);
  }

  /** Resolves once everything recorded so far is in storage; writes are coalesced, never interleaved. */
  flush(): Promise<void> {
    return this.writer.flush();
  }
}

import { appError } from '../errors/index.ts';
import type { Budget, Holding, RequestShape } from './budget.ts';
import type { Clock } from './clock.ts';
import { LaneQueues } from './lanes.ts';
import { countsAsDailyWrite, requestClass, type RequestClass } from './limits.ts';
import type { Lane, RequestTicket } from './request-executor.ts';
import { cancelled } from './simple-queue.ts';

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

export type Outcome = 'ok' | 'refused' | 'failed';

export interface Slot {
  id: number;
  cls: RequestClass;
  sentAt: number;
  detach: AbortController;
  controller: AbortController;
  supersedeKey: string | undefined;
}

interface DispatcherDeps {
  clock: Clock;
  budget: () => Budget | undefined;
  holding: (now: number) => Holding;
  /** Resolves once the budget is stored (write-ahead, before a request leaves). */
  flush: () => Promise<void>;
  /** A request finished: answered with a success, refused (429/503), or failed otherwise. */
  finished: (slot: Slot, outcome: Outcome) => void;
  changed: () => void;
  agingMs: number;
}

/**
 * The waiting room: lanes, one timer for the next time something may fit, and the slots on the wire.
 * Each pass walks the queue in lane order and launches everything the budget admits now.
 */
export class Dispatcher {
  private readonly lanes = new LaneQueues<Waiting>();
  private timer: unknown = null;
  private timerAt = Infinity;
  private readonly active = new Set<Slot>();
  halted: 'unauthorized' | null = null;

  constructor(private readonly deps: DispatcherDeps) {}

  get queued(): number {
    return this.lanes.size;
  }

  counts(): Record<Lane, number> {
    return this.lanes.counts();
  }

  /** When the timer will try again, if anything waits. */
  wakeAt(): number | null {
    return this.lanes.size > 0 && Number.isFinite(this.timerAt) ? this.timerAt : null;
  }

  acquire(ticket: RequestTicket<unknown>, enqueuedAt: number, seq: number): Promise<Slot> {
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
        shape: {
          method: ticket.method,
          path: ticket.path,
          bulk: ticket.lane === 'bulk',
          interactive: ticket.lane === 'interactive',
        },
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
      this.lanes.insert(entry);
      this.deps.changed();
      this.pump();
    });
  }

  /** Nothing waiting will be sent, what is on the wire is aborted. */
  dispose(): void {
    for (const entry of this.lanes.drain()) {
      entry.detach.abort();
      entry.reject(cancelled());
    }
    for (const slot of this.active) slot.controller.abort();
    if (this.timer !== null) this.deps.clock.clearTimer(this.timer);
    this.timer = null;
  }

  private supersede(key: string): void {
    for (const entry of this.lanes.all().filter((e) => e.ticket.supersedeKey === key))
      if (this.dequeue(entry)) entry.reject(cancelled());
    for (const slot of this.active) if (slot.supersedeKey === key) slot.controller.abort();
  }

  private dequeue(entry: Waiting): boolean {
    if (!this.lanes.remove(entry)) return false;
    entry.detach.abort();
    this.deps.changed();
    return true;
  }

  private pumpQueued = false;

  /**
   * Sends what fits, in a microtask: a job that queues thousands of requests at once, or answers that
   * arrive together, cost one pass instead of one pass each (each pass walks the queue).
   */
  pump(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pass();
    });
  }

  private pass(): void {
    const budget = this.deps.budget();
    if (!budget || this.halted || this.lanes.size === 0) return;
    const now = this.deps.clock.now();
    const holding = this.deps.holding(now);
    let wakeAt = Infinity;
    let granted = 0;
    // A refusal for one kind of request (class, lane) holds for every later one of that kind in this pass.
    const blocked = new Set<string>();
    const noBulk = () =>
      ['all', 'bulk', 'nonInteractive'].some((k) => blocked.has(k)) ||
      (blocked.has('read:bulk') && blocked.has('write:bulk'));
    for (const [entry, bulkTail] of this.lanes.ordered(now, this.deps.agingMs)) {
      if (blocked.has('all') || (bulkTail && noBulk())) break;
      const kind = `${entry.cls}:${entry.ticket.lane}`;
      if (blocked.has(kind) || (entry.shape.bulk && blocked.has('bulk'))) continue;
      if (!entry.shape.interactive && blocked.has('nonInteractive')) continue;
      if (blocked.has('daily') && countsAsDailyWrite(entry.shape.method)) continue;
      const admission = budget.admit(entry.shape, now, holding);
      if (admission.ok) {
        entry.taken = true;
        granted++;
        this.launch(budget, entry, now);
        continue;
      }
      if (admission.reason === 'concurrency') {
        if (admission.at !== null) wakeAt = Math.min(wakeAt, admission.at);
        blocked.add(kind);
        continue;
      }
      wakeAt = Math.min(wakeAt, admission.at);
      if (admission.reason === 'paused') break;
      // Caps shrink from interactive to user to bulk work: what blocks one blocks every later lane.
      if (admission.reason === 'window')
        blocked.add(entry.shape.bulk ? 'bulk' : entry.shape.interactive ? 'all' : 'nonInteractive');
      if (admission.reason === 'daily') blocked.add('daily');
    }
    if (granted > 0) this.lanes.sweepTaken();
    this.arm(wakeAt);
    this.deps.changed();
  }

  private launch(budget: Budget, entry: Waiting, now: number): void {
    const id = budget.start(entry.shape, now);
    entry.detach.abort();
    const controller = new AbortController();
    const detach = new AbortController();
    entry.ticket.signal?.addEventListener('abort', () => controller.abort(), { once: true, signal: detach.signal });
    const slot: Slot = { id, cls: entry.cls, sentAt: now, controller, detach, supersedeKey: entry.ticket.supersedeKey };
    this.active.add(slot);
    // Write-ahead: the spending is in storage before the request leaves.
    this.deps.flush().then(
      () => entry.grant(slot),
      (error: unknown) => {
        this.release(slot, 'failed');
        entry.reject(appError('budgetNotRecorded', { detail: String(error) }));
      },
    );
  }

  private arm(wanted: number): void {
    if (!Number.isFinite(wanted)) return;
    const at = Math.max(wanted, this.deps.clock.now() + 1);
    if (this.timer !== null && this.timerAt <= at) return;
    if (this.timer !== null) this.deps.clock.clearTimer(this.timer);
    this.timerAt = at;
    this.timer = this.deps.clock.setTimer(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.pass();
    }, at - this.deps.clock.now());
  }

  /** The request on `slot` finished (answered, failed or aborted); its slot frees for the next. */
  release(slot: Slot, outcome: Outcome): void {
    if (!this.active.delete(slot)) return;
    slot.detach.abort();
    this.deps.finished(slot, outcome);
    this.pump();
  }
}

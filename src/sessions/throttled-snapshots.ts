import type { Scheduler } from '../scheduler/scheduler.ts';
import { ALARM_THRESHOLD_MS, SNAPSHOT_INTERVAL_MS, type SessionDeps } from './session-deps.ts';

/**
 * Pushes a scheduler's snapshot at most every 250 ms while it changes, and arms an alarm when the scheduler
 * must wait longer than the worker's idle life (a long Retry-After): the alarm wakes a worker that goes on.
 */
export class ThrottledSnapshots {
  private timer: unknown = null;

  constructor(
    private readonly key: string,
    private readonly deps: SessionDeps,
    private readonly scheduler: () => Scheduler | undefined,
  ) {}

  changed(): void {
    if (this.timer !== null) return;
    this.timer = this.deps.clock.setTimer(() => {
      this.timer = null;
      const scheduler = this.scheduler();
      if (!scheduler) return;
      this.deps.schedulerChanged(scheduler.snapshot());
      const wakeAt = scheduler.nextWakeAt();
      if (wakeAt !== null && wakeAt - this.deps.clock.now() > ALARM_THRESHOLD_MS) this.deps.wakeAt(this.key, wakeAt);
    }, SNAPSHOT_INTERVAL_MS);
  }

  dispose(): void {
    if (this.timer !== null) this.deps.clock.clearTimer(this.timer);
    this.timer = null;
  }
}

import type { Clock } from '../../../src/scheduler/clock.ts';
import type { PersistedBudget } from '../../../src/scheduler/budget.ts';
import type { BudgetStore } from '../../../src/scheduler/scheduler.ts';

/** A clock that only moves when told; timers fire in time order as it moves. */
export class FakeClock implements Clock {
  private time: number;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;

  constructor(start = Date.parse('2026-11-28T10:00:00Z')) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time forward, firing due timers one by one and letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
    }
    this.time = end;
    await settle();
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class MemoryBudgetStore implements BudgetStore {
  readonly data = new Map<string, PersistedBudget>();
  saves = 0;
  async load(key: string): Promise<PersistedBudget | undefined> {
    const value = this.data.get(key);
    return value ? structuredClone(value) : undefined;
  }
  async save(key: string, budget: PersistedBudget): Promise<void> {
    this.saves++;
    this.data.set(key, structuredClone(budget));
  }
}

/** Most of `times` inside any window [t, t + windowMs). */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

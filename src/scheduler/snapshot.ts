import type { SchedulerEvent, SchedulerSnapshot } from '../protocol/index.ts';
import type { Budget } from './budget.ts';

interface SnapshotInput {
  key: string;
  now: number;
  budget: Budget;
  halted: 'unauthorized' | null;
  queued: SchedulerSnapshot['queued'];
  recent: SchedulerEvent[];
  reserveUntil: number;
}

/** What the Activity view and the pause banner show: who uses each window, the share allowed, the pause. */
export function buildSnapshot({
  key,
  now,
  budget,
  halted,
  queued,
  recent,
  reserveUntil,
}: SnapshotInput): SchedulerSnapshot {
  const limits = budget.limits;
  const concurrency = (cls: 'read' | 'write', limit: number) => ({
    inFlight: budget.inFlight(cls, now),
    cap: budget.concurrencyCap(cls),
    limit,
    tabs: budget.observed.inFlight(now, cls),
  });
  const pause = budget.pause && budget.pause.until > now ? budget.pause : null;
  return {
    key,
    at: now,
    windows: limits.windows.map((w, i) => {
      const parts = budget.usedParts(i, now);
      return {
        name: w.name,
        used: Math.min(w.limit, parts.ours + parts.tabs + parts.others),
        limit: w.limit,
        windowMs: w.windowMs,
        ...parts,
        share: Number(budget.shares.get(w.name).toFixed(3)),
      };
    }),
    concurrency: {
      read: concurrency('read', limits.concurrentReads),
      write: concurrency('write', limits.concurrentWrites),
    },
    dailyWrites: { used: budget.dailyUsed(now), limit: limits.dailyWrites },
    pause: halted
      ? { until: null, reason: halted }
      : pause
        ? {
            until: pause.until,
            reason: pause.reason,
            ...(pause.requestedUntil === undefined ? {} : { requestedUntil: pause.requestedUntil }),
          }
        : null,
    queued,
    recent: [...recent],
    reserveHeld: reserveUntil > now,
  };
}

import { Budget } from './budget.ts';
import type { EffectiveLimits, RequestClass } from './limits.ts';
import { cappedPause, type Pause } from './pause.ts';
import { TimeLedger } from './time-ledger.ts';
import type { Traffic } from './traffic.ts';
import { WindowShares, type ShareState } from './window-share.ts';

/**
 * What storage.local holds for one account between worker lives. Version 3 adds the traffic of others
 * (observed tabs, and what the server's headers or a restart made us assume) and the window shares; a
 * version 2 record still loads (those parts start empty).
 */
export interface PersistedBudget {
  v: 2 | 3;
  savedAt: number;
  /** When the answers of the extension's recent requests came back (sorted). */
  completed: number[];
  daily: Array<[bucketEnd: number, count: number]>;
  sensitive: Record<string, number[]>;
  inFlight: Array<[cls: RequestClass, startedAt: number]>;
  pause: Pause | null;
  factors: Record<RequestClass, number>;
  /** A slowly decaying maximum of recent answer times: how long an orphaned request may still run. */
  slowestMs: number;
  /** v3: when the extension's recent requests that were not refused were sent (sorted). */
  sent?: number[];
  /** v3: requests seen from the user's DocSpace tabs: answers, and those still running. */
  observed?: { completed: number[]; inFlight: Array<[cls: RequestClass, startedAt: number]> };
  /** v3: per window name, the requests of unknown others (server headers, or assumed after a restart). */
  unknown?: Record<string, number[]>;
  /** v3: per window name, the lowered shares (AIMD); absent means the whole window. */
  shares?: Record<string, ShareState>;
}

/** A worker that finds no saved state assumes the last window was full: it cannot know what was spent. */
export function restoreBudget(
  limits: EffectiveLimits,
  saved: PersistedBudget | undefined,
  now: number,
  orphanHoldMs?: number,
): Budget {
  const budget = new Budget(limits, orphanHoldMs);
  if (!saved || (saved.v !== 2 && saved.v !== 3)) {
    // Counted as unknown others, so the first X-RateLimit header can correct the assumption.
    for (const w of limits.windows) budget.unknown.set(w.name, new TimeLedger(Array<number>(w.limit).fill(now)));
    return budget;
  }
  for (const t of saved.completed) budget.own.completed.add(t);
  for (const t of saved.sent ?? []) budget.ownSent.add(t);
  budget.special.daily = new Map(saved.daily);
  budget.special.sensitive = new Map(Object.entries(saved.sensitive));
  const pause = saved.pause && saved.pause.until > now ? saved.pause : null;
  if (pause) {
    // A pause stored before the cap existed (or by a clock that jumped) is capped from now.
    const capped = cappedPause(now, pause.until, pause.reason);
    budget.pause = pause.requestedUntil === undefined ? capped : { ...capped, requestedUntil: pause.requestedUntil };
  }
  budget.factors = { read: saved.factors.read ?? 1, write: saved.factors.write ?? 1 };
  budget.slowestMs = saved.slowestMs ?? 25_000;
  const hold = budget.orphanHold();
  for (const [cls, startedAt] of saved.inFlight)
    budget.own.start(String(budget.nextId++), cls, startedAt, startedAt + hold);
  for (const t of saved.observed?.completed ?? []) budget.observed.completed.add(t);
  for (const [cls, startedAt] of saved.observed?.inFlight ?? [])
    budget.observed.start(`restored-${budget.nextId++}`, cls, startedAt, startedAt + hold);
  for (const [name, times] of Object.entries(saved.unknown ?? {})) budget.unknown.set(name, new TimeLedger(times));
  budget.shares = new WindowShares(saved.shares);
  budget.prune(now);
  return budget;
}

export function persistBudget(budget: Budget, now: number): PersistedBudget {
  budget.prune(now);
  const running = (traffic: Traffic) =>
    [...traffic.flights.values()]
      .filter((f) => f.orphanUntil === undefined || f.orphanUntil > now)
      .map((f): [RequestClass, number] => [f.cls, f.startedAt]);
  return {
    v: 3,
    savedAt: now,
    completed: budget.own.completed.toArray(),
    sent: budget.ownSent.toArray(),
    daily: [...budget.special.daily],
    sensitive: Object.fromEntries(budget.special.sensitive),
    inFlight: running(budget.own),
    pause: budget.pause,
    factors: { ...budget.factors },
    slowestMs: budget.slowestMs,
    observed: { completed: budget.observed.completed.toArray(), inFlight: running(budget.observed) },
    unknown: Object.fromEntries(
      [...budget.unknown].filter(([, ledger]) => ledger.size > 0).map(([name, ledger]) => [name, ledger.toArray()]),
    ),
    shares: budget.shares.toPersisted(),
  };
}

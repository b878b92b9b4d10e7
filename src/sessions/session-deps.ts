/** What a portal session needs from the world, shared by the session and the pool that holds the sessions. */
import type { FetchLike } from '../docspace/client.ts';
import type { PortalId, SchedulerSnapshot } from '../protocol/index.ts';
import type { Clock } from '../scheduler/clock.ts';
import type { BudgetStore } from '../scheduler/scheduler.ts';

export interface SessionDeps {
  fetch: FetchLike;
  clock: Clock;
  budgets: BudgetStore;
  /** Wakes the worker at `when` (an alarm), for pauses longer than its idle life. */
  wakeAt(name: string, when: number): void;
  /** The scheduler's state changed (throttled by the session). */
  schedulerChanged(snapshot: SchedulerSnapshot): void;
  /** An extension page is open: bulk work leaves the interactive reserve free (absent: always). */
  pagesOpen?(): boolean;
  /** The portal refused the account's credentials and nothing can renew them. */
  signInNeeded(portalId: PortalId): Promise<void>;
}

/** Snapshots are pushed at most this often while requests flow. */
export const SNAPSHOT_INTERVAL_MS = 250;
/** A pause longer than this outlives an idle worker: an alarm wakes the next one. */
export const ALARM_THRESHOLD_MS = 30_000;
/** The key of the scheduler shared by calls made before an account exists on an origin. */
export const anonymousKey = (origin: string): string => `${origin}|anonymous`;

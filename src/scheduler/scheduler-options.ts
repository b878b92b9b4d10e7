import type { PersistedBudget } from './budget-persistence.ts';
import type { Clock } from './clock.ts';
import type { LimitSettings } from './limits.ts';
import type { BackoffOptions } from './retry-policy.ts';

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
  /** Refusals (429/503) one interactive or user request may meet before its caller is told; bulk work waits on. */
  maxRefusals?: number;
  /** Retries after network errors, timeouts, 408/502/504 (and checked writes). */
  maxRetries?: number;
  orphanHoldMs?: number;
  /** An account's scheduler waits for a new sign-in after a 401; the one for calls before sign-in must not. */
  haltOnUnauthorized?: boolean;
  /**
   * Whether an extension page is open at the start (default true, so that a background that never says
   * otherwise keeps the interactive reserve as before). See `setInteractiveActive`.
   */
  interactiveActive?: boolean;
  /** How long the interactive reserve stays held after the last page closed or was used (default 5 s). */
  interactiveHoldMs?: number;
  /** How long it stays held after the last request seen from a DocSpace tab (default 10 s). */
  foreignHoldMs?: number;
  /** An observed tab request whose end is never reported counts as answered this long after its start (default 30 s). */
  foreignTimeoutMs?: number;
  onChange?: () => void;
}

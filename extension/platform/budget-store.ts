import type { PersistedBudget } from '../../src/scheduler/budget.ts';
import type { BudgetStore } from '../../src/scheduler/scheduler.ts';
import { browser } from './browser.ts';

/**
 * Request budgets live in storage.local: they must outlive the service worker (Chrome stops it after ~30 s idle)
 * and a browser restart, because the portal's windows do. Writes are coalesced by the scheduler.
 */
export function createBudgetStore(): BudgetStore {
  const key = (portal: string) => `budget/${portal}`;
  return {
    async load(portal) {
      const items = await browser.storage.local.get(key(portal));
      return items[key(portal)] as PersistedBudget | undefined;
    },
    save: (portal, budget) => browser.storage.local.set({ [key(portal)]: budget }),
  };
}

import { createStore } from 'zustand/vanilla';
import type { PortalId, SchedulerSnapshot } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';

export interface ActivityState {
  snapshot: SchedulerSnapshot | null;
  watch(portalId: PortalId): Promise<void>;
}

/** The latest scheduler snapshot of one portal: fetched once, then pushed by the background as it changes. */
export function createActivityStore(connector: Connector) {
  let watched: PortalId | null = null;
  const store = createStore<ActivityState>()((set) => ({
    snapshot: null,
    async watch(portalId) {
      watched = portalId;
      const snapshot = await connector.send('getActivity', { portalId }).catch(() => null);
      if (watched === portalId) set({ snapshot });
    },
  }));
  connector.on('schedulerChanged', (snapshot) => {
    if (snapshot.key === watched) store.setState({ snapshot });
  });
  return store;
}

export type ActivityStore = ReturnType<typeof createActivityStore>;

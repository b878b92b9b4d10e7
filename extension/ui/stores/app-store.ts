import { createStore } from 'zustand/vanilla';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { AppState, PortalSummary } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';
import { clearSnapshots } from '../prepaint/snapshot-store.ts';

export interface AppStoreState {
  state: AppState | null;
  error: ErrorData | null;
  load(): Promise<void>;
  activePortal(): PortalSummary | null;
  signOut(portalId: string): Promise<void>;
  remove(portalId: string): Promise<void>;
  rename(portalId: string, label: string): Promise<void>;
  move(portalId: string, by: -1 | 1): Promise<void>;
  switchPortal(portalId: string): Promise<void>;
}

/** Mirrors the background's portal list; the background pushes every change as a stateChanged event. */
export function createAppStore(connector: Connector) {
  /** Every change answers the new list (the broadcast brings it too, to the other pages). */
  const update = async (answer: Promise<AppState>): Promise<void> => {
    try {
      store.setState({ state: await answer, error: null });
    } catch (error) {
      store.setState({ error: toErrorData(error) });
    }
  };
  const store = createStore<AppStoreState>()((set, get) => ({
    state: null,
    error: null,
    async load() {
      try {
        set({ state: await connector.send('getState', {}), error: null });
      } catch (error) {
        set({ error: toErrorData(error) });
      }
    },
    activePortal() {
      const state = get().state;
      if (!state) return null;
      return state.portals.find((p) => p.id === state.activePortalId) ?? state.portals[0] ?? null;
    },
    switchPortal: (portalId) => update(connector.send('setActivePortal', { portalId })),
    // The popup's kept picture of its last view shows that account's files: it goes with the sign-in.
    signOut: (portalId) => (clearSnapshots(), update(connector.send('signOut', { portalId }))),
    remove: (portalId) => (clearSnapshots(), update(connector.send('removePortal', { portalId }))),
    rename: (portalId, label) => update(connector.send('renamePortal', { portalId, label })),
    move: (portalId, by) => update(connector.send('movePortal', { portalId, by })),
  }));
  connector.on('stateChanged', (state) => store.setState({ state }));
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;

import { createStore } from 'zustand/vanilla';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { AppState, PortalSummary } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';

export interface AppStoreState {
  state: AppState | null;
  error: ErrorData | null;
  load(): Promise<void>;
  activePortal(): PortalSummary | null;
  signOut(portalId: string): Promise<void>;
  switchPortal(portalId: string): Promise<void>;
}

/** Mirrors the background's portal list; the background pushes every change as a stateChanged event. */
export function createAppStore(connector: Connector) {
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
    async switchPortal(portalId) {
      try {
        set({ state: await connector.send('setActivePortal', { portalId }), error: null });
      } catch (error) {
        set({ error: toErrorData(error) });
      }
    },
    async signOut(portalId) {
      try {
        set({ state: await connector.send('signOut', { portalId }), error: null });
      } catch (error) {
        set({ error: toErrorData(error) });
      }
    },
  }));
  connector.on('stateChanged', (state) => store.setState({ state }));
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;

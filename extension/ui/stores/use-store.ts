import { useLayoutEffect, useReducer } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

/**
 * A component's view of a zustand store, on Preact's own hooks. zustand's React binding needs preact/compat
 * (useSyncExternalStore), a quarter of the popup's first-paint code for this one hook.
 */
export function useStore<S>(store: StoreApi<S>): S {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const state = store.getState();
  useLayoutEffect(() => {
    const unsubscribe = store.subscribe(() => changed(0));
    // A change between this render and the subscription would otherwise be missed.
    if (store.getState() !== state) changed(0);
    return unsubscribe;
  }, [store]);
  return state;
}

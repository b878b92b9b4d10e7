import type { StorageArea } from '../../../src/storage/storage-area.ts';
import type { Areas } from '../../../src/storage/typed-storage.ts';

const never = <T>() => new Promise<T>(() => undefined);

/**
 * A stand-in for a service worker the browser stops: after `kill()`, nothing it does reaches storage or the
 * network any more (every call hangs), while what it had sent before may still land on the portal.
 */
export function killable(areas: Areas, fetchImpl: typeof fetch = fetch) {
  let dead = false;
  const wrap = (area: StorageArea): StorageArea => ({
    get: (keys) => (dead ? never() : area.get(keys)),
    set: (items) => (dead ? never() : area.set(items)),
    remove: (keys) => (dead ? never() : area.remove(keys)),
  });
  return {
    areas: { local: wrap(areas.local), session: wrap(areas.session), secure: wrap(areas.secure) },
    /** The portal processes the request, but its answer never reaches the dead worker. */
    fetch: async (input: string, init: RequestInit) => {
      if (dead) return never<Response>();
      const response = await fetchImpl(input, init);
      return dead ? never<Response>() : response;
    },
    kill: () => {
      dead = true;
    },
  };
}

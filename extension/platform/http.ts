import type { FetchLike } from '../../src/docspace/client.ts';

/** The worker's fetch, passed into the pure client so tests can pass another. */
export const platformFetch: FetchLike = (input, init) => fetch(input, init);

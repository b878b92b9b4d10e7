/**
 * The seam every DocSpace request passes through. Version 1 is a small FIFO with a concurrency cap
 * (SimpleQueue); the rate-limit-aware scheduler replaces it behind this same interface.
 */
export type Lane = 'interactive' | 'user' | 'bulk';

export interface RequestTicket {
  method: string;
  /** Path without query, e.g. /api/2.0/files/rooms: what per-path limits are keyed by. */
  path: string;
  lane: Lane;
  signal?: AbortSignal | undefined;
}

export interface RequestExecutor {
  run<T>(ticket: RequestTicket, send: () => Promise<T>): Promise<T>;
}

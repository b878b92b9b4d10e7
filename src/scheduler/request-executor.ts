/**
 * The seam every DocSpace request passes through: the rate-limit scheduler in the worker, a plain queue in
 * small tests. The client hands over a `send` that does one HTTP exchange; the executor decides when it may
 * run, how often, and learns from what the server answered.
 */
export type Lane = 'interactive' | 'user' | 'bulk';

export type Outcome<T> = { happened: true; value: T } | { happened: false };

export interface RequestTicket<T = unknown> {
  method: string;
  /** Path without query, e.g. /api/2.0/files/rooms: what per-path limits are keyed by. */
  path: string;
  lane: Lane;
  signal?: AbortSignal | undefined;
  /** PUTs the caller knows to be idempotent may be retried like GETs. */
  idempotent?: boolean | undefined;
  /** For a write whose outcome is unknown (connection lost, timeout, 5xx): did it happen? Runs before any repeat. */
  checkOutcome?: (() => Promise<Outcome<T>>) | undefined;
  /** A newer request with the same key cancels an older one that has not finished (a newer listing of a view). */
  supersedeKey?: string | undefined;
  /** Retries after a network error or timeout, if fewer than the scheduler's (a click should not spin for long). */
  maxRetries?: number | undefined;
}

export interface SendContext {
  signal: AbortSignal;
  /** The client reports every HTTP answer here (status and headers), before it parses the body. */
  observe(status: number, headers: Headers): void;
}

export interface RequestExecutor {
  run<T>(ticket: RequestTicket<T>, send: (context: SendContext) => Promise<T>): Promise<T>;
}

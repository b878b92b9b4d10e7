import { AppError, appError } from '../errors/index.ts';
import type { Clock } from './clock.ts';
import { cancelled } from './simple-queue.ts';

/**
 * What to do after a failed attempt. A refusal (429/503) means the server did nothing, so any method may be
 * sent again. Other failures of a write leave its outcome unknown: it is repeated only after a check says it
 * did not happen.
 */
export type Verdict = 'refused' | 'retry' | 'checkFirst' | 'fail';

const RETRYABLE_STATUS = new Set([408, 502, 504]);

export function isRefusal(error: unknown): boolean {
  return error instanceof AppError && (error.status === 429 || error.status === 503);
}

export function verdictFor(error: unknown, idempotent: boolean): Verdict {
  if (!(error instanceof AppError)) return 'fail';
  if (isRefusal(error)) return 'refused';
  const transient =
    error.code === 'network' ||
    error.code === 'timeout' ||
    (error.status !== undefined && RETRYABLE_STATUS.has(error.status));
  const unknownOutcome = transient || (error.status !== undefined && error.status >= 500);
  if (idempotent) return transient ? 'retry' : 'fail';
  return unknownOutcome ? 'checkFirst' : 'fail';
}

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

/** Capped exponential backoff with full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^n)]. */
export function backoffDelay(attempt: number, random: () => number, { baseMs, capMs }: BackoffOptions): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.max(0, attempt)));
}

export function isIdempotentMethod(method: string): boolean {
  const m = method.toUpperCase();
  return m === 'GET' || m === 'HEAD' || m === 'OPTIONS';
}

/** A write failed in a way that leaves its outcome unknown, and the caller gave no way to check it. */
export function unknownOutcome(cause: unknown): AppError {
  return appError('writeUnconfirmed', {}, { cause });
}

/** Waits on the scheduler's clock; an abort of `signal` ends the wait as a cancellation. */
export function sleep(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const detach = new AbortController();
    const handle = clock.setTimer(() => {
      detach.abort();
      resolve();
    }, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clock.clearTimer(handle);
        reject(cancelled());
      },
      { once: true, signal: detach.signal },
    );
  });
}

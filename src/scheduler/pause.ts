/**
 * A pause the server asked for, capped: one header must not freeze an account (a probe's `Retry-After:
 * 31536000` paused it for a year). An hour is longer than any window DocSpace documents except the daily
 * write window; a daily refusal after an hour simply pauses again, so the cap costs at most one request an hour.
 */
export type PauseReason = 'retryAfter' | 'rateLimitReset' | 'backoff' | 'unauthorized';

export interface Pause {
  until: number;
  reason: PauseReason;
  /** Set when the server asked for longer than MAX_PAUSE_MS: what it asked (epoch ms). */
  requestedUntil?: number;
}

export const MAX_PAUSE_MS = 3_600_000;

export function cappedPause(now: number, until: number, reason: PauseReason): Pause {
  if (until - now <= MAX_PAUSE_MS) return { until, reason };
  return { until: now + MAX_PAUSE_MS, reason, requestedUntil: until };
}

/** The later of two pauses (a pause is only ever extended by the server, never shortened). */
export function laterPause(current: Pause | null, next: Pause): Pause {
  return !current || current.until < next.until ? next : current;
}

export function describeWait(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 48) return `${Math.round(hours / 24)} days`;
  if (hours >= 1.5) return `${Math.round(hours)} hours`;
  return `${Math.round(ms / 60_000)} minutes`;
}

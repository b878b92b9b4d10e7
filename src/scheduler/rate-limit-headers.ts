import type { EffectiveLimits, RequestClass } from './limits.ts';

/**
 * What an answer's X-RateLimit-* headers say (docspace-api.md §9): the limit of the limiter that answered,
 * what it has left, and (daily window only) when it resets. DocSpace 3.7 sends them on refusals; its OpenAPI
 * documents them on successes too, so both are read. Anything malformed or implausible is ignored.
 */
export interface RateLimitHeaders {
  limit: number;
  remaining: number;
  /** Epoch ms; X-RateLimit-Reset is Unix seconds in the server code. */
  resetAt?: number;
}

export type HeaderSource = Pick<Headers, 'get'>;

export function readRateLimitHeaders(headers: HeaderSource): RateLimitHeaders | null {
  const limit = wholeNumber(headers.get('X-RateLimit-Limit'));
  const remaining = wholeNumber(headers.get('X-RateLimit-Remaining'));
  // The sanity bound: a limit of 0 or a "remaining" above the limit is not a real limiter speaking.
  if (limit === null || remaining === null || limit < 1 || remaining > limit) return null;
  const reset = wholeNumber(headers.get('X-RateLimit-Reset'));
  return reset !== null && reset > 0 ? { limit, remaining, resetAt: reset * 1000 } : { limit, remaining };
}

function wholeNumber(value: string | null): number | null {
  if (value === null || !/^\s*\d{1,12}\s*$/.test(value)) return null;
  return Number(value);
}

export type LimiterMatch = { kind: 'window'; index: number } | { kind: 'concurrency'; cls: RequestClass } | null;

/**
 * Which of our limits the header is about, by its limit: 1500 is the minute window, 50 and 15 the GET and
 * write concurrency. A server configured up to 50% higher than our numbers still matches; a header far from
 * every limit we know (a payments or invitation policy) matches nothing.
 */
export function matchLimiter(
  limits: Pick<EffectiveLimits, 'windows' | 'concurrentReads' | 'concurrentWrites'>,
  header: RateLimitHeaders,
): LimiterMatch {
  const near = (ours: number) => header.limit >= ours && header.limit <= Math.ceil(ours * 1.5);
  const candidates: Array<{ ours: number; match: NonNullable<LimiterMatch> }> = [
    ...limits.windows.map((w, index) => ({ ours: w.limit, match: { kind: 'window' as const, index } })),
    { ours: limits.concurrentReads, match: { kind: 'concurrency', cls: 'read' } },
    { ours: limits.concurrentWrites, match: { kind: 'concurrency', cls: 'write' } },
  ];
  const fitting = candidates.filter((c) => near(c.ours)).sort((a, b) => b.ours - a.ours);
  return fitting[0]?.match ?? null;
}

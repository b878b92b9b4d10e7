import type { Budget } from './budget.ts';
import { requestClass, type RequestClass } from './limits.ts';
import { cappedPause, describeWait } from './pause.ts';
import { matchLimiter, readRateLimitHeaders, type HeaderSource } from './rate-limit-headers.ts';
import { fullness, measure } from './server-view.ts';

/**
 * How the server's answers steer the budget. Successes with X-RateLimit headers re-sync a window in both
 * directions. A refusal (429/503, "not executed") pauses the account as asked (capped), and teaches which
 * limit was hit: the header says so when there is one; otherwise the likeliest window is taken (see
 * `suspect`), and its share is cut (window-share AIMD, window-share.ts).
 */

/** Below this fullness by our count a window cannot be what refused, even with unknown others present. */
const WINDOW_SUSPECT = 0.25;
/** Windows whose refusal needs at most this much more unseen traffic than the likeliest are cut with it. */
const SUSPECT_BAND = 1.25;
/** The concurrency limit is suspected when this share of its slots was in use. */
const CONCURRENCY_SUSPECT = 0.9;

/** A successful (or any non-refusal) answer: only the window counts in its headers are used, never a reset. */
export function onAnswer(budget: Budget, headers: HeaderSource, now: number, sentAt: number): boolean {
  const header = readRateLimitHeaders(headers);
  if (!header) return false;
  const match = matchLimiter(budget.limits, header);
  if (match?.kind !== 'window') return false;
  measure(budget, match.index, header.limit - header.remaining, now, sentAt);
  budget.answerHeadersAt.set(budget.limits.windows[match.index]!.name, now);
  return true;
}

export interface Refusal {
  method: string;
  /** When the refused request was sent: refusals of requests sent before the last cut are one episode. */
  sentAt: number;
  now: number;
  retryAfterMs?: number | undefined;
  headers?: HeaderSource | undefined;
  backoffMs: number;
}

/** Applies a refusal; returns messages worth showing (a capped pause). */
export function onRefusal(budget: Budget, refusal: Refusal): string[] {
  const { now, sentAt } = refusal;
  const cls = requestClass(refusal.method);
  const notes: string[] = [];
  budget.othersSeenAt = now;
  const full = fullness(budget, now, sentAt);
  const header = refusal.headers ? readRateLimitHeaders(refusal.headers) : null;
  const match = header ? matchLimiter(budget.limits, header) : null;
  if (header && match?.kind === 'window') {
    const w = budget.limits.windows[match.index]!;
    const freesAt = refusal.retryAfterMs !== undefined ? now + Math.max(1_000, refusal.retryAfterMs) : header.resetAt;
    measure(budget, match.index, header.limit - header.remaining, now, null, freesAt);
    // When successes report the window too, the next answer corrects the count; otherwise lower the share.
    const reported = budget.answerHeadersAt.get(w.name);
    if (reported === undefined || now - reported > budget.windowSpan(w.windowMs))
      budget.shares.cut(w.name, full[match.index]!, sentAt, now);
  } else if (match?.kind === 'concurrency') {
    budget.cutConcurrency(match.cls, now, sentAt);
  } else {
    suspect(budget, cls, full, refusal);
  }

  if (refusal.retryAfterMs !== undefined) {
    const pause = cappedPause(now, now + Math.max(1_000, refusal.retryAfterMs), 'retryAfter');
    if (pause.requestedUntil !== undefined) notes.push(cappedNote(refusal.retryAfterMs));
    budget.extendPause(pause);
  } else if (header?.resetAt !== undefined && header.remaining <= 0 && header.resetAt > now) {
    const pause = cappedPause(now, header.resetAt, 'rateLimitReset');
    if (pause.requestedUntil !== undefined) notes.push(cappedNote(header.resetAt - now));
    budget.extendPause(pause);
  } else {
    budget.extendPause({ until: now + refusal.backoffMs, reason: 'backoff' });
  }
  return notes;
}

/**
 * No header says which limit refused: suspect the likeliest. For a window to have been full, unseen others
 * must have sent what it had left, (1 - fullness) of its limit within its length; the window that needs
 * the lowest such rate is the likeliest (a steady other sender fills a long window's room before a short
 * one's: 30% of the sustained rate is 30% of the minute window but 15% of the 10 s one). Windows needing
 * little more are cut with it.
 */
function suspect(budget: Budget, cls: RequestClass, fullness: number[], refusal: Refusal): void {
  const { now, sentAt } = refusal;
  // The refused request itself has already left the flights.
  const slots = (budget.inFlight(cls, now) + 1) / budget.concurrencyCap(cls);
  // Without Retry-After the documented profile is not speaking, so it is a concurrency refusal or an overload.
  if (refusal.retryAfterMs === undefined || slots >= CONCURRENCY_SUSPECT) budget.cutConcurrency(cls, now, sentAt);
  const needed = budget.limits.windows.map((w, i) =>
    fullness[i]! < WINDOW_SUSPECT ? Number.POSITIVE_INFINITY : (Math.max(0, 1 - fullness[i]!) * w.limit) / w.windowMs,
  );
  const likeliest = Math.min(...needed);
  if (!Number.isFinite(likeliest)) return;
  budget.limits.windows.forEach((w, i) => {
    if (needed[i]! <= likeliest * SUSPECT_BAND + 1e-9) budget.shares.cut(w.name, fullness[i]!, sentAt, now);
  });
}

function cappedNote(askedMs: number): string {
  return `The portal asked to wait ${describeWait(askedMs)}; the extension waits at most 1 hour, then tries again.`;
}

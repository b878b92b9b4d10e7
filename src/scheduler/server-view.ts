import type { Budget } from './budget.ts';
import { TimeLedger } from './time-ledger.ts';

/**
 * The budget as the server counts it, for learning from its answers. Our admission counts each request
 * longer (until a window after the answer) and counts refused attempts too: right for staying under the
 * limit, but after a burst it overstates what the server holds. What a refusal or a header teaches must be
 * measured against what really reached the server.
 */

/**
 * The extension's requests the server holds in window `index`: those sent in the window and not refused,
 * plus those in flight that were sent before `before` (sent later, they met the same full window as the
 * refused one and are being refused too).
 */
export function oursAtServer(budget: Budget, index: number, now: number, before: number): number {
  let flying = 0;
  for (const flight of budget.own.flights.values()) if (flight.startedAt < before) flying++;
  return budget.ownSent.countAfter(now - budget.limits.windows[index]!.windowMs) + flying;
}

/** How full each window is as the server sees it, 0..1 and more, when a request sent at `before` was refused. */
export function fullness(budget: Budget, now: number, before = now): number[] {
  return budget.limits.windows.map((w, i) => {
    const parts = budget.usedParts(i, now);
    return (oursAtServer(budget, i, now, before) + parts.tabs + parts.others) / Math.max(1, w.limit);
  });
}

/**
 * The server said window `index` holds `serverUsed` requests now. Whatever our own and observed requests do
 * not explain is set as unknown others, in both directions. On an answer (to a request sent at `sentAt`):
 * against what the server holds of ours, spread over the past window (they age out as a steady sender's
 * would, and the next answer corrects). On a refusal (`sentAt` null): the window is full by definition, so
 * the others are what our own count leaves, all at `now` unless the refusal said when to come back
 * (`freesAt`, from Retry-After or X-RateLimit-Reset): then they age out at that moment, so a window the
 * server itself calls free is not held full for a whole window length.
 */
export function measure(
  budget: Budget,
  index: number,
  serverUsed: number,
  now: number,
  sentAt: number | null,
  freesAt?: number,
): number {
  const w = budget.limits.windows[index]!;
  const span = budget.windowSpan(w.windowMs);
  const tabs = budget.observed.countIn(span, now);
  const spread = sentAt !== null;
  const known = spread ? oursAtServer(budget, index, now, sentAt + 1) + tabs : budget.own.countIn(span, now) + tabs;
  const others = Math.max(0, Math.min(serverUsed, w.limit) - known);
  const refusedAt = freesAt !== undefined && freesAt > now ? Math.min(now, freesAt - span) : now;
  const times = Array.from({ length: others }, (_, k) => (spread ? now - span + ((k + 1) * span) / others : refusedAt));
  budget.unknown.set(w.name, new TimeLedger(times));
  if (others > 0) budget.othersSeenAt = now;
  return others;
}

import type { Budget } from './budget.ts';
import { onAnswer, type Refusal } from './feedback.ts';
import { requestClass } from './limits.ts';
import type { HeaderSource } from './rate-limit-headers.ts';

/**
 * One request the browser made to the portal from the user's DocSpace tabs, as the background's webRequest
 * observer sees it. Pure data: the scheduler does not know about tabs or browsers.
 */
export interface ForeignRequestEvent {
  /** The browser's id of the request (webRequest `requestId`): the same on its start and its end. */
  id: string;
  /** 'start' when it is sent (onBeforeRequest / onSendHeaders), 'end' when it finished (onCompleted / onErrorOccurred). */
  phase: 'start' | 'end';
  method: string;
  /** The URL's path; only `/api/` paths count (static files and the socket are not rate-limited). */
  path: string;
  /** When it happened, epoch ms (webRequest `timeStamp`); now when omitted. Never later than now. */
  at?: number;
  /** On 'end': the HTTP status; absent or 0 when it failed without an answer. */
  status?: number;
  /** On 'end': the answer's headers (webRequest `responseHeaders` as name/value pairs, or a Headers). */
  headers?: Headers | ReadonlyArray<{ name: string; value?: string }> | Readonly<Record<string, string>>;
}

interface ObserverDeps {
  budget: () => Budget;
  now: () => number;
  /** Bulk work holds the interactive reserve this long after the last observed request. */
  holdMs: number;
  /** A start whose end never comes counts as answered this long after it. */
  timeoutMs: number;
  refused: (refusal: Refusal, status: number) => void;
  changed: () => void;
}

export function isRateLimitedPath(path: string): boolean {
  return /^\/api\//i.test(path);
}

/** Counts what DocSpace tabs send in the budget, and learns from their answers as from ours. */
export class ForeignObserver {
  private lastSeenAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: ObserverDeps) {}

  /** Until when the tabs count as in use (for the interactive reserve). */
  activeUntil(): number {
    const running = this.deps.budget().observed.inFlight(this.deps.now()) > 0;
    return running ? Number.POSITIVE_INFINITY : this.lastSeenAt + this.deps.holdMs;
  }

  report(event: ForeignRequestEvent): void {
    if (!isRateLimitedPath(event.path)) return;
    const now = this.deps.now();
    // The event may arrive late; it can never have happened in the future, nor before its own window.
    const at = Math.min(now, Math.max(now - this.deps.timeoutMs, event.at ?? now));
    const budget = this.deps.budget();
    this.lastSeenAt = Math.max(this.lastSeenAt, at);
    if (event.phase === 'start') {
      budget.observeStart(event.id, requestClass(event.method), at, this.deps.timeoutMs);
      this.deps.changed();
      return;
    }
    const started = budget.observeEnd(event.id, at);
    const headers = toHeaders(event.headers);
    if (event.status === 429 || event.status === 503) {
      const retryAfter = retryAfterMs(headers.get('Retry-After'), now);
      this.deps.refused(
        {
          method: event.method,
          sentAt: started?.startedAt ?? at,
          now,
          retryAfterMs: retryAfter,
          headers,
          backoffMs: 1_000,
        },
        event.status,
      );
    } else if (event.status !== undefined && event.status > 0) {
      onAnswer(budget, headers, now, started?.startedAt ?? at);
    }
    this.deps.changed();
  }
}

function toHeaders(input: ForeignRequestEvent['headers']): HeaderSource {
  const headers = new Headers();
  if (!input) return headers;
  if (input instanceof Headers) return input;
  if (Array.isArray(input)) {
    for (const h of input as ReadonlyArray<{ name: string; value?: string }>)
      if (h.value !== undefined) headers.append(h.name, h.value);
    return headers;
  }
  for (const [name, value] of Object.entries(input as Record<string, string>)) headers.append(name, value);
  return headers;
}

/** Retry-After as delta-seconds or an HTTP-date (RFC 9110 §10.2.3), in ms from now. */
function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

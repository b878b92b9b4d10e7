// Every request the sandbox served (except /__sandbox/*), for tests to assert on: who called, with
// which credentials, what was refused and by whom. Bounded, so long benchmarks cannot exhaust
// memory: past the cap the oldest entries go; `seq` keeps counting, so `since` stays meaningful.
import type { AuthScheme } from './auth.ts';

export interface LogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** The raw query string without '?' ('' when none), as sent. */
  search: string;
  status: number;
  /** Authenticated user id, or null. */
  identity: string | null;
  /** An Authorization header or an asc_auth_key cookie was sent. */
  authPresent: boolean;
  authScheme: AuthScheme | null;
  /** The scheme word of the Authorization header ("Bearer", "Basic"), "" for a value without one
   *  (a bare token), null without the header. The credentials are never logged. */
  authorizationScheme: string | null;
  contentType: string | null;
  /** JSON or form body the handler read, parsed, secrets masked (logged-request.ts). */
  body?: unknown;
  /** The body was too large (or not parseable in full) to keep. */
  bodyTruncated?: boolean;
  origin: string | null;
  userAgent: string | null;
  /** Name of the middleware that refused the request (rate limiter, fault injector), else null. */
  refusedBy: string | null;
  /** Faults applied to the request ("latency", "error500+resetAfter", ...), else null. */
  fault: string | null;
  /** The latency faults' delay (ms) before the handler ran, when there was one. */
  faultDelayMs?: number;
  /** Epoch milliseconds (sub-ms precision) when the request arrived and when its reply was written;
   *  a request occupies [startMs, endMs) for the log checker's concurrency figures. */
  startMs: number;
  endMs: number;
  bytesIn: number;
  bytesOut: number;
  durationMs: number;
}

export const DEFAULT_LOG_CAPACITY = 100_000;

/** What append() takes: `fault`, `startMs` and `endMs` default to null / the entry's `time`; the
 *  request details added later (`search`, `authorizationScheme`, `contentType`) to ''/null. */
export type LogInput = Omit<
  LogEntry,
  'seq' | 'fault' | 'startMs' | 'endMs' | 'search' | 'authorizationScheme' | 'contentType'
> &
  Partial<Pick<LogEntry, 'fault' | 'startMs' | 'endMs' | 'search' | 'authorizationScheme' | 'contentType'>>;

export class RequestLog {
  private entries: LogEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = DEFAULT_LOG_CAPACITY) {}

  append(entry: LogInput): LogEntry {
    const at = entry.startMs ?? (Date.parse(entry.time) || 0);
    const full: LogEntry = {
      seq: ++this.seq,
      ...entry,
      search: entry.search ?? '',
      authorizationScheme: entry.authorizationScheme ?? null,
      contentType: entry.contentType ?? null,
      fault: entry.fault ?? null,
      startMs: at,
      endMs: entry.endMs ?? at + entry.durationMs,
    };
    this.entries.push(full);
    // Trim in chunks so appends stay O(1) amortized.
    if (this.entries.length > this.capacity) this.entries = this.entries.slice(-Math.floor(this.capacity * 0.9));
    return full;
  }

  /** Entries with seq greater than `since` (all when omitted), oldest first. */
  since(since = 0): LogEntry[] {
    if (since <= 0) return [...this.entries];
    // seq is increasing: binary search for the first entry after `since`.
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.seq <= since) lo = mid + 1;
      else hi = mid;
    }
    return this.entries.slice(lo);
  }

  get length(): number {
    return this.entries.length;
  }

  /** seq of the newest entry (0 when none yet). */
  get lastSeq(): number {
    return this.seq;
  }

  /** Empties the log. seq keeps counting, so a poller's `since` never skips new entries. */
  clear(): void {
    this.entries = [];
  }
}

export function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of search) {
    const existing = out[name];
    if (existing === undefined) out[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[name] = [existing, value];
  }
  return out;
}

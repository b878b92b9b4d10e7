// Checks a request log against rate limits, as a pure function over log entries: per account
// (identity, else "anonymous"), the most requests in any sliding window of W ms, the most
// simultaneous requests (GET and other methods apart), the refusals, and the windows that broke a
// given limit. A request occupies [startMs, endMs) for concurrency; it counts at startMs for windows.
// Also served as GET /__sandbox/check?windowMs=10000&limit=500[&since=seq][&countRefused=false].

/** The fields the checker reads; LogEntry has them all. */
export interface CheckableEntry {
  seq?: number;
  time: string;
  method: string;
  status: number;
  identity: string | null;
  refusedBy: string | null;
  startMs?: number;
  endMs?: number;
  durationMs?: number;
}

export interface WindowPeak {
  count: number;
  /** Start time of the first and of the last request in the busiest window. */
  fromMs: number;
  toMs: number;
}

export interface AccountReport {
  account: string;
  requests: number;
  /** Requests refused by a limiter or a storm fault (refusedBy set), or answered 429/503. */
  refusals: number;
  refusalsBy: Record<string, number>;
  maxInWindow: WindowPeak;
  maxConcurrent: { get: number; other: number };
}

export interface Breach {
  account: string;
  limit: number;
  windowMs: number;
  /** Most requests seen in one window during this breach. */
  peak: number;
  /** First request of the first breaking window, last request of the last one. */
  fromMs: number;
  toMs: number;
  fromSeq?: number;
  toSeq?: number;
}

export interface CheckOptions {
  windowMs: number;
  /** When set, `breaches` lists the windows holding more than `limit` requests. */
  limit?: number;
  /** Count refused requests toward the windows (default true: the client did send them). */
  countRefused?: boolean;
}

export interface CheckReport {
  windowMs: number;
  limit: number | null;
  accounts: AccountReport[];
  breaches: Breach[];
}

export const accountOf = (entry: CheckableEntry): string => entry.identity ?? 'anonymous';

export function isRefusal(entry: CheckableEntry): boolean {
  return entry.refusedBy !== null || entry.status === 429 || entry.status === 503;
}

export function startOf(entry: CheckableEntry): number {
  return entry.startMs ?? Date.parse(entry.time);
}

export function endOf(entry: CheckableEntry): number {
  return entry.endMs ?? startOf(entry) + (entry.durationMs ?? 0);
}

function byAccount<T extends CheckableEntry>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const key = accountOf(entry);
    const list = groups.get(key);
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
}

function sortedByStart<T extends CheckableEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => startOf(a) - startOf(b) || (a.seq ?? 0) - (b.seq ?? 0));
}

/** The busiest window: a request at t is in the window [s, s + W) when s <= t < s + W. */
export function maxInWindow(entries: readonly CheckableEntry[], windowMs: number): WindowPeak {
  const sorted = sortedByStart(entries);
  let best: WindowPeak = { count: 0, fromMs: 0, toMs: 0 };
  let i = 0;
  for (let j = 0; j < sorted.length; j++) {
    const t = startOf(sorted[j]!);
    while (t - startOf(sorted[i]!) >= windowMs) i++;
    const count = j - i + 1;
    if (count > best.count) best = { count, fromMs: startOf(sorted[i]!), toMs: t };
  }
  return best;
}

/** Most requests in flight at once; an interval ending at t does not overlap one starting at t. */
export function maxConcurrency(entries: readonly CheckableEntry[]): number {
  const events: Array<[number, number]> = [];
  for (const entry of entries) {
    events.push([startOf(entry), 1], [Math.max(endOf(entry), startOf(entry)), -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let best = 0;
  for (const [, delta] of events) {
    current += delta;
    if (current > best) best = current;
  }
  return best;
}

/** Windows of `windowMs` holding more than `limit` requests, merged into runs, per account. */
export function breaches(
  entries: readonly CheckableEntry[],
  options: { windowMs: number; limit: number; countRefused?: boolean },
): Breach[] {
  const { windowMs, limit } = options;
  const counted = options.countRefused === false ? entries.filter((e) => !isRefusal(e)) : entries;
  const out: Breach[] = [];
  for (const [account, list] of byAccount(counted)) {
    const sorted = sortedByStart(list);
    let i = 0;
    let open: Breach | null = null;
    for (let j = 0; j < sorted.length; j++) {
      const entry = sorted[j]!;
      const t = startOf(entry);
      while (t - startOf(sorted[i]!) >= windowMs) i++;
      const count = j - i + 1;
      if (count > limit) {
        if (!open) {
          open = { account, limit, windowMs, peak: count, fromMs: startOf(sorted[i]!), toMs: t };
          if (sorted[i]!.seq !== undefined) open.fromSeq = sorted[i]!.seq;
          out.push(open);
        }
        open.peak = Math.max(open.peak, count);
        open.toMs = t;
        if (entry.seq !== undefined) open.toSeq = entry.seq;
      } else {
        open = null;
      }
    }
  }
  return out;
}

export function checkLog(entries: readonly CheckableEntry[], options: CheckOptions): CheckReport {
  const counted = options.countRefused === false ? entries.filter((e) => !isRefusal(e)) : entries;
  const countedByAccount = byAccount(counted);
  const accounts: AccountReport[] = [];
  for (const [account, list] of byAccount(entries)) {
    const refusalsBy: Record<string, number> = {};
    let refusals = 0;
    for (const entry of list) {
      if (!isRefusal(entry)) continue;
      refusals++;
      const by = entry.refusedBy ?? `status ${entry.status}`;
      refusalsBy[by] = (refusalsBy[by] ?? 0) + 1;
    }
    accounts.push({
      account,
      requests: list.length,
      refusals,
      refusalsBy,
      maxInWindow: maxInWindow(countedByAccount.get(account) ?? [], options.windowMs),
      maxConcurrent: {
        get: maxConcurrency(list.filter((e) => e.method === 'GET')),
        other: maxConcurrency(list.filter((e) => e.method !== 'GET')),
      },
    });
  }
  return {
    windowMs: options.windowMs,
    limit: options.limit ?? null,
    accounts,
    breaches:
      options.limit === undefined
        ? []
        : breaches(entries, {
            windowMs: options.windowMs,
            limit: options.limit,
            countRefused: options.countRefused ?? true,
          }),
  };
}

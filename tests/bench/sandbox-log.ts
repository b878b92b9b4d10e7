/** What the benchmark reads from the sandbox's request log (`/__sandbox/log`). */
export interface BenchLogEntry {
  seq: number;
  status: number;
  refusedBy: string | null;
  userAgent: string | null;
  startMs: number;
}

export const COMPETITOR_AGENT = 'bench-competitor';

export async function lastSeq(url: string): Promise<number> {
  return ((await (await fetch(`${url}/__sandbox/log?since=999999999`)).json()) as { lastSeq: number }).lastSeq;
}

export async function logSince(url: string, seq: number): Promise<BenchLogEntry[]> {
  return ((await (await fetch(`${url}/__sandbox/log?since=${seq}`)).json()) as { entries: BenchLogEntry[] }).entries;
}

export function isRefused(e: BenchLogEntry): boolean {
  return e.refusedBy !== null || e.status === 429 || e.status === 503;
}

export function isCompetitor(e: BenchLogEntry): boolean {
  return e.userAgent === COMPETITOR_AGENT;
}

/** Refusals closer than `gapMs` to the previous one belong to the same episode. */
export function refusalEpisodes(entries: readonly BenchLogEntry[], gapMs: number): number {
  const times = entries
    .filter(isRefused)
    .map((e) => e.startMs)
    .sort((a, b) => a - b);
  let episodes = 0;
  for (let i = 0; i < times.length; i++) if (i === 0 || times[i]! - times[i - 1]! > gapMs) episodes++;
  return episodes;
}

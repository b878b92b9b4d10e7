/**
 * Sorted times in ms: the body of a sliding window. Nearly every insert is the newest time, so inserting
 * walks back from the end; counting from a cut-off is a binary search.
 */
export class TimeLedger {
  private times: number[];

  constructor(times: Iterable<number> = []) {
    this.times = [...times].sort((a, b) => a - b);
  }

  get size(): number {
    return this.times.length;
  }

  add(at: number, count = 1): void {
    let i = this.times.length;
    while (i > 0 && this.times[i - 1]! > at) i--;
    this.times.splice(i, 0, ...Array.from({ length: count }, () => at));
  }

  /** Index of the first time strictly after `since`. */
  indexAfter(since: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! > since) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  countAfter(since: number): number {
    return this.times.length - this.indexAfter(since);
  }

  at(index: number): number | undefined {
    return this.times[index];
  }

  /** Forgets every time at or before `cutoff`. */
  dropUpTo(cutoff: number): void {
    const drop = this.indexAfter(cutoff);
    if (drop > 0) this.times.splice(0, drop);
  }

  clear(): void {
    this.times = [];
  }

  toArray(): number[] {
    return [...this.times];
  }
}

/**
 * The `k`-th (1-based) earliest time after `since` across several ledgers, or undefined when they hold fewer:
 * when enough entries have left a window for one more request to fit.
 */
export function kthAfter(ledgers: readonly TimeLedger[], since: number, k: number): number | undefined {
  const cursors = ledgers.map((ledger) => ledger.indexAfter(since));
  let found: number | undefined;
  for (let taken = 0; taken < k; taken++) {
    let best = -1;
    for (let i = 0; i < ledgers.length; i++) {
      const value = ledgers[i]!.at(cursors[i]!);
      if (value !== undefined && (best < 0 || value < ledgers[best]!.at(cursors[best]!)!)) best = i;
    }
    if (best < 0) return undefined;
    found = ledgers[best]!.at(cursors[best]!);
    cursors[best] = cursors[best]! + 1;
  }
  return found;
}

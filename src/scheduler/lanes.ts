import type { Lane, RequestTicket } from './request-executor.ts';

export interface Queued {
  seq: number;
  taken: boolean;
  ticket: RequestTicket<unknown>;
  enqueuedAt: number;
}

export const LANES: readonly Lane[] = ['interactive', 'user', 'bulk'];

/** FIFO per lane, each ordered by seq (a refused request keeps its place when it queues again). */
export class LaneQueues<T extends Queued> {
  private lanes: Record<Lane, T[]> = { interactive: [], user: [], bulk: [] };

  get size(): number {
    return this.lanes.interactive.length + this.lanes.user.length + this.lanes.bulk.length;
  }

  counts(): Record<Lane, number> {
    return {
      interactive: this.lanes.interactive.length,
      user: this.lanes.user.length,
      bulk: this.lanes.bulk.length,
    };
  }

  insert(entry: T): void {
    const lane = this.lanes[entry.ticket.lane];
    let at = lane.length;
    while (at > 0 && lane[at - 1]!.seq > entry.seq) at--;
    lane.splice(at, 0, entry);
  }

  remove(entry: T): boolean {
    const lane = this.lanes[entry.ticket.lane];
    const index = lane.indexOf(entry);
    if (index < 0) return false;
    lane.splice(index, 1);
    return true;
  }

  all(): T[] {
    return [...this.lanes.interactive, ...this.lanes.user, ...this.lanes.bulk];
  }

  /** Empties every lane and returns what was in them. */
  drain(): T[] {
    const all = this.all();
    for (const lane of LANES) this.lanes[lane] = [];
    return all;
  }

  /** Drops the entries a pass of `ordered` took. */
  sweepTaken(): void {
    for (const lane of LANES) this.lanes[lane] = this.lanes[lane].filter((e) => !e.taken);
  }

  /**
   * Interactive first; then user work and bulk work that has waited past `agingMs`, by age; then other bulk
   * work. The flag is true for that last run of bulk work, so a pass that can send no bulk work may stop there.
   */
  *ordered(now: number, agingMs: number): Generator<[T, boolean]> {
    for (const entry of this.lanes.interactive) yield [entry, false];
    const bulk = this.lanes.bulk;
    let aged = 0;
    while (aged < bulk.length && now - bulk[aged]!.enqueuedAt >= agingMs) aged++;
    const user = this.lanes.user;
    let u = 0;
    let b = 0;
    while (u < user.length || b < aged) {
      if (b >= aged || (u < user.length && user[u]!.seq < bulk[b]!.seq)) yield [user[u++]!, false];
      else yield [bulk[b++]!, false];
    }
    for (let i = aged; i < bulk.length; i++) yield [bulk[i]!, true];
  }
}

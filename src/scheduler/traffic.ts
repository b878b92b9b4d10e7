import type { RequestClass } from './limits.ts';
import { TimeLedger } from './time-ledger.ts';

export interface Flight {
  cls: RequestClass;
  startedAt: number;
  /**
   * Nobody will report this request's end (a previous worker sent it, or an observed tab request whose end
   * was missed): it is taken as answered at this time.
   */
  orphanUntil?: number;
}

/**
 * One sender's requests as the windows count them: in flight from the send, then one window after the
 * answer. Used for the extension's own requests and for those it observes from the user's DocSpace tabs.
 */
export class Traffic {
  readonly flights = new Map<string, Flight>();
  readonly completed = new TimeLedger();

  start(id: string, cls: RequestClass, at: number, orphanUntil?: number): void {
    this.flights.set(id, orphanUntil === undefined ? { cls, startedAt: at } : { cls, startedAt: at, orphanUntil });
  }

  /** The answer came at `at`; undefined when the request was not (or no longer) in flight. */
  finish(id: string, at: number): Flight | undefined {
    const flight = this.flights.get(id);
    if (!flight) return undefined;
    this.flights.delete(id);
    this.completed.add(Math.max(at, flight.startedAt));
    return flight;
  }

  private live(flight: Flight, now: number): boolean {
    return flight.orphanUntil === undefined || flight.orphanUntil > now;
  }

  inFlight(now: number, cls?: RequestClass): number {
    let n = 0;
    for (const flight of this.flights.values()) if (this.live(flight, now) && (!cls || flight.cls === cls)) n++;
    return n;
  }

  /** Requests that count in a window of span `span` ending now. */
  countIn(span: number, now: number): number {
    return this.inFlight(now) + this.completed.countAfter(now - span);
  }

  firstOrphanEnd(now: number, cls?: RequestClass): number | null {
    let first: number | null = null;
    for (const flight of this.flights.values()) {
      if (flight.orphanUntil === undefined || flight.orphanUntil <= now || (cls && flight.cls !== cls)) continue;
      first = first === null ? flight.orphanUntil : Math.min(first, flight.orphanUntil);
    }
    return first;
  }

  /** Orphans whose hold ended count as answered then; returns their ids. */
  settleOrphans(now: number): string[] {
    const settled: string[] = [];
    for (const [id, flight] of this.flights) {
      if (flight.orphanUntil !== undefined && flight.orphanUntil <= now) {
        this.flights.delete(id);
        this.completed.add(flight.orphanUntil);
        settled.push(id);
      }
    }
    return settled;
  }
}

/**
 * Whether the user is at an extension page: open now, or used in the last `holdMs`. Bulk work keeps the
 * interactive reserve free only then (and while a DocSpace tab works), so with nobody looking a job runs at
 * the whole budget.
 */
export class Presence {
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private open: boolean,
    private readonly holdMs: number,
  ) {}

  set(open: boolean, now: number): void {
    if (this.open && !open) this.lastAt = Math.max(this.lastAt, now);
    this.open = open;
  }

  note(at: number): void {
    this.lastAt = Math.max(this.lastAt, at);
  }

  /** Until when the reserve is held (Infinity while a page is open, -Infinity when not at all). */
  until(now: number, alsoUntil: number): number {
    if (this.open) return Number.POSITIVE_INFINITY;
    const until = Math.max(this.lastAt + this.holdMs, alsoUntil);
    return until > now ? until : Number.NEGATIVE_INFINITY;
  }
}

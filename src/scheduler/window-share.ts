/**
 * The share of each window the extension allows itself: AIMD on the window, for the traffic nobody reports.
 *
 * A refusal while the extension's own count said there was room means someone else spends the same budget
 * (another app on the account, a browser the extension cannot see). The share is then cut to BETA times how
 * full the window was, as the server counts it, at that moment (like TCP's ssthresh = FlightSize / 2,
 * RFC 5681, but much gentler: the cut is from what really fitted, not from the share, and the other sender
 * is usually steady, so 95% of what fitted leaves it room; a deeper cut costs a whole window at the end of
 * a job, because sliding windows free their slots in the bursts they were filled in).
 *
 * It grows back per window's worth of successful requests: by 0.5% of the window while the last cut of any
 * window is recent (the other sender is probably still there, and each probe to the limit costs a
 * refusal), by 10% once no window was cut for CALM_WINDOWS of the longest window, so the share recovers
 * within minutes when the other sender has stopped.
 */
export interface ShareState {
  share: number;
  /** When it was last cut (epoch ms): refusals of requests sent before then belong to that episode. */
  cutAt: number;
}

export const BETA = 0.95;
export const MIN_SHARE = 0.05;
/** Growth per window's worth of successes, as a share of the window. */
const SLOW_GROWTH = 0.005;
const FAST_GROWTH = 0.1;
/** Time since the last cut of any window, in the longest window's lengths, before growth speeds up. */
const CALM_WINDOWS = 3;

export class WindowShares {
  private readonly states = new Map<string, ShareState>();

  constructor(saved?: Record<string, ShareState>) {
    for (const [name, state] of Object.entries(saved ?? {})) {
      if (Number.isFinite(state.share) && state.share < 1)
        this.states.set(name, { share: Math.max(MIN_SHARE, state.share), cutAt: state.cutAt });
    }
  }

  get(name: string): number {
    return this.states.get(name)?.share ?? 1;
  }

  /**
   * Lowers the share of a window that was `fullness` (0..1) full by the extension's count when a request
   * sent at `sentAt` was refused. False when that request was sent before the last cut (same episode).
   */
  cut(name: string, fullness: number, sentAt: number, now: number): boolean {
    const state = this.states.get(name);
    if (state && sentAt < state.cutAt) return false;
    const share = Math.max(MIN_SHARE, Math.min(state?.share ?? 1, BETA * Math.min(1, fullness)));
    this.states.set(name, { share, cutAt: now });
    return true;
  }

  /** The last cut of any window: the other sender was there then. */
  private lastCut(): number {
    let last = Number.NEGATIVE_INFINITY;
    for (const state of this.states.values()) last = Math.max(last, state.cutAt);
    return last;
  }

  /**
   * One successful request: each window wins back a little. Calm is measured in the longest window and
   * from the last cut of any window: a steady other sender shows in every window, and probing the short
   * one every few seconds would be refused every few seconds.
   */
  grow(name: string, limit: number, longestWindowMs: number, now: number): void {
    const state = this.states.get(name);
    if (!state) return;
    const calm = now - this.lastCut() >= CALM_WINDOWS * longestWindowMs;
    state.share += (calm ? FAST_GROWTH : SLOW_GROWTH) / Math.max(1, limit);
    if (state.share >= 1) this.states.delete(name);
  }

  lowest(): number {
    let lowest = 1;
    for (const state of this.states.values()) lowest = Math.min(lowest, state.share);
    return lowest;
  }

  clear(): void {
    this.states.clear();
  }

  toPersisted(): Record<string, ShareState> {
    return Object.fromEntries([...this.states].map(([name, state]) => [name, { ...state }]));
  }
}

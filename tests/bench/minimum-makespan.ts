import type { EffectiveLimits } from '../../src/scheduler/limits.ts';

type Windows = Pick<EffectiveLimits, 'windows'>;

/**
 * The least time N requests can take under sliding windows: send each as early as every window allows
 * (greedy is optimal for "at most L in any window of W"). Concurrency is ignored: with answers in a few
 * milliseconds it never binds before the windows do. Returns the start time of the last request.
 */
export function minimumLastStart(n: number, limits: Windows): number {
  const starts: number[] = [];
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (const w of limits.windows) {
      const blocking = starts[i - w.limit];
      if (blocking !== undefined) t = Math.max(t, blocking + w.windowMs);
    }
    starts.push(t);
  }
  return starts.at(-1) ?? 0;
}

/** Count of sorted `times` in (from, to]. */
function countIn(times: readonly number[], from: number, to: number): number {
  return upperBound(times, to) - upperBound(times, from);
}

function upperBound(times: readonly number[], value: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The same with another client's requests fixed where they happened (`occupied`, sorted, epoch ms): the
 * least time N requests starting at `t0` take in what that client leaves. A request at t must keep every
 * window containing t within its limit, including windows that end later and hold more of the other's.
 * `shared[i]` says whether the server counts the other client in window i (the server profile has no
 * 10 s window: there it is only our own limit).
 */
export function minimumLastStartAround(
  n: number,
  limits: Windows,
  occupiedTimes: readonly number[],
  t0: number,
  shared: readonly boolean[] = limits.windows.map(() => true),
): number {
  const ours: number[] = [];
  const none: number[] = [];
  const fits = (t: number): boolean =>
    limits.windows.every((w, i) => {
      const occupied = shared[i] ? occupiedTimes : none;
      const later = occupied.slice(upperBound(occupied, t), upperBound(occupied, t + w.windowMs - 1));
      return [t, ...later].every(
        (s) => countIn(occupied, s - w.windowMs, s) + countIn(ours, s - w.windowMs, t) + 1 <= w.limit,
      );
    });
  const nextExit = (t: number): number => {
    let next = Number.POSITIVE_INFINITY;
    for (const [i, w] of limits.windows.entries()) {
      for (const times of shared[i] ? [ours, occupiedTimes] : [ours]) {
        const first = upperBound(times, t - w.windowMs);
        if (first < times.length && times[first]! <= t) next = Math.min(next, times[first]! + w.windowMs);
      }
    }
    return Number.isFinite(next) ? Math.max(next, t + 1) : t + 1;
  };
  let t = t0;
  for (let i = 0; i < n; i++) {
    while (!fits(t)) t = nextExit(t);
    ours.push(t);
  }
  return (ours.at(-1) ?? t0) - t0;
}

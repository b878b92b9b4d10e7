import type { EffectiveLimits } from '../../src/scheduler/limits.ts';

/**
 * The least time N requests can take under sliding windows: send each as early as every window allows
 * (greedy is optimal for "at most L in any window of W"). Concurrency is ignored: with answers in a few
 * milliseconds it never binds before the windows do. Returns the start time of the last request.
 */
export function minimumLastStart(n: number, limits: Pick<EffectiveLimits, 'windows'>): number {
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

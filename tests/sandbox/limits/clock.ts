// Time source for the limiters and fault windows. Tests inject a manual clock so that windows can
// be crossed without waiting; the server uses wall-clock milliseconds.

/** Milliseconds since the Unix epoch (or any monotonic origin the caller keeps consistent). */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A clock that only moves when told to. */
export interface ManualClock {
  (): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function manualClock(startMs = Date.UTC(2026, 2, 2, 9, 0, 0)): ManualClock {
  let now = startMs;
  const clock = (() => now) as ManualClock;
  clock.set = (ms) => {
    now = ms;
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

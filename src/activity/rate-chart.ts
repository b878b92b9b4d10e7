/** One look at the scheduler: requests in the short window (all senders) and its limit, at a time. */
export interface RateSample {
  at: number;
  used: number;
  limit: number;
}

export interface RateChart {
  width: number;
  height: number;
  /** SVG polyline points of the requests in the window, oldest left. */
  used: string;
  /** The limit as a line (it changes when the limits are changed). */
  limit: string;
  /** The highest value the vertical axis shows. */
  top: number;
  /** The newest sample's figures, for the chart's text alternative. */
  latest: RateSample | null;
  peak: number;
}

/** Keeps the last `spanMs` of samples (one per `minGapMs` at most: snapshots come in bursts). */
export function addSample(samples: readonly RateSample[], sample: RateSample, spanMs: number, minGapMs = 500) {
  const last = samples[samples.length - 1];
  const kept = last && sample.at - last.at < minGapMs ? samples.slice(0, -1) : samples;
  return [...kept.filter((s) => s.at > sample.at - spanMs), sample];
}

/** Lays the samples of the last `spanMs` before `now` out in a `width` × `height` box; time runs left to right. */
export function rateChart(
  samples: readonly RateSample[],
  now: number,
  spanMs: number,
  width: number,
  height: number,
): RateChart {
  const shown = samples.filter((s) => s.at > now - spanMs && s.at <= now);
  const peak = shown.reduce((m, s) => Math.max(m, s.used), 0);
  const top = Math.max(1, ...shown.map((s) => Math.max(s.used, s.limit)));
  const x = (at: number) => round(((at - (now - spanMs)) / spanMs) * width);
  const y = (value: number) => round(height - (Math.min(value, top) / top) * height);
  const line = (value: (s: RateSample) => number) => shown.map((s) => `${x(s.at)},${y(value(s))}`).join(' ');
  return {
    width,
    height,
    used: line((s) => s.used),
    limit: line((s) => s.limit),
    top,
    latest: shown[shown.length - 1] ?? null,
    peak,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

import { describe, expect, it } from 'vitest';
import { addSample, rateChart, type RateSample } from '../../../src/activity/rate-chart.ts';

describe('the request-rate chart', () => {
  it('keeps the last span of samples, one per half second', () => {
    let samples: RateSample[] = [];
    for (const at of [0, 100, 1_000, 2_000, 61_000]) samples = addSample(samples, { at, used: at, limit: 500 }, 60_000);
    expect(samples.map((s) => s.at)).toEqual([2_000, 61_000]);
    samples = addSample(samples, { at: 61_200, used: 1, limit: 500 }, 60_000);
    expect(samples.map((s) => s.at)).toEqual([2_000, 61_200]);
  });

  it('lays requests and the limit out left to right, the axis topped by the larger of the two', () => {
    const samples = [
      { at: 0, used: 0, limit: 100 },
      { at: 30_000, used: 50, limit: 100 },
      { at: 60_000, used: 100, limit: 100 },
    ];
    const chart = rateChart(samples, 60_000, 60_000, 600, 100);
    // The first sample is exactly one span old: outside.
    expect(chart.used).toBe('300,50 600,0');
    expect(chart.limit).toBe('300,0 600,0');
    expect(chart.top).toBe(100);
    expect(chart.peak).toBe(100);
    expect(chart.latest).toEqual(samples[2]);
    const over = rateChart([{ at: 10, used: 200, limit: 100 }], 10, 1_000, 100, 100);
    expect(over).toMatchObject({ top: 200, used: '100,0', limit: '100,50' });
  });

  it('an empty chart has no points and no latest figure', () => {
    expect(rateChart([], 0, 60_000, 600, 100)).toMatchObject({ used: '', limit: '', latest: null, peak: 0 });
  });
});

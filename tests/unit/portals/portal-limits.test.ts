import { describe, expect, it } from 'vitest';
import { checkPortalLimits, limitSettingsFor } from '../../../src/portals/portal-limits.ts';
import { DEFAULT_LIMITS } from '../../../src/scheduler/limits.ts';

describe('portal limits', () => {
  it('defaults to DocSpace’s numbers, the whole of each limit', () => {
    expect(limitSettingsFor(undefined)).toEqual(DEFAULT_LIMITS);
  });

  it('overrides every number and scales every window', () => {
    const settings = limitSettingsFor({
      requestsPer10s: 100,
      requestsPerMinute: 300,
      concurrentReads: 10,
      concurrentWrites: 4,
      dailyWrites: 50,
      sensitivePer15min: 2,
      safetyMargin: 0.8,
      windowScale: 0.1,
    });
    expect(settings.windows).toEqual([
      { name: '10s', limit: 100, windowMs: 1_000 },
      { name: '60s', limit: 300, windowMs: 6_000 },
    ]);
    expect(settings).toMatchObject({
      concurrentReads: 10,
      concurrentWrites: 4,
      dailyWrites: 50,
      safetyMargin: 0.8,
      dailyWindowMs: 8_640_000,
    });
    expect(settings.sensitive).toMatchObject({ limit: 2, windowMs: 90_000 });
  });

  it('refuses numbers out of range with the range', () => {
    expect(() => checkPortalLimits({ safetyMargin: 1.5 })).toThrow(/between 5% and 100%/);
    expect(() => checkPortalLimits({ concurrentWrites: 0 })).toThrow(/from 1 to/);
    expect(() => checkPortalLimits({ requestsPer10s: 2.5 })).toThrow(/whole number/);
    expect(checkPortalLimits({ concurrentReads: 20, junk: 1 } as never)).toEqual({ concurrentReads: 20 });
  });
});

describe('portal limits from any page are kept to sane ranges (issue 14, item 12)', () => {
  it('refuses a window scale of 0.001, a million requests and a margin of 1.5 or 0.01, with the range', () => {
    expect(() => checkPortalLimits({ windowScale: 0.001 })).toThrow(/window scale must be between 0.05 and 10/);
    expect(() => checkPortalLimits({ requestsPer10s: 1_000_000 })).toThrow(
      /requestsPer10s must be a whole number from 1 to 5,000/,
    );
    expect(() => checkPortalLimits({ requestsPerMinute: 1_000_000 })).toThrow(/from 1 to 15,000/);
    expect(() => checkPortalLimits({ dailyWrites: 1_000_000 })).toThrow(/from 1 to 100,000/);
    expect(() => checkPortalLimits({ concurrentReads: 1_000 })).toThrow(/from 1 to 500/);
    expect(() => checkPortalLimits({ safetyMargin: 0.01 })).toThrow(/between 5% and 100%/);
    expect(() => checkPortalLimits({ windowScale: Number.NaN })).toThrow(/window scale/);
  });

  it('accepts what the end-to-end tests and the benchmark set', () => {
    const e2e = {
      requestsPer10s: 100,
      requestsPerMinute: 300,
      concurrentReads: 10,
      concurrentWrites: 4,
      windowScale: 0.1,
    };
    expect(checkPortalLimits(e2e)).toEqual(e2e);
    expect(checkPortalLimits({ windowScale: 0.05, safetyMargin: 1 })).toEqual({ windowScale: 0.05, safetyMargin: 1 });
    expect(checkPortalLimits({ windowScale: 10, requestsPer10s: 5_000 })).toEqual({
      windowScale: 10,
      requestsPer10s: 5_000,
    });
  });
});

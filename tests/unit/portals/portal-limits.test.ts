import type { AppError } from '../../../src/errors/index.ts';
import { english } from '../support/english.ts';
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
    expect(() => checkPortalLimits({ safetyMargin: 1.5 })).toThrow(/limitOutOfRange: safetyMargin \| 0\.05 \| 1/);
    expect(() => checkPortalLimits({ concurrentWrites: 0 })).toThrow(/limitOutOfRange: concurrentWrites \| 1 \|/);
    expect(() => checkPortalLimits({ requestsPer10s: 2.5 })).toThrow(/limitOutOfRange: requestsPer10s/);
    expect(checkPortalLimits({ concurrentReads: 20, junk: 1 } as never)).toEqual({ concurrentReads: 20 });
  });
});

describe('portal limits from any page are kept to sane ranges (issue 14, item 12)', () => {
  it('refuses a window scale of 0.001, a million requests and a margin of 1.5 or 0.01, with the range', () => {
    const refusal = (limits: Parameters<typeof checkPortalLimits>[0]): string => {
      try {
        checkPortalLimits(limits);
      } catch (error) {
        return english(error as AppError);
      }
      throw new Error(`accepted ${JSON.stringify(limits)}`);
    };
    expect(refusal({ windowScale: 0.001 })).toBe('windowScale must be from 0.05 to 10.');
    expect(refusal({ requestsPer10s: 1_000_000 })).toBe('requestsPer10s must be from 1 to 5000.');
    expect(refusal({ requestsPerMinute: 1_000_000 })).toMatch(/from 1 to 15000/);
    expect(refusal({ dailyWrites: 1_000_000 })).toMatch(/from 1 to 100000/);
    expect(refusal({ concurrentReads: 1_000 })).toMatch(/from 1 to 500/);
    expect(refusal({ safetyMargin: 0.01 })).toMatch(/safetyMargin must be from 0.05 to 1/);
    expect(refusal({ safetyMargin: 1.5 })).toMatch(/safetyMargin/);
    expect(refusal({ windowScale: Number.NaN })).toMatch(/windowScale/);
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

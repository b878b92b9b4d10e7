import { describe, expect, it } from 'vitest';
import { checkPortalLimits, limitSettingsFor } from '../../../src/portals/portal-limits.ts';
import { DEFAULT_LIMITS } from '../../../src/scheduler/limits.ts';

describe('portal limits', () => {
  it('defaults to DocSpace’s numbers with a 90% margin', () => {
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

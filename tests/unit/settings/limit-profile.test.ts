import { describe, expect, it } from 'vitest';
import { LIMIT_RANGES, checkPortalLimits, limitSettingsFor } from '../../../src/portals/portal-limits.ts';
import { formForLimits, limitsForProfile } from '../../../src/settings/limit-profile.ts';

describe('limit profiles', () => {
  it('cloud is DocSpace’s numbers; the share kept for others becomes the margin', () => {
    expect(limitsForProfile({ profile: 'cloud', keptForOthers: 0, custom: { requestsPer10s: 7 } })).toEqual({});
    expect(limitsForProfile({ profile: 'cloud', keptForOthers: 20, custom: {} })).toEqual({ safetyMargin: 0.8 });
    expect(limitsForProfile({ profile: 'cloud', keptForOthers: 400, custom: {} })).toEqual({ safetyMargin: 0.05 });
  });

  it('custom keeps the user’s numbers, and what tests set (window scale) survives a save', () => {
    const limits = limitsForProfile(
      { profile: 'custom', keptForOthers: 0, custom: { requestsPer10s: 100, dailyWrites: 500 } },
      { windowScale: 0.1, requestsPer10s: 3 },
    );
    expect(limits).toEqual({ windowScale: 0.1, requestsPer10s: 100, dailyWrites: 500 });
    expect(checkPortalLimits(limits)).toEqual(limits);
    expect(limitSettingsFor(limits).windows[0]).toMatchObject({ limit: 100, windowMs: 1_000 });
  });

  it('off is the most the scheduler accepts, which it accepts', () => {
    const limits = limitsForProfile({ profile: 'off', keptForOthers: 0, custom: { requestsPer10s: 5 } });
    expect(limits.requestsPer10s).toBe(LIMIT_RANGES.requestsPer10s[1]);
    expect(limits.concurrentWrites).toBe(LIMIT_RANGES.concurrentWrites[1]);
    expect(checkPortalLimits(limits)).toEqual(limits);
  });

  it('reads a form back from what is stored', () => {
    expect(formForLimits({}, undefined)).toEqual({ profile: 'cloud', keptForOthers: 0, custom: {} });
    expect(formForLimits({ requestsPer10s: 9, safetyMargin: 0.75 }, undefined)).toEqual({
      profile: 'custom',
      keptForOthers: 25,
      custom: { requestsPer10s: 9 },
    });
    expect(formForLimits(limitsForProfile({ profile: 'off', keptForOthers: 0, custom: {} }), 'off').custom).toEqual({});
  });
});

import { appError } from '../errors/index.ts';
import type { PortalLimits } from '../protocol/index.ts';
import { DEFAULT_LIMITS, scaleWindows, type LimitSettings } from '../scheduler/limits.ts';

/** The limit settings a portal's scheduler runs with: DocSpace's defaults plus the user's overrides. */
export function limitSettingsFor(overrides: PortalLimits | undefined): LimitSettings {
  const o = overrides ?? {};
  const [tenSeconds, minute] = DEFAULT_LIMITS.windows;
  const base: LimitSettings = {
    ...DEFAULT_LIMITS,
    windows: [
      { ...tenSeconds!, limit: o.requestsPer10s ?? tenSeconds!.limit },
      { ...minute!, limit: o.requestsPerMinute ?? minute!.limit },
    ],
    concurrentReads: o.concurrentReads ?? DEFAULT_LIMITS.concurrentReads,
    concurrentWrites: o.concurrentWrites ?? DEFAULT_LIMITS.concurrentWrites,
    dailyWrites: o.dailyWrites ?? DEFAULT_LIMITS.dailyWrites,
    sensitive: { ...DEFAULT_LIMITS.sensitive, limit: o.sensitivePer15min ?? DEFAULT_LIMITS.sensitive.limit },
    safetyMargin: o.safetyMargin ?? DEFAULT_LIMITS.safetyMargin,
  };
  return o.windowScale && o.windowScale !== 1 ? scaleWindows(base, o.windowScale) : base;
}

const COUNTS = [
  'requestsPer10s',
  'requestsPerMinute',
  'concurrentReads',
  'concurrentWrites',
  'dailyWrites',
  'sensitivePer15min',
] as const;

/** Checks what a user (or a test) sets; an out-of-range number is refused with the allowed range. */
export function checkPortalLimits(limits: PortalLimits): PortalLimits {
  const checked: PortalLimits = {};
  if (limits.safetyMargin !== undefined) {
    if (!(limits.safetyMargin >= 0.05 && limits.safetyMargin <= 1))
      throw appError('limitOutOfRange', { name: 'safetyMargin', min: 0.05, max: 1 });
    checked.safetyMargin = limits.safetyMargin;
  }
  if (limits.windowScale !== undefined) {
    if (!(limits.windowScale >= 0.001 && limits.windowScale <= 10))
      throw appError('limitOutOfRange', { name: 'windowScale', min: 0.001, max: 10 });
    checked.windowScale = limits.windowScale;
  }
  for (const key of COUNTS) {
    const value = limits[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1 || value > 1_000_000)
      throw appError('limitOutOfRange', { name: key, min: 1, max: 1_000_000 });
    checked[key] = value;
  }
  return checked;
}

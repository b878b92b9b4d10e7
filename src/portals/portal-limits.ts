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

/**
 * The ranges a page may set (`setLimits` comes from any extension page, so nothing is trusted). Counts go
 * up to ten times DocSpace's defaults (a self-hosted admin may raise them; beyond that a typo is likelier
 * than a portal that allows it); windows may be scaled from 0.05 (test portals whose windows are scaled the
 * same way: the e2e tests use 0.1, the benchmark 0.5) to 10; the extension may use 5% to 100% of each
 * limit (100%, the default, is safe now that the user's tabs are counted and others learned from refusals).
 */
export const LIMIT_RANGES = {
  requestsPer10s: [1, 5_000],
  requestsPerMinute: [1, 15_000],
  concurrentReads: [1, 500],
  concurrentWrites: [1, 150],
  dailyWrites: [1, 100_000],
  sensitivePer15min: [1, 50],
} as const satisfies Record<string, readonly [number, number]>;
export const WINDOW_SCALE_RANGE = [0.05, 10] as const;
export const SAFETY_MARGIN_RANGE = [0.05, 1] as const;

const COUNTS = Object.keys(LIMIT_RANGES) as Array<keyof typeof LIMIT_RANGES>;

/** Checks what a user (or a test) sets; an out-of-range number is refused with the allowed range. */
export function checkPortalLimits(limits: PortalLimits): PortalLimits {
  const checked: PortalLimits = {};
  if (limits.safetyMargin !== undefined) {
    const [low, high] = SAFETY_MARGIN_RANGE;
    if (!(typeof limits.safetyMargin === 'number' && limits.safetyMargin >= low && limits.safetyMargin <= high))
      throw appError('limitOutOfRange', { name: 'safetyMargin', min: low, max: high });
    checked.safetyMargin = limits.safetyMargin;
  }
  if (limits.windowScale !== undefined) {
    const [low, high] = WINDOW_SCALE_RANGE;
    if (!(typeof limits.windowScale === 'number' && limits.windowScale >= low && limits.windowScale <= high))
      throw appError('limitOutOfRange', { name: 'windowScale', min: low, max: high });
    checked.windowScale = limits.windowScale;
  }
  for (const key of COUNTS) {
    const value = limits[key];
    if (value === undefined) continue;
    const [low, high] = LIMIT_RANGES[key];
    if (!Number.isInteger(value) || value < low || value > high)
      throw appError('limitOutOfRange', { name: key, min: low, max: high });
    checked[key] = value;
  }
  return checked;
}

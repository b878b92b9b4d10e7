import { AppError } from '../errors.ts';
import type { PortalLimits } from '../protocol.ts';
import { DEFAULT_LIMITS, scaleWindows, type LimitSettings } from '../scheduler/limits.ts';

/** The limit settings a portal's scheduler runs with: DocSpace's defaults plus the user's overrides. */
export function limitSettingsFor(overrides: PortalLimits | undefined): LimitSettings {
  const base: LimitSettings = { ...DEFAULT_LIMITS, safetyMargin: overrides?.safetyMargin ?? DEFAULT_LIMITS.safetyMargin };
  return overrides?.windowScale && overrides.windowScale !== 1 ? scaleWindows(base, overrides.windowScale) : base;
}

export function checkPortalLimits(limits: PortalLimits): PortalLimits {
  const checked: PortalLimits = {};
  if (limits.safetyMargin !== undefined) {
    if (!(limits.safetyMargin >= 0.05 && limits.safetyMargin <= 1)) throw invalid('The safety margin must be between 5% and 100%.');
    checked.safetyMargin = limits.safetyMargin;
  }
  if (limits.windowScale !== undefined) {
    if (!(limits.windowScale >= 0.001 && limits.windowScale <= 10)) throw invalid('The window scale must be between 0.001 and 10.');
    checked.windowScale = limits.windowScale;
  }
  return checked;
}

function invalid(message: string): AppError {
  return new AppError({ code: 'validation', message, retryable: false, action: 'none' });
}

import type { PortalLimits } from '../protocol/activity.ts';
import { LIMIT_RANGES } from '../portals/portal-limits.ts';
import type { LimitProfile } from './preferences.ts';

/** The numbers a user can set for a self-hosted portal (window scale stays a test-only knob). */
export const CUSTOM_FIELDS = [
  'requestsPer10s',
  'requestsPerMinute',
  'concurrentReads',
  'concurrentWrites',
  'dailyWrites',
] as const satisfies ReadonlyArray<keyof typeof LIMIT_RANGES>;
export type CustomField = (typeof CUSTOM_FIELDS)[number];

/** The share of every limit the user keeps for other apps on the same account: 0..95 %. */
export const KEPT_FOR_OTHERS_MAX = 95;

export interface BehaviourForm {
  profile: LimitProfile;
  /** Per cent of the budget kept for other apps (the scheduler's safety margin is its complement). */
  keptForOthers: number;
  custom: Partial<Record<CustomField, number>>;
}

/**
 * The limits a profile stands for. "off" is the largest numbers the scheduler accepts (ten times DocSpace's
 * defaults) rather than none: a portal without a limiter still has a server that can be flooded, and one
 * typed by mistake recovers by the 429s it then sends.
 */
export function limitsForProfile(form: BehaviourForm, current: PortalLimits = {}): PortalLimits {
  const limits: PortalLimits = {};
  if (current.windowScale !== undefined) limits.windowScale = current.windowScale;
  if (current.sensitivePer15min !== undefined) limits.sensitivePer15min = current.sensitivePer15min;
  const kept = Math.min(KEPT_FOR_OTHERS_MAX, Math.max(0, Math.round(form.keptForOthers)));
  if (kept > 0) limits.safetyMargin = (100 - kept) / 100;
  if (form.profile === 'custom')
    for (const field of CUSTOM_FIELDS) {
      const value = form.custom[field];
      if (value !== undefined) limits[field] = value;
    }
  if (form.profile === 'off') for (const field of CUSTOM_FIELDS) limits[field] = LIMIT_RANGES[field][1];
  return limits;
}

/** The form as it stands for stored limits (the profile itself is stored with the portal's preferences). */
export function formForLimits(limits: PortalLimits, profile: LimitProfile | undefined): BehaviourForm {
  const custom: BehaviourForm['custom'] = {};
  for (const field of CUSTOM_FIELDS) if (limits[field] !== undefined) custom[field] = limits[field];
  const guessed: LimitProfile = Object.keys(custom).length > 0 ? 'custom' : 'cloud';
  return {
    profile: profile ?? guessed,
    keptForOthers: Math.round((1 - (limits.safetyMargin ?? 1)) * 100),
    custom: profile === 'off' ? {} : custom,
  };
}

import * as v from 'valibot';
import { appError, type AppError } from '../errors/index.ts';
import type { GlobalSettings, PortalPrefs } from './preferences.ts';
import { globalSettingsSchema, portalPrefsSchema } from './preferences-schema.ts';
import type { PortalLimits } from '../protocol/activity.ts';

export const SETTINGS_FORMAT = 'docspace-power-tools/settings';
export const SETTINGS_VERSION = 1;

const count = v.pipe(v.number(), v.integer(), v.minValue(1));
/** The same fields as the `setLimits` command; the background checks their ranges before anything is written. */
const limitsSchema = v.strictObject({
  safetyMargin: v.optional(v.number()),
  windowScale: v.optional(v.number()),
  requestsPer10s: v.optional(count),
  requestsPerMinute: v.optional(count),
  concurrentReads: v.optional(count),
  concurrentWrites: v.optional(count),
  dailyWrites: v.optional(count),
  sensitivePer15min: v.optional(count),
});

/**
 * A settings file. Strict: a key this version does not know (a credential pasted in, a field of a newer
 * version) refuses the whole file rather than being dropped in silence. Portals are named by origin only.
 */
export const settingsFileSchema = v.strictObject({
  format: v.literal(SETTINGS_FORMAT),
  version: v.literal(SETTINGS_VERSION),
  exportedAt: v.pipe(v.string(), v.maxLength(40)),
  settings: v.strictObject(globalSettingsSchema.entries),
  portals: v.pipe(
    v.array(
      v.strictObject({
        origin: v.pipe(v.string(), v.maxLength(2_000), v.url()),
        limits: limitsSchema,
        prefs: v.strictObject(portalPrefsSchema.entries),
      }),
    ),
    v.maxLength(100),
  ),
});
export type SettingsFile = v.InferOutput<typeof settingsFileSchema>;

export interface PortalSettings {
  origin: string;
  limits: PortalLimits;
  prefs: PortalPrefs;
}

export function buildSettingsFile(settings: GlobalSettings, portals: PortalSettings[], now: Date): SettingsFile {
  return {
    format: SETTINGS_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    settings: { theme: settings.theme, language: settings.language },
    // Built field by field: whatever else a stored record holds never reaches the file.
    portals: portals.map((p) => ({
      origin: p.origin,
      limits: pick(p.limits, Object.keys(limitsSchema.entries) as Array<keyof PortalLimits>),
      prefs: pick(p.prefs, ['limitProfile', 'popupSections']),
    })),
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

export type ParsedSettingsFile = { ok: true; file: SettingsFile } | { ok: false; error: AppError };

/** Reads a file the user picked: JSON, ours, a version we know, every field valid; else why not. */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: appError('settingsFileNotJson', {}) };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== SETTINGS_FORMAT)
    return { ok: false, error: appError('settingsFileNotOurs', {}) };
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > SETTINGS_VERSION)
    return { ok: false, error: appError('settingsFileTooNew', { version: String(version) }) };
  const result = v.safeParse(settingsFileSchema, json);
  if (result.success) return { ok: true, file: result.output };
  const issue = result.issues[0];
  const where = issue?.path?.map((p) => String(p.key)).join('.') || 'version';
  return { ok: false, error: appError('settingsFileInvalid', { detail: where }) };
}

import * as v from 'valibot';
import type { Diagnostics } from '../settings/diagnostics.ts';
import type { GlobalSettings, PortalPrefs } from '../settings/preferences.ts';
import { globalSettingsSchema, portalPrefsSchema } from '../settings/preferences-schema.ts';
import { settingsFileSchema, type SettingsFile } from '../settings/settings-file.ts';
import type { PortalLimits } from './activity.ts';
import { command, empty, portalIdSchema, text } from './define.ts';

export type { GlobalSettings, PortalPrefs, SettingsFile, Diagnostics };

/** One portal's behaviour: its limit overrides (as `setLimits` stores them) and its preferences. */
export interface PortalBehaviour {
  limits: PortalLimits;
  prefs: PortalPrefs;
}

export interface ImportOutcome {
  settings: GlobalSettings;
  /** Portals of the file that matched one in the list, and those that did not (left out). */
  applied: number;
  unknown: number;
}

export const settingsCommands = {
  getSettings: command<GlobalSettings>()(empty),
  setSettings: command<GlobalSettings>()(v.partial(globalSettingsSchema)),
  getPortalBehaviour: command<PortalBehaviour>()(v.object({ portalId: portalIdSchema })),
  /** Limits are checked as `setLimits` checks them; both are written together or neither. */
  setPortalBehaviour: command<PortalBehaviour>()(
    v.object({
      portalId: portalIdSchema,
      prefs: portalPrefsSchema,
      limits: v.optional(v.record(v.string(), v.number())),
    }),
  ),
  exportSettings: command<SettingsFile>()(empty),
  /** The whole file is checked (schema, then every portal's limits) before anything is written. */
  importSettings: command<ImportOutcome>()(v.object({ file: settingsFileSchema })),
  exportDiagnostics: command<Diagnostics>()(v.object({ extensionVersion: text(40) })),
};

export interface SettingsEvents {
  settingsChanged: GlobalSettings;
  portalBehaviourChanged: { portalId: string } & PortalBehaviour;
}

import { appError } from '../../../src/errors/index.ts';
import { checkPortalLimits } from '../../../src/portals/portal-limits.ts';
import type { CommandHandlers, PortalLimits } from '../../../src/protocol/index.ts';
import { buildDiagnostics } from '../../../src/settings/diagnostics.ts';
import { buildSettingsFile } from '../../../src/settings/settings-file.ts';
import { limitsItem, portalPrefsItem, settingsItem } from '../../../src/storage/schema.ts';
import type { CommandContext } from '../../platform/ports.ts';
import type { BackgroundContext } from '../app.ts';

type SettingsCommands = Pick<
  CommandHandlers<CommandContext>,
  | 'getSettings'
  | 'setSettings'
  | 'getPortalBehaviour'
  | 'setPortalBehaviour'
  | 'exportSettings'
  | 'importSettings'
  | 'exportDiagnostics'
>;

/** Global settings, per-portal behaviour, and the two files: settings (to move them) and diagnostics (to report). */
export function settingsHandlers(background: BackgroundContext): SettingsCommands {
  const { storage, registry } = background;
  const requirePortal = (portalId: string) => {
    const record = registry.get(portalId);
    if (!record) throw appError('portalNotInList', {});
    return record;
  };
  const applyLimits = async (portalId: string, limits: PortalLimits) => {
    await background.sessions.updateLimits(portalId, limits);
  };

  return {
    getSettings: () => storage.get(settingsItem),
    setSettings: async (change) => {
      const next = await storage.update(settingsItem, (current) => ({ ...current, ...change }));
      background.broadcast('settingsChanged', next);
      return next;
    },
    getPortalBehaviour: async ({ portalId }) => {
      requirePortal(portalId);
      return { limits: await storage.get(limitsItem, portalId), prefs: await storage.get(portalPrefsItem, portalId) };
    },
    setPortalBehaviour: async ({ portalId, prefs, limits }) => {
      requirePortal(portalId);
      // Checked before anything is written: a refused number leaves both as they were.
      const checked = limits ? checkPortalLimits(limits as PortalLimits) : await storage.get(limitsItem, portalId);
      await storage.setMany([
        [portalPrefsItem, portalId, prefs],
        [limitsItem, portalId, checked],
      ]);
      if (limits) await applyLimits(portalId, checked);
      const behaviour = { limits: checked, prefs };
      background.broadcast('portalBehaviourChanged', { portalId, ...behaviour });
      return behaviour;
    },
    exportSettings: async () => {
      const { portals: list } = await registry.state(background.hasHostPermission);
      const portals = await Promise.all(
        list.map(async (p) => ({
          origin: p.origin,
          limits: await storage.get(limitsItem, p.id),
          prefs: await storage.get(portalPrefsItem, p.id),
        })),
      );
      return buildSettingsFile(await storage.get(settingsItem), portals, new Date());
    },
    importSettings: async ({ file }) => {
      const { portals } = await registry.state(background.hasHostPermission);
      const writes: Array<[typeof limitsItem | typeof portalPrefsItem, string, unknown]> = [];
      const applied: Array<[string, PortalLimits]> = [];
      let unknown = 0;
      for (const entry of file.portals) {
        const matching = portals.filter((p) => p.origin === new URL(entry.origin).origin);
        if (matching.length === 0) unknown++;
        // Every number is checked before the first write: one out of range refuses the whole file.
        const limits = checkPortalLimits(entry.limits);
        for (const portal of matching) {
          writes.push([limitsItem, portal.id, limits], [portalPrefsItem, portal.id, entry.prefs]);
          applied.push([portal.id, limits]);
        }
      }
      const settings = { theme: file.settings.theme, language: file.settings.language };
      await storage.setMany([[settingsItem, undefined, settings], ...writes]);
      for (const [portalId, limits] of applied) await applyLimits(portalId, limits);
      background.broadcast('settingsChanged', settings);
      return { settings, applied: applied.length, unknown };
    },
    exportDiagnostics: async ({ extensionVersion }) => {
      const { portals } = await registry.state(background.hasHostPermission);
      return buildDiagnostics({
        extensionVersion,
        now: new Date(),
        settings: await storage.get(settingsItem),
        portals: await Promise.all(
          portals.map(async (summary) => ({
            summary,
            limits: await storage.get(limitsItem, summary.id),
            prefs: await storage.get(portalPrefsItem, summary.id),
            snapshot:
              summary.status === 'signedIn'
                ? await background.sessions
                    .require(summary.id)
                    .then((session) => background.withTabs(session.scheduler.snapshot()))
                    .catch(() => null)
                : null,
          })),
        ),
        jobs: await background.jobs.list(),
      });
    },
  };
}

import { checkPortalLimits } from '../../../src/portals/portal-limits.ts';
import type { CommandHandlers } from '../../../src/protocol/index.ts';
import { limitsItem } from '../../../src/storage/schema.ts';
import type { CommandContext } from '../../platform/ports.ts';
import type { BackgroundContext } from '../app.ts';

type ActivityCommands = Pick<CommandHandlers<CommandContext>, 'getActivity' | 'setLimits' | 'resumeRequests'>;

export function activityHandlers(background: BackgroundContext): ActivityCommands {
  return {
    getActivity: async ({ portalId }) => {
      if (!background.registry.get(portalId)) return null;
      return background.withTabs((await background.sessions.require(portalId)).scheduler.snapshot());
    },
    resumeRequests: async ({ portalId }) => {
      if (!background.registry.get(portalId)) return null;
      const session = await background.sessions.require(portalId);
      await session.scheduler.resumeNow();
      return background.withTabs(session.scheduler.snapshot());
    },
    setLimits: async ({ portalId, limits }) => {
      const checked = checkPortalLimits(limits);
      await background.storage.set(limitsItem, portalId, checked);
      await background.sessions.updateLimits(portalId, checked);
      return checked;
    },
  };
}

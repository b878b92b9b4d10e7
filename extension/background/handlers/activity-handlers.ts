import { checkPortalLimits } from '../../../src/portals/portal-limits.ts';
import type { CommandHandlers } from '../../../src/protocol.ts';
import type { CommandContext } from '../../platform/messaging-background.ts';
import type { BackgroundServices } from '../services.ts';

type ActivityCommands = Pick<CommandHandlers<CommandContext>, 'getActivity' | 'setLimits'>;

export function activityHandlers(services: BackgroundServices): ActivityCommands {
  return {
    getActivity: ({ portalId }) => services.activity(portalId),
    setLimits: async ({ portalId, limits }) => {
      const checked = checkPortalLimits(limits);
      await services.setLimits(portalId, checked);
      return checked;
    },
  };
}

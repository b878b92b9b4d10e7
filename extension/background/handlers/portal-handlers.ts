import { checkPortal, signIn } from '../../../src/portals/sign-in.ts';
import type { CommandHandlers } from '../../../src/protocol.ts';
import type { CommandContext } from '../../platform/messaging-background.ts';
import { hasHostPermission } from '../../platform/permissions.ts';
import type { BackgroundServices } from '../services.ts';

type PortalCommands = Pick<CommandHandlers<CommandContext>, 'getState' | 'checkPortal' | 'signIn' | 'signOut'>;

export function portalHandlers(services: BackgroundServices): PortalCommands {
  return {
    getState: () => services.registry.state(hasHostPermission),

    checkPortal: ({ url }) => checkPortal(services.signInDeps, url),

    signIn: async (request) => {
      const { record, credentials } = await signIn(services.signInDeps, request);
      await services.registry.save(record, credentials);
      await services.signedIn(record.id, credentials);
      await services.broadcastState();
      const { needsSignIn: _stored, ...summary } = record;
      return { ...summary, status: 'signedIn' };
    },

    signOut: async ({ portalId }) => {
      await services.registry.remove(portalId);
      services.forget(portalId);
      await services.broadcastState();
      return services.registry.state(hasHostPermission);
    },
  };
}

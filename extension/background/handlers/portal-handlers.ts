import { checkPortal, signIn, type SignInDeps } from '../../../src/portals/sign-in.ts';
import { appError } from '../../../src/errors/index.ts';
import type { CommandHandlers } from '../../../src/protocol/index.ts';
import type { CommandContext } from '../../platform/ports.ts';
import type { BackgroundContext } from '../app.ts';

type PortalCommands = Pick<
  CommandHandlers<CommandContext>,
  'getState' | 'checkPortal' | 'signIn' | 'signOut' | 'setActivePortal'
>;

export function portalHandlers(background: BackgroundContext): PortalCommands {
  const { registry, sessions, jobs, hasHostPermission } = background;
  const signInDeps = async (): Promise<SignInDeps> => ({
    // The sign-in steps go through the origin's anonymous scheduler: the portal limits them per IP too.
    createClient: async (origin, credentials) => (await sessions.anonymousFor(origin)).client(credentials),
    hasHostPermission,
    now: () => new Date(),
  });

  return {
    getState: () => registry.state(hasHostPermission),

    checkPortal: async ({ url }) => checkPortal(await signInDeps(), url),

    signIn: async (request) => {
      const { record, credentials } = await signIn(await signInDeps(), request);
      await registry.save(record, credentials);
      await sessions.signedIn(record);
      await background.broadcastState();
      // Jobs that waited for this account go on.
      void jobs.resumePortal(record.id);
      const { needsSignIn: _stored, ...summary } = record;
      return { ...summary, status: 'signedIn' };
    },

    setActivePortal: async ({ portalId }) => {
      if (!(await registry.setActive(portalId))) throw appError('portalNotInList', {});
      await background.broadcastState();
      return registry.state(hasHostPermission);
    },

    signOut: async ({ portalId }) => {
      await background.removePortal(portalId);
      return registry.state(hasHostPermission);
    },
  };
}

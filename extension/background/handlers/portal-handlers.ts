import { checkPortal, signIn, type SignInDeps } from '../../../src/portals/sign-in.ts';
import { isFinished } from '../../../src/jobs/job-record.ts';
import { sameSiteAccess } from '../../../src/portals/portal-record.ts';
import { appError } from '../../../src/errors/index.ts';
import type { CommandHandlers } from '../../../src/protocol/index.ts';
import type { CommandContext } from '../../platform/ports.ts';
import type { BackgroundContext } from '../app.ts';

type PortalCommands = Pick<
  CommandHandlers<CommandContext>,
  | 'getState'
  | 'checkPortal'
  | 'signIn'
  | 'signOut'
  | 'removePortal'
  | 'removalImpact'
  | 'renamePortal'
  | 'movePortal'
  | 'setActivePortal'
  | 'oauthRedirectUrl'
>;

export function portalHandlers(background: BackgroundContext): PortalCommands {
  const { registry, sessions, jobs, hasHostPermission, identity } = background;
  const signInDeps = async (): Promise<SignInDeps> => ({
    // The sign-in steps go through the origin's anonymous scheduler: the portal limits them per IP too.
    createClient: async (origin, credentials) => (await sessions.anonymousFor(origin)).client(credentials),
    hasHostPermission,
    now: () => new Date(),
    oauthRedirectUrl: () => identity.redirectUrl(),
    authorize: (url) => identity.authorize(url),
  });
  const known = (portalId: string) => {
    if (!registry.get(portalId)) throw appError('portalNotInList', {});
  };
  const changed = async () => {
    await background.broadcastState();
    return registry.state(hasHostPermission);
  };

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
      // As stored: a returning account keeps its label.
      const { needsSignIn: _stored, signedOut: _out, ...summary } = registry.get(record.id) ?? record;
      return { ...summary, status: 'signedIn' };
    },

    setActivePortal: async ({ portalId }) => {
      if (!(await registry.setActive(portalId))) throw appError('portalNotInList', {});
      return changed();
    },

    signOut: async ({ portalId }) => {
      known(portalId);
      await background.signOutPortal(portalId);
      return registry.state(hasHostPermission);
    },

    removePortal: async ({ portalId }) => {
      known(portalId);
      await background.removePortal(portalId);
      return registry.state(hasHostPermission);
    },

    removalImpact: async ({ portalId }) => {
      const record = registry.get(portalId);
      if (!record) throw appError('portalNotInList', {});
      const running = (await jobs.list()).filter((job) => job.portalId === portalId && !isFinished(job));
      return {
        runningJobs: running.length,
        sharesOrigin: registry.list().some((r) => r.id !== portalId && sameSiteAccess(r.origin, record.origin)),
      };
    },

    renamePortal: async ({ portalId, label }) => {
      if (!(await registry.rename(portalId, label))) throw appError('portalNotInList', {});
      return changed();
    },

    movePortal: async ({ portalId, by }) => {
      if (!(await registry.move(portalId, by as -1 | 1))) throw appError('portalNotInList', {});
      return changed();
    },

    oauthRedirectUrl: async () => {
      const url = identity.redirectUrl();
      if (!url) throw appError('oauthUnavailable', {});
      return { url };
    },
  };
}

// The background as one object built from injected ports: the worker's entry point passes the browser's,
// the Node tests pass fakes. Nothing here touches a browser API directly.
import { endSession } from '../../src/docspace/api.ts';
import type { PersistedBudget } from '../../src/scheduler/budget.ts';
import { systemClock, type Clock } from '../../src/scheduler/clock.ts';
import { createFoldersKind } from '../../src/jobs/kinds/create-folders.ts';
import { transferKind } from '../../src/jobs/kinds/transfer.ts';
import { trashKind } from '../../src/jobs/kinds/trash.ts';
import { uploadKind, type UploadInput } from '../../src/jobs/kinds/upload.ts';
import { saveBlobKeys, saveKind } from '../../src/jobs/kinds/save.ts';
import { appError } from '../../src/errors/index.ts';
import { isFinished } from '../../src/jobs/job-record.ts';
import { JobManager } from '../../src/jobs/job-manager.ts';
import { PortalRegistry } from '../../src/portals/portal-registry.ts';
import { sameSiteAccess } from '../../src/portals/portal-record.ts';
import type { CommandHandlers, EntryId, PortalId, SchedulerSnapshot } from '../../src/protocol/index.ts';
import { OAuthAuth, StoredCredentialsAuth, type AuthProvider } from '../../src/sessions/auth-provider.ts';
import { revokeTokens } from '../../src/sessions/oauth.ts';
import type { DocSpaceClient } from '../../src/docspace/client.ts';
import { SessionPool } from '../../src/sessions/session-pool.ts';
import { budgetItem, jobItem, limitsItem, SCHEMA } from '../../src/storage/schema.ts';
import { TypedStorage } from '../../src/storage/typed-storage.ts';
import type { BackgroundPlatform, CommandContext, FeedbackListeners } from '../platform/ports.ts';
import { activityHandlers } from './handlers/activity-handlers.ts';
import { captureHandlers } from './handlers/capture-handlers.ts';
import { captureService, type CaptureService } from './capture-service.ts';
import { browseHandlers } from './handlers/browse-handlers.ts';
import { entriesHandlers } from './handlers/entries-handlers.ts';
import { sharingHandlers } from './handlers/sharing-handlers.ts';
import { jobHandlers } from './handlers/job-handlers.ts';
import { portalHandlers } from './handlers/portal-handlers.ts';
import { settingsHandlers } from './handlers/settings-handlers.ts';
import { createFeedback, type Feedback } from './feedback.ts';
import { fileActions } from './file-actions.ts';

export interface BackgroundOptions {
  clock?: Clock;
  newId?: () => string;
  /** How long a lost answer is given before a job looks whether it happened (tests shorten it). */
  settleDelayMs?: (portalId: PortalId) => Promise<number>;
}

const UPLOAD_SWEEP_GRACE_MS = 60 * 60_000;

export type Background = ReturnType<typeof createBackground>;

export function createBackground(platform: BackgroundPlatform, options: BackgroundOptions = {}) {
  const clock = options.clock ?? systemClock;
  const storage = new TypedStorage(platform.storage, SCHEMA);
  const registry = new PortalRegistry(storage);
  const ready = storage.ready.then(() => registry.load());
  const hasHostPermission = (origin: string) => platform.permissions.hasOrigin(origin);

  /** Origins whose DocSpace tabs' requests are observed now (empty without the optional webRequest permission). */
  let observedOrigins = new Set<string>();
  const withTabs = (snapshot: SchedulerSnapshot): SchedulerSnapshot => {
    const origin = registry.get(snapshot.key)?.origin;
    return { ...snapshot, tabsObserved: origin !== undefined && observedOrigins.has(origin) };
  };
  /** Watches the signed-in portals' origins; asked again whenever the portal list or the permissions change. */
  let watchCalls = 0;
  const watchTabs = async (): Promise<void> => {
    const call = ++watchCalls;
    const usable = await Promise.all(
      registry
        .list()
        .map(async (record) =>
          !record.needsSignIn && (await hasHostPermission(record.origin)) ? record.origin : null,
        ),
    );
    const origins = usable.filter((origin): origin is string => origin !== null);
    const on = await platform.tabRequests.watch(origins, (request) => sessions.observeTab(request)).catch(() => false);
    // A later call (the list changed again meanwhile) decides; this one's answer is out of date.
    if (call !== watchCalls) return;
    const before = observedOrigins;
    observedOrigins = new Set(on ? origins : []);
    // Open pages learn at once that the tabs are (no longer) counted, not with the next request.
    for (const record of registry.list()) {
      if (before.has(record.origin) === observedOrigins.has(record.origin)) continue;
      const session = await sessions.peek(record.id)?.catch(() => undefined);
      if (session) platform.events.broadcast('schedulerChanged', withTabs(session.scheduler.snapshot()));
    }
  };

  const broadcastState = async (): Promise<void> => {
    feedback.portalsChanged();
    platform.events.broadcast('stateChanged', await registry.state(hasHostPermission));
    void capture?.rebuildMenus();
    await watchTabs();
  };

  const sessions = new SessionPool({
    fetch: platform.fetch,
    clock,
    budgets: {
      load: async (key) => (await storage.get(budgetItem, key)) ?? undefined,
      save: (key, budget: PersistedBudget) => storage.set(budgetItem, key, budget),
    },
    wakeAt: (name, when) => platform.alarms.wakeAt(name, when),
    schedulerChanged: (snapshot) => {
      platform.events.broadcast('schedulerChanged', withTabs(snapshot));
      jobs.portalPaused(snapshot.key, snapshot.pause !== null && snapshot.pause.until !== null);
    },
    signInNeeded: async (portalId) => {
      if (await registry.markNeedsSignIn(portalId)) await broadcastState();
    },
    lookup: (portalId) => registry.get(portalId),
    pagesOpen: () => platform.events.pagesOpen(),
    hasHostPermission,
    limits: (portalId) => storage.get(limitsItem, portalId),
    hasBudget: async (portalId) => (await storage.get(budgetItem, portalId)) !== null,
    authFor: (record): AuthProvider => {
      const load = async () => (await registry.credentials(record.id)) ?? null;
      if (record.authMethod !== 'oauth') return new StoredCredentialsAuth(load);
      return new OAuthAuth({
        load,
        save: (credentials) => registry.updateCredentials(record.id, credentials),
        tokenClient: async (): Promise<DocSpaceClient> => (await sessions.anonymousFor(record.origin)).client(null),
        now: () => clock.now(),
      });
    },
  });

  platform.events.onPagesChanged((open) => void sessions.pagesOpen(open));

  /** The one refresh path: the cache drops the folders, then every page hears which ones changed. */
  const entriesChanged = (portalId: PortalId, folderIds: EntryId[]): void => {
    void sessions.peek(portalId)?.then((session) => session.invalidateFolders(folderIds));
    platform.events.broadcast('entriesChanged', { portalId, folderIds });
  };

  const jobs = new JobManager({
    storage,
    kinds: [
      createFoldersKind,
      transferKind,
      trashKind,
      uploadKind(platform.uploads),
      ...(platform.capture ? [saveKind({ blobs: platform.capture.blobs, fetchFile: platform.capture.fetchFile })] : []),
    ],
    account: async (portalId) => {
      const session = await sessions.require(portalId);
      return { client: session.client, userId: session.userId };
    },
    keepAwake: (on) => platform.alarms.keepWaking('jobs', on),
    jobChanged: (summary) => {
      platform.events.broadcast('jobChanged', summary);
      feedback.jobChanged(summary);
    },
    jobRemoved: (jobId) => {
      platform.events.broadcast('jobRemoved', { jobId });
      feedback.jobRemoved(jobId);
    },
    entriesChanged,
    settleDelayMs:
      options.settleDelayMs ?? (async (portalId) => (await sessions.require(portalId)).scheduler.settleTimeMs()),
    sleep: (ms, signal) => sleep(clock, ms, signal),
    now: () => clock.now(),
    newId: options.newId ?? (() => crypto.randomUUID()),
  });

  /**
   * Ends a password session on the server and revokes an OAuth grant (a key stays valid: the user created it and
   * revokes it in DocSpace). Signing out must work offline too: the token then lapses on its own.
   */
  const endServerSession = async (portalId: PortalId): Promise<void> => {
    const record = registry.get(portalId);
    if (!record || record.needsSignIn) return;
    const credentials = await registry.credentials(portalId);
    if (credentials?.kind === 'oauth') {
      await sessions
        .anonymousFor(record.origin)
        .then((anonymous) => revokeTokens(anonymous.client(null), credentials))
        .catch((error: unknown) => console.warn('The OAuth grant could not be revoked:', String(error)));
      return;
    }
    if (record.authMethod !== 'password') return;
    const loginEventId = credentials?.kind === 'token' ? credentials.loginEventId : undefined;
    await sessions
      .require(portalId)
      .then((session) => endSession(session.client, loginEventId))
      .then((ended) => {
        if (!ended) console.warn('The portal did not end the session; it lapses when it expires.');
      })
      .catch((error: unknown) => console.warn('The session could not be ended on the portal:', String(error)));
  };

  /** Signed out: the credentials go (and the server session); the account, its settings and its jobs wait. */
  const signOutPortal = async (portalId: PortalId): Promise<void> => {
    await endServerSession(portalId);
    await sessions.close(portalId);
    await storage.forgetPortal(portalId, 'signOut');
    await registry.markSignedOut(portalId);
    await broadcastState();
  };

  /** Removed: the account and everything stored for it go, and the site access unless another account uses it. */
  const removePortal = async (portalId: PortalId): Promise<void> => {
    const record = registry.get(portalId);
    await endServerSession(portalId);
    const jobIds = await jobs.forgetPortal(portalId);
    await registry.remove(portalId);
    await sessions.close(portalId);
    await storage.forgetPortal(portalId, 'remove', (item) => (item === jobItem ? jobIds : []));
    // Site access is granted per scheme and host (every port): another account there still needs it.
    if (record && !registry.list().some((r) => sameSiteAccess(r.origin, record.origin))) {
      await platform.permissions.removeOrigin(record.origin).catch(() => undefined);
    }
    await broadcastState();
  };

  /** Files a page stored but never handed to a job (it closed in between), once they are surely not on their way. */
  const sweepUploads = async (): Promise<void> => {
    const kept = new Set<string>();
    for (const job of await jobs.recordsOf('upload'))
      if (!isFinished(job)) for (const item of job.items) kept.add((item.input as UploadInput).key);
    // Saves keep their bytes in the same store (a save waiting offline may wait longer than the grace).
    for (const job of await jobs.recordsOf('save'))
      if (!isFinished(job)) for (const key of saveBlobKeys(job)) kept.add(key);
    await platform.uploads.sweep(kept, UPLOAD_SWEEP_GRACE_MS).catch(() => undefined);
  };

  const context: BackgroundContext = {
    storage,
    registry,
    sessions,
    jobs,
    hasHostPermission,
    broadcastState,
    entriesChanged,
    removePortal,
    signOutPortal,
    identity: platform.identity,
    downloads: platform.downloads,
    withTabs,
    broadcast: (name, payload) => platform.events.broadcast(name, payload),
  };
  // Declared before the job manager and the registry call into it; built once the handlers it uses exist.
  const feedback: Feedback = createFeedback({
    port: platform.feedback,
    background: context,
    handlers: () => handlers,
    clock,
    sleep: (ms, signal) => sleep(clock, ms, signal),
  });
  const newId = options.newId ?? (() => crypto.randomUUID());
  const capture: CaptureService | null = platform.capture
    ? captureService(
        platform.capture,
        { ...context, ready },
        () => clock.now(),
        newId,
        fileActions({
          background: context,
          port: platform.feedback,
          openTab: platform.capture.openTab,
          handlers: () => handlers,
        }),
      )
    : null;
  const requireCapture = (): CaptureService => {
    if (!capture) throw appError('internal', { detail: 'saving from pages is not available here' });
    return capture;
  };
  const handlers: CommandHandlers<CommandContext> = {
    ...portalHandlers(context),
    ...browseHandlers(context),
    ...entriesHandlers(context),
    ...activityHandlers(context),
    ...jobHandlers(context),
    ...sharingHandlers(context),
    ...settingsHandlers(context),
    ...feedback.settingsHandlers,
    ...captureHandlers(context, requireCapture),
  };

  return {
    ready,
    handlers,
    storage,
    registry,
    sessions,
    jobs,
    feedback,
    /** The omnibox and notification clicks: like commands, they wait for the background to be ready. */
    feedbackListeners: {
      omniboxInput: (text) => ready.then(() => feedback.listeners.omniboxInput(text)),
      omniboxEnter: (text, where) => ready.then(() => feedback.listeners.omniboxEnter(text, where)),
      omniboxCancelled: () => feedback.listeners.omniboxCancelled(),
      noticeClicked: (id) => ready.then(() => feedback.listeners.noticeClicked(id)),
      noticeButton: (id, index) => ready.then(() => feedback.listeners.noticeButton(id, index)),
    } satisfies FeedbackListeners,
    /** Saving from pages (null where the platform has no capture ports: the Node tests). */
    capture,
    /** A worker that starts (after the browser stopped the last one) picks up the jobs it left. */
    start: () =>
      ready.then(async () => {
        await watchTabs();
        await jobs.resumeAll();
        await feedback.refreshBadge().catch(() => undefined);
        await sweepUploads();
      }),
    /** An alarm fired: whatever was waiting for it goes on. */
    wake: () => ready.then(() => jobs.resumeAll()),
    permissionsChanged: () => void ready.then(broadcastState),
    /** The portal list or the shown portal changed: the menu follows. */
    menusChanged: () => void ready.then(() => capture?.rebuildMenus()),
  };
}

export type BackgroundContext = {
  storage: TypedStorage;
  registry: PortalRegistry;
  sessions: SessionPool;
  jobs: JobManager;
  hasHostPermission(origin: string): Promise<boolean>;
  broadcastState(): Promise<void>;
  entriesChanged(portalId: PortalId, folderIds: EntryId[]): void;
  removePortal(portalId: PortalId): Promise<void>;
  signOutPortal(portalId: PortalId): Promise<void>;
  identity: BackgroundPlatform['identity'];
  downloads: BackgroundPlatform['downloads'];
  /** A snapshot as pages see it: with whether this portal's DocSpace tabs are observed. */
  withTabs(snapshot: SchedulerSnapshot): SchedulerSnapshot;
  broadcast: BackgroundPlatform['events']['broadcast'];
};

function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!signal) return void clock.setTimer(resolve, ms);
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clock.clearTimer(handle);
      reject(signal.reason);
    };
    const handle = clock.setTimer(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

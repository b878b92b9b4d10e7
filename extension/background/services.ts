import { DocSpaceClient } from '../../src/docspace/client.ts';
import { ListingCache } from '../../src/docspace/listing-cache.ts';
import { SingleFlight } from '../../src/docspace/single-flight.ts';
import type { Credentials } from '../../src/docspace/credentials.ts';
import { AppError } from '../../src/errors.ts';
import { limitSettingsFor } from '../../src/portals/portal-limits.ts';
import { PortalRegistry, type PortalRecord } from '../../src/portals/portal-registry.ts';
import type { SignInDeps } from '../../src/portals/sign-in.ts';
import type { PortalId, PortalLimits } from '../../src/protocol.ts';
import { systemClock } from '../../src/scheduler/clock.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import type { RequestExecutor } from '../../src/scheduler/request-executor.ts';
import { scheduleWake } from '../platform/alarms.ts';
import { createBudgetStore } from '../platform/budget-store.ts';
import { broadcast } from '../platform/messaging-background.ts';
import { platformFetch } from '../platform/http.ts';
import { hasHostPermission } from '../platform/permissions.ts';
import { createLocalStore } from '../platform/storage.ts';

const SNAPSHOT_INTERVAL_MS = 250;
const ALARM_THRESHOLD_MS = 30_000;

/** Everything the handlers share, created once per worker start. */
export class BackgroundServices {
  readonly store = createLocalStore();
  readonly registry = new PortalRegistry(this.store);
  readonly ready: Promise<void> = this.registry.load();
  private readonly budgets = createBudgetStore();
  /** One scheduler per portal account: every authenticated DocSpace call goes through it. */
  private readonly schedulers = new Map<string, Promise<Scheduler>>();
  private readonly credentialCache = new Map<PortalId, Credentials | null>();
  private readonly flights = new Map<PortalId, SingleFlight>();
  private readonly listingCaches = new Map<PortalId, ListingCache>();

  private readonly snapshotTimers = new Map<PortalId, ReturnType<typeof setTimeout>>();

  /**
   * Calls made before there is an account (portal check, sign-in) are limited by the portal per IP: they get
   * a scheduler of their own per origin, so they too go through the limits.
   */
  readonly signInDeps: SignInDeps = {
    createClient: (origin, credentials) => {
      const executor: RequestExecutor = {
        run: async (ticket, send) => (await this.scheduler(`${origin}|anonymous`, true)).run(ticket, send),
      };
      return new DocSpaceClient({ baseUrl: origin, fetch: platformFetch, credentials, executor });
    },
    hasHostPermission,
    now: () => new Date(),
  };

  /** The scheduler of a portal account; `fresh` when it was just signed in for the first time. */
  scheduler(key: string, fresh = false): Promise<Scheduler> {
    // The promise goes into the map before the first await, so calls that arrive together share one scheduler.
    let pending = this.schedulers.get(key);
    if (!pending) {
      pending = this.createScheduler(key, fresh);
      this.schedulers.set(key, pending);
      pending.catch(() => this.schedulers.delete(key));
    }
    return pending;
  }

  private async createScheduler(key: string, fresh: boolean): Promise<Scheduler> {
    const overrides = await this.store.get<PortalLimits>(`limits/${key}`);
    const hasBudget = (await this.budgets.load(key)) !== undefined;
    const scheduler = new Scheduler({
      key,
      settings: limitSettingsFor(overrides),
      clock: systemClock,
      store: this.budgets,
      fresh: fresh && !hasBudget,
      haltOnUnauthorized: !key.endsWith('|anonymous'),
      onChange: () => this.snapshotSoon(key),
    });
    await scheduler.ready;
    return scheduler;
  }

  async client(record: PortalRecord): Promise<DocSpaceClient> {
    if (!this.credentialCache.has(record.id))
      this.credentialCache.set(record.id, (await this.registry.credentials(record.id)) ?? null);
    let singleFlight = this.flights.get(record.id);
    if (!singleFlight) this.flights.set(record.id, (singleFlight = new SingleFlight()));
    return new DocSpaceClient({
      baseUrl: record.origin,
      fetch: platformFetch,
      credentials: () => this.credentialCache.get(record.id) ?? null,
      executor: await this.scheduler(record.id),
      singleFlight,
    });
  }

  listings(portalId: PortalId): ListingCache {
    let cache = this.listingCaches.get(portalId);
    if (!cache) this.listingCaches.set(portalId, (cache = new ListingCache(() => Date.now())));
    return cache;
  }

  /** Runs an authenticated call for a signed-in portal; a 401 marks the account for sign-in and tells every page. */
  async withPortal<T>(
    portalId: PortalId,
    work: (client: DocSpaceClient, record: PortalRecord) => Promise<T>,
  ): Promise<T> {
    const record = this.registry.get(portalId);
    if (!record) {
      throw new AppError({
        code: 'notSignedIn',
        message: 'This portal is no longer in the list. Open the options page and add it again.',
        retryable: false,
        action: 'openOptions',
      });
    }
    if (record.needsSignIn) {
      throw new AppError({
        code: 'unauthorized',
        message: `Sign in to ${record.origin} again on the options page.`,
        retryable: false,
        action: 'signIn',
      });
    }
    if (!(await hasHostPermission(record.origin))) {
      throw new AppError({
        code: 'permissionDenied',
        message: `The extension no longer has access to ${record.origin}. Open the options page and connect the portal again.`,
        retryable: false,
        action: 'openOptions',
      });
    }
    try {
      return await work(await this.client(record), record);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'unauthorized' || error.code === 'notSignedIn'))
        await this.signInNeeded(portalId);
      throw error;
    }
  }

  /** New credentials for an account: requests that waited for them go out now. */
  async signedIn(portalId: PortalId, credentials: Credentials): Promise<void> {
    this.credentialCache.set(portalId, credentials);
    (await this.scheduler(portalId, true)).resume();
    this.onSignedIn?.();
  }

  /** Set by the wiring: what else wakes up after a sign-in (durable jobs). */
  onSignedIn: (() => void) | undefined;

  /** Signed out: what waited is cancelled, what was on the wire is aborted; the spent budget stays stored. */
  forget(portalId: PortalId): void {
    void this.schedulers.get(portalId)?.then((scheduler) => scheduler.dispose());
    this.schedulers.delete(portalId);
    this.credentialCache.delete(portalId);
    this.listingCaches.delete(portalId);
    this.flights.delete(portalId);
  }

  async setLimits(portalId: PortalId, limits: PortalLimits): Promise<void> {
    await this.store.set({ [`limits/${portalId}`]: limits });
    (await this.schedulers.get(portalId))?.updateSettings(limitSettingsFor(limits));
  }

  /** A background refresh met a 401: the account needs a new sign-in, and every page should say so. */
  async signInNeeded(portalId: PortalId): Promise<void> {
    if (await this.registry.markNeedsSignIn(portalId)) await this.broadcastState();
  }

  async activity(portalId: PortalId) {
    if (!this.registry.get(portalId) && !portalId.endsWith('|anonymous')) return null;
    return (await this.scheduler(portalId)).snapshot();
  }

  async broadcastState(): Promise<void> {
    broadcast('stateChanged', await this.registry.state(hasHostPermission));
  }

  private snapshotSoon(portalId: PortalId): void {
    if (this.snapshotTimers.has(portalId)) return;
    this.snapshotTimers.set(
      portalId,
      setTimeout(() => {
        this.snapshotTimers.delete(portalId);
        void this.schedulers.get(portalId)?.then((scheduler) => {
          broadcast('schedulerSnapshot', scheduler.snapshot());
          // A pause longer than the worker's idle life: an alarm starts a worker that resumes durable jobs.
          const wakeAt = scheduler.nextWakeAt();
          if (wakeAt !== null && wakeAt - Date.now() > ALARM_THRESHOLD_MS) scheduleWake(portalId, wakeAt);
        });
      }, SNAPSHOT_INTERVAL_MS),
    );
  }
}

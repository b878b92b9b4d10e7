import { DocSpaceClient } from '../docspace/client.ts';
import { ListingCache } from '../docspace/listing-cache.ts';
import type { RequestAuth } from '../docspace/request-auth.ts';
import { SingleFlight } from '../docspace/single-flight.ts';
import { limitSettingsFor } from '../portals/portal-limits.ts';
import type { EntryId, PortalId, PortalLimits } from '../protocol/index.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import type { AuthProvider } from './auth-provider.ts';
import type { SessionDeps } from './session-deps.ts';
import { ThrottledSnapshots } from './throttled-snapshots.ts';

export interface SessionSpec {
  portalId: PortalId;
  origin: string;
  /** The account's DocSpace user id. */
  userId: string;
  limits: PortalLimits;
  /** Just signed in, and nothing is stored about this account's spending: its budget is known to be empty. */
  fresh: boolean;
  /** Asked at each write: a new sign-in may change it. */
  readOnly?: () => boolean;
}

/**
 * Everything that belongs to one signed-in portal account: its scheduler, client, listing cache, in-flight
 * reads and snapshot throttle, created together and disposed as a unit. It decides, in one place, what a 401
 * means: ask the auth provider to refresh once and send again, or stop the account until a new sign-in.
 */
export class PortalSession {
  readonly portalId: PortalId;
  readonly origin: string;
  readonly userId: string;
  readonly scheduler: Scheduler;
  readonly client: DocSpaceClient;
  readonly listings: ListingCache;
  /** Values that hold for the session's life (the ids of section roots), computed once. */
  readonly memo = new Map<string, Promise<unknown>>();
  private readonly snapshots: ThrottledSnapshots;
  private auth: AuthProvider;
  private disposed = false;

  private constructor(spec: SessionSpec, auth: AuthProvider, deps: SessionDeps) {
    this.portalId = spec.portalId;
    this.origin = spec.origin;
    this.userId = spec.userId;
    this.auth = auth;
    this.snapshots = new ThrottledSnapshots(spec.portalId, deps, () => (this.disposed ? undefined : this.scheduler));
    this.scheduler = new Scheduler({
      key: spec.portalId,
      settings: limitSettingsFor(spec.limits),
      clock: deps.clock,
      store: deps.budgets,
      fresh: spec.fresh,
      // A 401 is this session's to judge (below), not the scheduler's.
      haltOnUnauthorized: false,
      interactiveActive: deps.pagesOpen?.() ?? true,
      onChange: () => this.snapshots.changed(),
    });
    const requestAuth: RequestAuth = {
      header: async () => {
        const header = await this.auth.header();
        // No usable sign-in (an expired session): the same as a refusal, without asking the portal.
        if (header === null) await this.stop(deps);
        return header;
      },
      rejected: (sentWith) => this.rejected(sentWith, deps),
    };
    this.listings = new ListingCache(() => deps.clock.now());
    this.client = new DocSpaceClient({
      baseUrl: spec.origin,
      fetch: deps.fetch,
      auth: requestAuth,
      executor: this.scheduler,
      singleFlight: new SingleFlight(),
      ...(spec.readOnly ? { readOnly: spec.readOnly } : {}),
    });
  }

  static async open(spec: SessionSpec, auth: AuthProvider, deps: SessionDeps): Promise<PortalSession> {
    const session = new PortalSession(spec, auth, deps);
    await session.scheduler.ready;
    return session;
  }

  private async rejected(sentWith: string, deps: SessionDeps): Promise<'retry' | 'fail'> {
    if (await this.auth.refresh(sentWith)) return 'retry';
    await this.stop(deps);
    return 'fail';
  }

  /** Nothing more goes out with credentials the portal refuses; what waits stays queued for the next sign-in. */
  private async stop(deps: SessionDeps): Promise<void> {
    this.scheduler.halt();
    await deps.signInNeeded(this.portalId);
  }

  /** The header this account's requests carry now, for a request the browser makes for it (a download). */
  authorization(): Promise<string | null> {
    return this.auth.header();
  }

  /** Computes a session-long value once; a failure is not kept, so the next call tries again. */
  remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let pending = this.memo.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = compute();
      this.memo.set(key, pending);
      pending.catch(() => this.memo.delete(key));
    }
    return pending;
  }

  /** New credentials for the same account: requests that waited go out with them. */
  signedIn(auth: AuthProvider): void {
    this.auth = auth;
    this.listings.clear();
    this.memo.clear();
    this.scheduler.resume();
    // A new sign-in starts without the pause an earlier refusal left (a refusal that follows pauses again).
    void this.scheduler.clearPause().catch(() => undefined);
  }

  /** Pages opened or closed: the interactive reserve is held only while one is open (or was used lately). */
  pagesOpen(open: boolean): void {
    this.scheduler.setInteractiveActive(open);
  }

  updateLimits(limits: PortalLimits): void {
    this.scheduler.updateSettings(limitSettingsFor(limits));
  }

  /** Listings of these folders (and of folders below them) are out of date. */
  invalidateFolders(folderIds: readonly EntryId[]): void {
    for (const id of folderIds) this.listings.invalidate(`folder:${id}`);
  }

  /** What waited is cancelled, what was on the wire is aborted; the spent budget stays stored. */
  dispose(): void {
    this.disposed = true;
    this.snapshots.dispose();
    this.scheduler.dispose();
    this.listings.clear();
  }
}

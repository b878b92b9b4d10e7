import { DocSpaceClient } from '../docspace/client.ts';
import type { Credentials } from '../docspace/credentials.ts';
import { staticAuth } from '../docspace/request-auth.ts';
import { limitSettingsFor } from '../portals/portal-limits.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import { anonymousKey, type SessionDeps } from './session-deps.ts';
import { ThrottledSnapshots } from './throttled-snapshots.ts';

/**
 * Calls made before there is an account on an origin (the portal check, the password exchange, the first
 * `people/@self`) are limited by the portal per IP: they share one scheduler per origin, so they too keep
 * the limits. A 401 here is an answer for the sign-in form, never a reason to stop anything.
 */
export class AnonymousSession {
  readonly scheduler: Scheduler;
  private readonly snapshots: ThrottledSnapshots;

  private constructor(
    readonly origin: string,
    private readonly deps: SessionDeps,
    fresh: boolean,
  ) {
    const key = anonymousKey(origin);
    this.snapshots = new ThrottledSnapshots(key, deps, () => this.scheduler);
    this.scheduler = new Scheduler({
      key,
      settings: limitSettingsFor(undefined),
      clock: deps.clock,
      store: deps.budgets,
      fresh,
      haltOnUnauthorized: false,
      onChange: () => this.snapshots.changed(),
    });
  }

  static async open(origin: string, deps: SessionDeps): Promise<AnonymousSession> {
    // Nothing stored means nothing spent from here that the portal still counts.
    const fresh = (await deps.budgets.load(anonymousKey(origin))) === undefined;
    const session = new AnonymousSession(origin, deps, fresh);
    await session.scheduler.ready;
    return session;
  }

  /** A client for the sign-in steps: anonymous, or with candidate credentials not stored yet. */
  client(credentials: Credentials | null): DocSpaceClient {
    return new DocSpaceClient({
      baseUrl: this.origin,
      fetch: this.deps.fetch,
      auth: staticAuth(credentials),
      executor: this.scheduler,
    });
  }

  dispose(): void {
    this.snapshots.dispose();
    this.scheduler.dispose();
  }
}

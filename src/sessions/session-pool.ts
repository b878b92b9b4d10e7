import { appError } from '../errors/index.ts';
import type { PortalRecord } from '../portals/portal-record.ts';
import type { PortalId, PortalLimits } from '../protocol/index.ts';
import type { TabRequest } from '../scheduler/tab-request.ts';
import { AnonymousSession } from './anonymous-session.ts';
import type { AuthProvider } from './auth-provider.ts';
import { PortalSession } from './portal-session.ts';
import type { SessionDeps } from './session-deps.ts';

export interface PoolDeps extends SessionDeps {
  lookup(portalId: PortalId): PortalRecord | undefined;
  hasHostPermission(origin: string): Promise<boolean>;
  limits(portalId: PortalId): Promise<PortalLimits>;
  hasBudget(portalId: PortalId): Promise<boolean>;
  authFor(record: PortalRecord): AuthProvider;
}

/**
 * The open sessions of this worker: one per signed-in portal account, opened on first use, and one anonymous
 * session per origin for the sign-in steps. The promise is stored before its first await, so calls that
 * arrive together share one session (and one scheduler).
 */
export class SessionPool {
  private readonly sessions = new Map<PortalId, Promise<PortalSession>>();
  private readonly anonymous = new Map<string, Promise<AnonymousSession>>();
  /** The sessions that finished opening, reachable without a promise: observed requests arrive in order. */
  private readonly opened = new Map<PortalId, PortalSession>();

  constructor(private readonly deps: PoolDeps) {}

  /** The session of a portal account that may be used now, or an error that says what the user must do. */
  async require(portalId: PortalId): Promise<PortalSession> {
    const record = this.deps.lookup(portalId);
    if (!record) throw appError('portalNotInList', {});
    if (record.needsSignIn) throw appError('signInAgain', { origin: record.origin });
    if (!(await this.deps.hasHostPermission(record.origin)))
      throw appError('permissionLost', { origin: record.origin });
    return this.open(record, false);
  }

  /** The session if one is open, without opening it (for invalidations and snapshots). */
  peek(portalId: PortalId): Promise<PortalSession> | undefined {
    return this.sessions.get(portalId);
  }

  /** A sign-in succeeded: the account's session (new or open) uses the new credentials from now on. */
  async signedIn(record: PortalRecord): Promise<PortalSession> {
    const open = this.sessions.get(record.id);
    if (!open) return this.open(record, true);
    const session = await open;
    session.signedIn(this.deps.authFor(record));
    return session;
  }

  anonymousFor(origin: string): Promise<AnonymousSession> {
    let pending = this.anonymous.get(origin);
    if (!pending) {
      pending = AnonymousSession.open(origin, this.deps);
      this.anonymous.set(origin, pending);
      pending.catch(() => this.anonymous.delete(origin));
    }
    return pending;
  }

  async updateLimits(portalId: PortalId, limits: PortalLimits): Promise<void> {
    (await this.sessions.get(portalId))?.updateLimits(limits);
  }

  /** Every open session hears that the extension's pages opened or closed. */
  async pagesOpen(open: boolean): Promise<void> {
    for (const pending of this.sessions.values()) (await pending.catch(() => undefined))?.pagesOpen(open);
  }

  /**
   * A request one of the user's DocSpace tabs sent to a portal: every open session of that origin counts it
   * (the tab's account is not known; on the one account the extension uses there, it is the same budget).
   * No session open means no work of ours to slow down, so nothing is kept.
   */
  observeTab(request: TabRequest): void {
    for (const session of this.opened.values())
      if (sameOrigin(session.origin, request.origin)) session.scheduler.observeForeign(request.event);
  }

  /** Signed out or removed: the session goes, with everything it held. */
  async close(portalId: PortalId): Promise<void> {
    const pending = this.sessions.get(portalId);
    this.sessions.delete(portalId);
    this.opened.delete(portalId);
    (await pending?.catch(() => undefined))?.dispose();
  }

  private open(record: PortalRecord, justSignedIn: boolean): Promise<PortalSession> {
    let pending = this.sessions.get(record.id);
    if (!pending) {
      pending = (async () => {
        const [limits, hasBudget] = await Promise.all([this.deps.limits(record.id), this.deps.hasBudget(record.id)]);
        const spec = {
          portalId: record.id,
          origin: record.origin,
          userId: record.user.id,
          limits,
          fresh: justSignedIn && !hasBudget,
          readOnly: () => this.deps.lookup(record.id)?.readOnly === true,
        };
        return PortalSession.open(spec, this.deps.authFor(record), this.deps);
      })();
      this.sessions.set(record.id, pending);
      const opening = pending;
      opening.then(
        (session) => {
          if (this.sessions.get(record.id) === opening) this.opened.set(record.id, session);
        },
        () => this.sessions.delete(record.id),
      );
    }
    return pending;
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

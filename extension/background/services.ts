import { DocSpaceClient } from '../../src/docspace/client.ts';
import type { Credentials } from '../../src/docspace/credentials.ts';
import { AppError } from '../../src/errors.ts';
import { PortalRegistry, type PortalRecord } from '../../src/portals/portal-registry.ts';
import type { SignInDeps } from '../../src/portals/sign-in.ts';
import type { PortalId } from '../../src/protocol.ts';
import { SimpleQueue } from '../../src/scheduler/simple-queue.ts';
import type { RequestExecutor } from '../../src/scheduler/request-executor.ts';
import { broadcast } from '../platform/messaging-background.ts';
import { platformFetch } from '../platform/http.ts';
import { hasHostPermission } from '../platform/permissions.ts';
import { createLocalStore } from '../platform/storage.ts';

/** Everything the handlers share, created once per worker start. */
export class BackgroundServices {
  readonly registry = new PortalRegistry(createLocalStore());
  readonly ready: Promise<void> = this.registry.load();
  /** One request queue per portal account: the seam the rate-limit scheduler takes over. */
  private readonly executors = new Map<string, RequestExecutor>();

  readonly signInDeps: SignInDeps = {
    createClient: (origin, credentials) => this.client(origin, credentials, origin),
    hasHostPermission,
    now: () => new Date(),
  };

  client(origin: string, credentials: Credentials | null, queueKey: string): DocSpaceClient {
    let executor = this.executors.get(queueKey);
    if (!executor) {
      executor = new SimpleQueue(6);
      this.executors.set(queueKey, executor);
    }
    return new DocSpaceClient({ baseUrl: origin, fetch: platformFetch, credentials, executor });
  }

  /** Runs an authenticated call for a signed-in portal; a 401 marks the account for sign-in and tells every page. */
  async withPortal<T>(portalId: PortalId, work: (client: DocSpaceClient, record: PortalRecord) => Promise<T>): Promise<T> {
    const record = this.registry.get(portalId);
    if (!record) {
      throw new AppError({ code: 'notSignedIn', message: 'This portal is no longer in the list. Open the options page and add it again.', retryable: false, action: 'openOptions' });
    }
    if (record.needsSignIn) {
      throw new AppError({ code: 'unauthorized', message: `Sign in to ${record.origin} again on the options page.`, retryable: false, action: 'signIn' });
    }
    if (!(await hasHostPermission(record.origin))) {
      throw new AppError({
        code: 'permissionDenied',
        message: `The extension no longer has access to ${record.origin}. Open the options page and connect the portal again.`,
        retryable: false,
        action: 'openOptions',
      });
    }
    const credentials = await this.registry.credentials(portalId);
    try {
      return await work(this.client(record.origin, credentials ?? null, portalId), record);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'unauthorized' || error.code === 'notSignedIn')) {
        if (await this.registry.markNeedsSignIn(portalId)) await this.broadcastState();
      }
      throw error;
    }
  }

  async broadcastState(): Promise<void> {
    broadcast('stateChanged', await this.registry.state(hasHostPermission));
  }

  forget(portalId: PortalId): void {
    this.executors.delete(portalId);
  }
}

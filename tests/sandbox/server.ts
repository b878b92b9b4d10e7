// Starts the DocSpace-compatible sandbox: a node:http server on a loopback address serving the
// DocSpace REST API subset (/api/2.0/...), the file pages and the test controls (/__sandbox/...).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasScope } from './auth-scopes.ts';
import { ANONYMOUS, authenticationMiddleware } from './auth.ts';
import { BruteForceGuard } from './brute-force.ts';
import { createContext } from './context.ts';
import type { Reply, RequestContext } from './context.ts';
import { DEMO_CREDENTIALS } from './demo-account.ts';
import type { DemoCredentials } from './demo-account.ts';
import { checkControlRequest } from './control-guard.ts';
import { emptyReply, errorReply, JSON_CONTENT_TYPE } from './envelope.ts';
import { rawSearch, toReply, writeReply } from './reply-writer.ts';
import { EmptyStatusError, noSuchRoute, unauthorizedChallenge } from './errors.ts';
import { compose, corsMiddleware } from './pipeline.ts';
import type { NamedMiddleware } from './pipeline.ts';
import { PORTAL } from './portal-config.ts';
import { authorizationScheme, loggedBody } from './logged-request.ts';
import { RequestLog, queryObject } from './request-log.ts';
import { Router, splitPath } from './router.ts';
import { anonymousAnswer, isAllowAnonymous } from './routes/allow-anonymous.ts';
import { registerAuthenticationRoutes } from './routes/authentication.ts';
import { registerConnectionRoutes } from './routes/connections.ts';
import { registerFilePages } from './routes/file-pages.ts';
import { registerCapturePages } from './routes/capture-pages.ts';
import { registerFilesRoutes } from './routes/files.ts';
import { registerPeopleRoutes } from './routes/people.ts';
import { registerPortalRoutes } from './routes/portal.ts';
import { registerRoomsRoutes } from './routes/rooms.ts';
import { registerSandboxAdminRoutes } from './routes/sandbox-admin.ts';
import { registerTabPageRoute } from './routes/tab-page.ts';
// Writes, long operations, uploads, sharing, keys (the API surface beyond browsing).
import { FileOperationManager } from './operations/manager.ts';
import { registerChangeRoutes } from './routes/changes.ts';
import { registerFilesSettingsRoutes } from './routes/files-settings.ts';
import { registerContentRoutes } from './routes/content.ts';
import { registerKeyRoutes } from './routes/keys.ts';
import { registerVersionRoutes } from './routes/versions.ts';
import { ConversionQueue } from './operations/conversions.ts';
import { registerMemberRoutes } from './routes/members.ts';
import { registerOAuthAuthorizeRoutes } from './oauth/authorize-routes.ts';
import { registerOAuthClientRoutes } from './oauth/clients-routes.ts';
import { jwtVerifier } from './oauth/grants.ts';
import { registerOAuthTokenRoutes } from './oauth/token-routes.ts';
import { registerOperationRoutes } from './routes/operations.ts';
import type { BulkArchive } from './routes/operations.ts';
import { registerRoomWriteRoutes } from './routes/rooms-write.ts';
import { registerSharingRoutes, streamAuth } from './routes/sharing.ts';
import { registerUploadRoutes } from './routes/uploads.ts';
import { createTuning } from './tuning.ts';
import type { SandboxTuning } from './tuning.ts';
import { UploadSessions } from './uploads/sessions.ts';
import { seedDemo } from './seed-demo.ts';
import { SandboxStore } from './store.ts';
// Limits, faults, persistence and the large seed (see README "Limits", "Faults", "Data").
import { faultDelayOf, FaultInjector, faultsOf } from './faults/injector.ts';
import { registerFaultRoutes } from './faults/routes.ts';
import type { FaultSpec } from './faults/spec.ts';
import type { Clock } from './limits/clock.ts';
import { RateLimits } from './limits/limiter.ts';
import type { LimitProfileName, LimitValues } from './limits/profiles.ts';
import { registerLimitRoutes } from './limits/routes.ts';
import { StorePersistence } from './persistence.ts';
import type { RestoreResult } from './persistence.ts';
import { seedLarge } from './seed-large.ts';

export * from './demo-account.ts';
export {
  DEMO_DEEP_FOLDER,
  DEMO_EMPTY_FOLDER,
  DEMO_EXTRA_KEYS,
  DEMO_FILES,
  DEMO_FOLDERS,
  DEMO_HOSTILE_TITLE,
  DEMO_PAGING_FOLDER,
  DEMO_ROOMS,
  DEMO_SECTIONS,
  DEMO_SEED_TIME,
} from './seed-demo.ts';
export type { Reply, RequestContext } from './context.ts';
export type { Middleware, NamedMiddleware, Next } from './pipeline.ts';
export type { LogEntry } from './request-log.ts';
export { RequestLog } from './request-log.ts';
export { SandboxStore } from './store.ts';
export { apiDate } from './dates.ts';
export { DEMO_SHARE_LINKS, TFA_USER_SECTIONS } from './seed-demo.ts';
export type { SandboxTuning } from './tuning.ts';
export { DEFAULT_TUNING } from './tuning.ts';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: '127.0.0.1' (default), 'localhost' or '::1'. */
  host?: string;
  /** 'demo' (default) or 'large' (demo + 1,000 rooms, a 10,000-file room, a 25-deep chain). */
  seed?: 'demo' | 'large';
  /** Rate-limit profile (default 'off'); switchable at run time via POST /__sandbox/limits. */
  limits?: LimitProfileName;
  /** Multiplies every limit window (0.1: 10 s -> 1 s, a day -> 8640 s). Default 1. */
  windowScale?: number;
  /** Overrides of the profile numbers (e.g. { dailyWrite: 3 }). */
  limitValues?: Partial<LimitValues>;
  /** Faults active from the start: FaultSpec objects or CLI strings ("error500=0.1"). */
  faults?: ReadonlyArray<FaultSpec | string>;
  /** Seed of the faults' PRNG (default 1). */
  faultSeed?: number;
  /** Time source of the limiters and fault durations (tests inject a manual clock). */
  clock?: Clock;
  /** Keep the store in this directory across restarts (restored on start when present). */
  dataDir?: string;
  /** Slotted between authentication and dispatch, in order (rate limiters, fault injectors). */
  middleware?: readonly NamedMiddleware[];
  logCapacity?: number;
  /** Operation speed, upload limits and session lifetime (defaults in tuning.ts); `sandbox.tuning` changes them later. */
  tuning?: Partial<SandboxTuning>;
}

export interface Sandbox {
  /** `http://host:port`, no trailing slash. */
  url: string;
  port: number;
  demo: DemoCredentials;
  store: SandboxStore;
  log: RequestLog;
  limits: RateLimits;
  faults: FaultInjector;
  /** Set with `dataDir`: whether a snapshot was restored, and the writer (saveNow/close). */
  persistence: (StorePersistence & { restoredFrom: RestoreResult }) | null;
  /** Mutable: per-item cost of file operations, chunk/upload limits, upload session lifetime. */
  tuning: SandboxTuning;
  /** Long-running file operations (runtime state; cleared by reset). */
  operations: FileOperationManager;
  /** Chunked upload sessions (runtime state; cleared by reset). */
  uploads: UploadSessions;
  /** File conversions in progress (runtime state; cleared by reset). */
  conversions: ConversionQueue;
  /** Same as POST /__sandbox/reset: store back to the seed, log and login-failure counters cleared. */
  reset(): void;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`The sandbox listens on loopback only; got host "${host}"`);
  const seedName = options.seed ?? 'demo';
  if (seedName !== 'demo' && seedName !== 'large') throw new Error(`Unknown seed "${String(options.seed)}"`);

  const store = new SandboxStore(seedName === 'large' ? seedLarge : seedDemo);
  const limits = new RateLimits({
    profile: options.limits ?? 'off',
    windowScale: options.windowScale ?? 1,
    ...(options.limitValues ? { values: options.limitValues } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const faults = new FaultInjector({
    store,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.faultSeed !== undefined ? { seed: options.faultSeed } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  let persistence: (StorePersistence & { restoredFrom: RestoreResult }) | null = null;
  if (options.dataDir) {
    const writer = new StorePersistence({ dir: options.dataDir, store, seed: seedName });
    persistence = Object.assign(writer, { restoredFrom: writer.restore() });
  }
  const log = new RequestLog(options.logCapacity);
  const bruteForce = new BruteForceGuard(PORTAL.bruteForce.attempts, PORTAL.bruteForce.windowMs);
  const tuning = createTuning(options.tuning);
  const operations = new FileOperationManager(tuning);
  const uploads = new UploadSessions(tuning);
  const conversions = new ConversionQueue(tuning);
  const archives = new Map<string, BulkArchive>();
  const reset = (): void => {
    operations.clear();
    uploads.clear();
    conversions.clear();
    archives.clear();
    store.reset();
    log.clear();
    bruteForce.clear();
    limits.clearUsage();
    persistence?.scheduleSave();
  };

  const router = new Router();
  registerPortalRoutes(router);
  registerAuthenticationRoutes(router, { bruteForce, tuning });
  registerConnectionRoutes(router);
  registerPeopleRoutes(router);
  registerFilesRoutes(router);
  registerRoomsRoutes(router);
  registerFilePages(router, { archives, checkStreamAuth: (id, version, auth) => auth === streamAuth(id, version) });
  registerChangeRoutes(router);
  registerRoomWriteRoutes(router);
  registerOperationRoutes(router, { operations, archives });
  registerUploadRoutes(router, { uploads, tuning });
  registerSharingRoutes(router);
  registerContentRoutes(router, { conversions });
  registerVersionRoutes(router);
  registerMemberRoutes(router);
  registerOAuthClientRoutes(router);
  registerOAuthAuthorizeRoutes(router, { tuning });
  registerOAuthTokenRoutes(router, { tuning });
  registerKeyRoutes(router);
  registerFilesSettingsRoutes(router, { tuning });
  registerCapturePages(router);

  const adminRouter = new Router();
  registerSandboxAdminRoutes(adminRouter, { log, reset, tuning });
  registerTabPageRoute(adminRouter);
  registerLimitRoutes(adminRouter, { limits, log });
  registerFaultRoutes(adminRouter, { faults });

  const dispatch = async (ctx: RequestContext): Promise<Reply> => {
    try {
      const segments = splitPath(ctx.path);
      if (!segments) return errorReply(400, 'The request path is not valid percent-encoding', null);
      const match = router.match(ctx.method, segments);
      if (match.kind === 'method-not-allowed') return emptyReply(405, { Allow: match.allowed.join(', ') });
      if (match.kind === 'not-found') {
        return segments[0]?.toLowerCase() === 'api' ? toReply(ctx, noSuchRoute(ctx.method, ctx.path)) : emptyReply(404);
      }
      ctx.params = match.params;
      if (match.route.access === 'authenticated') {
        const identity = ctx.auth.identity;
        // [AllowAnonymous] actions: no challenge and no scope policy (routes/allow-anonymous.ts).
        const open = isAllowAnonymous(match.route.method, match.route.pattern);
        if (!identity) {
          if (!open || ctx.auth.challenge) throw unauthorizedChallenge();
          const answer = anonymousAnswer(ctx, match.route.method, match.route.pattern, match.params);
          if (answer) return answer;
        } else if (!open && !hasScope(identity.scopes, ctx.method, ctx.path)) throw new EmptyStatusError(403);
      }
      return await match.route.handler(ctx);
    } catch (error) {
      return toReply(ctx, error);
    }
  };

  const pipeline = compose(
    [
      corsMiddleware,
      authenticationMiddleware(jwtVerifier(store, tuning)),
      faults.edge,
      limits.middleware,
      faults.app,
      ...(options.middleware ?? []),
      ...(persistence ? [persistence.middleware] : []),
    ],
    dispatch,
  );

  const handleAdmin = async (ctx: RequestContext, segments: string[]): Promise<void> => {
    const match = adminRouter.match(ctx.method, segments);
    let reply: Reply;
    if (match.kind === 'found') {
      ctx.params = match.params;
      try {
        reply = await match.route.handler(ctx);
      } catch (error) {
        reply = toReply(ctx, error);
      }
    } else {
      reply = emptyReply(match.kind === 'method-not-allowed' ? 405 : 404);
    }
    writeReply(ctx, reply);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, fallbackHost: string): Promise<void> => {
    const ctx = createContext(req, res, store, fallbackHost, ANONYMOUS);
    const segments = splitPath(ctx.path);
    if (segments?.[0] === '__sandbox') {
      const verdict = checkControlRequest(req.headers, port);
      if (!verdict.allowed) {
        writeReply(ctx, {
          status: 403,
          headers: { 'Content-Type': JSON_CONTENT_TYPE, 'Cache-Control': 'no-store' },
          body: JSON.stringify({ error: verdict.reason }),
        });
        return;
      }
      return handleAdmin(ctx, segments);
    }

    let reply: Reply;
    try {
      reply = await pipeline(ctx);
    } catch (error) {
      reply = toReply(ctx, error);
    }
    let bytesOut = 0;
    try {
      bytesOut = writeReply(ctx, reply);
    } catch {
      // The client went away; still log what was attempted.
    }
    const identity = ctx.auth.identity;
    log.append({
      time: ctx.now.toISOString(),
      method: ctx.method,
      path: ctx.path,
      query: queryObject(ctx.search),
      search: rawSearch(req.url),
      authorizationScheme: authorizationScheme(req.headers.authorization),
      contentType: req.headers['content-type'] ?? null,
      ...loggedBody(req.headers['content-type'], ctx.bodyIfRead()),
      status: reply.status,
      identity: identity?.userId ?? null,
      authPresent: ctx.auth.present,
      authScheme: ctx.auth.scheme,
      origin: req.headers.origin ?? null,
      userAgent: req.headers['user-agent'] ?? null,
      refusedBy: ctx.refusedBy,
      fault: faultsOf(ctx),
      ...(faultDelayOf(ctx) !== undefined ? { faultDelayMs: faultDelayOf(ctx)! } : {}),
      startMs: Math.round((performance.timeOrigin + ctx.startedAt) * 1000) / 1000,
      endMs: Math.round((performance.timeOrigin + performance.now()) * 1000) / 1000,
      bytesIn: ctx.bytesIn(),
      bytesOut,
      durationMs: Math.round((performance.now() - ctx.startedAt) * 1000) / 1000,
    });
  };

  let fallbackHost = host;
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res, fallbackHost).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Sandbox failure: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = host === '::1' ? '[::1]' : host;
  fallbackHost = `${urlHost}:${port}`;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    demo: DEMO_CREDENTIALS,
    store,
    log,
    limits,
    faults,
    persistence,
    tuning,
    operations,
    uploads,
    conversions,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        faults.dispose();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).finally(() => persistence?.close()),
  };
}

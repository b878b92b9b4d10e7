// Faults on demand, as two NamedMiddlewares around the rate limiter:
//   cors -> authentication -> faults/edge -> rate limits -> faults/app -> ... -> dispatch
// edge (what a proxy or a restarted server would do, before any limit is charged):
//   resetBefore (socket reset, handler not run), storm503 (503 + Retry-After + error body, like the
//   documented limiter), storm429 (429, empty body, X-RateLimit-*), expireTokens (sessions issued
//   before the fault was switched on, and optionally API keys, no longer authenticate -> 401).
// app (inside the limiter, so delayed requests hold their concurrency slot):
//   latency (delay before the handler), error500 / error502 (instead of the handler, or after it
//   with afterHandler), hang (the handler runs, the response comes `ms` later: 35 s by default),
//   resetAfter (the handler runs and its effect persists, then the socket is reset without a
//   response), malformedJson (200 with the reply's JSON cut in half).
// Each fault can be limited to a method, a path pattern, a count, a duration and a share of the
// matching requests; shares and random latencies come from a PRNG seeded per fault, so a run with
// the same seed and the same request sequence faults the same requests. Faulted requests carry the
// fault names in the log's `fault` field; storms also set `refusedBy` ("fault/storm503").
import type { Socket } from 'node:net';
import type { Reply, RequestContext } from '../context.ts';
import { JSON_CONTENT_TYPE, emptyReply, errorReply } from '../envelope.ts';
import type { Clock } from '../limits/clock.ts';
import { systemClock } from '../limits/clock.ts';
import { documentedRefusal } from '../limits/limiter.ts';
import type { NamedMiddleware } from '../pipeline.ts';
import type { SandboxStore } from '../store.ts';
import { DEFAULT_HANG_MS, parseFaultArg, pathMatcher, validateFaultSpec } from './spec.ts';
import type { FaultSpec, FaultType } from './spec.ts';

export const DEFAULT_FAULT_SEED = 1;

/** mulberry32: small, fast, good enough to pick requests reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface ActiveFault {
  id: number;
  spec: FaultSpec;
  addedAtMs: number;
  applied: number;
  random: () => number;
  matchesPath: (path: string) => boolean;
  /** expireTokens: the session tokens that existed when the fault was switched on. */
  staleTokens?: ReadonlySet<string>;
}

export interface FaultSummary extends FaultSpec {
  id: number;
  applied: number;
  active: boolean;
  addedAt: string;
}

const LOCALS_KEY = 'sandbox.faults';

const DELAY_KEY = 'sandbox.faultDelayMs';

/** The delay the latency faults put before this request's handler, if any. */
export function faultDelayOf(ctx: RequestContext): number | undefined {
  return ctx.locals.get(DELAY_KEY) as number | undefined;
}

/** The fault names applied to this request, joined by "+", or null. */
export function faultsOf(ctx: RequestContext): string | null {
  const list = ctx.locals.get(LOCALS_KEY) as string[] | undefined;
  return list && list.length > 0 ? list.join('+') : null;
}

function tag(ctx: RequestContext, type: FaultType): void {
  const list = ctx.locals.get(LOCALS_KEY) as string[] | undefined;
  if (list) list.push(type);
  else ctx.locals.set(LOCALS_KEY, [type]);
}

function resetSocket(ctx: RequestContext): Reply {
  const socket: Socket = ctx.req.socket;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
  return { status: 0, handled: true };
}

const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function errorFor(type: 'error500' | 'error502'): Reply {
  if (type === 'error500') return errorReply(500, 'Internal server error (sandbox fault)', 'System.Exception');
  return { status: 502, headers: { 'Content-Type': 'text/html' }, body: BAD_GATEWAY_HTML };
}

function bodyBuffer(body: Reply['body']): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.isBuffer(body) ? body : Buffer.concat(body);
}

/** 200 with the first half of the body; a body too short to cut becomes `{"response":`. */
export function malformedReply(reply: Reply): Reply {
  const full = bodyBuffer(reply.body);
  const body = full.length >= 4 ? full.subarray(0, Math.floor(full.length / 2)) : Buffer.from('{"response":');
  return { status: 200, headers: { ...reply.headers, 'Content-Type': JSON_CONTENT_TYPE }, body };
}

export interface FaultInjectorOptions {
  store: SandboxStore;
  clock?: Clock;
  seed?: number;
  faults?: ReadonlyArray<FaultSpec | string>;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private seedValue: number;
  private readonly clock: Clock;
  private readonly store: SandboxStore;
  private readonly pending = new Set<() => void>();
  readonly edge: NamedMiddleware;
  readonly app: NamedMiddleware;

  constructor(options: FaultInjectorOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.seedValue = options.seed ?? DEFAULT_FAULT_SEED;
    for (const fault of options.faults ?? []) this.add(fault);
    this.edge = { name: 'faults/edge', handle: (ctx, next) => this.handleEdge(ctx, next) };
    this.app = { name: 'faults/app', handle: (ctx, next) => this.handleApp(ctx, next) };
  }

  get seed(): number {
    return this.seedValue;
  }

  /** Reseeds every fault's PRNG (as if they had been added under this seed). */
  setSeed(seed: number): void {
    this.seedValue = seed;
    for (const fault of this.faults) fault.random = seededRandom(this.faultSeed(fault.id));
  }

  private faultSeed(id: number): number {
    return (this.seedValue ^ Math.imul(id, 0x9e3779b1)) >>> 0;
  }

  add(input: FaultSpec | string): FaultSummary {
    const spec = typeof input === 'string' ? parseFaultArg(input) : validateFaultSpec(input);
    const id = this.nextId++;
    const fault: ActiveFault = {
      id,
      spec,
      addedAtMs: this.clock(),
      applied: 0,
      random: seededRandom(this.faultSeed(id)),
      matchesPath: pathMatcher(spec.path),
    };
    if (spec.type === 'expireTokens') fault.staleTokens = new Set(this.store.sessions.keys());
    this.faults.push(fault);
    return this.summary(fault);
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  /** Removes every fault; ids (and so the per-fault PRNG seeds) start again at 1. */
  clear(): void {
    this.faults = [];
    this.nextId = 1;
  }

  list(): FaultSummary[] {
    return this.faults.map((f) => this.summary(f));
  }

  /** Ends every pending delay at once (server shutdown). */
  dispose(): void {
    for (const done of [...this.pending]) done();
  }

  private summary(fault: ActiveFault): FaultSummary {
    return {
      id: fault.id,
      ...fault.spec,
      applied: fault.applied,
      active: this.isActive(fault, this.clock()),
      addedAt: new Date(fault.addedAtMs).toISOString(),
    };
  }

  private isActive(fault: ActiveFault, nowMs: number): boolean {
    if (fault.spec.count !== undefined && fault.applied >= fault.spec.count) return false;
    if (fault.spec.durationMs !== undefined && nowMs >= fault.addedAtMs + fault.spec.durationMs) return false;
    return true;
  }

  /** True when the fault applies to this request; consumes one of its count and one PRNG draw. */
  private take(fault: ActiveFault, ctx: RequestContext, nowMs: number): boolean {
    if (!this.isActive(fault, nowMs)) return false;
    const { method, share } = fault.spec;
    if (method !== undefined && !(Array.isArray(method) ? method : [method]).includes(ctx.method)) return false;
    if (!fault.matchesPath(ctx.path)) return false;
    if (share !== undefined && share < 1 && !(fault.random() < share)) return false;
    fault.applied++;
    tag(ctx, fault.spec.type);
    return true;
  }

  private takeFirst(ctx: RequestContext, nowMs: number, accept: (spec: FaultSpec) => boolean): ActiveFault | undefined {
    for (const fault of this.faults) if (accept(fault.spec) && this.take(fault, ctx, nowMs)) return fault;
    return undefined;
  }

  private credentialIsStale(fault: ActiveFault, ctx: RequestContext): boolean {
    const identity = ctx.auth.identity;
    if (!identity) return false;
    if (identity.scheme === 'apikey') return fault.spec.apiKeys === true;
    return identity.sessionToken !== undefined && (fault.staleTokens?.has(identity.sessionToken) ?? false);
  }

  private async handleEdge(ctx: RequestContext, next: () => Promise<Reply>): Promise<Reply> {
    if (this.faults.length === 0) return next();
    const nowMs = this.clock();
    for (const fault of this.faults) {
      const { type } = fault.spec;
      if (type === 'expireTokens') {
        if (this.credentialIsStale(fault, ctx) && this.take(fault, ctx, nowMs))
          ctx.auth = { ...ctx.auth, identity: null, ...(fault.spec.asServer ? {} : { challenge: true }) };
        continue;
      }
      if (type !== 'resetBefore' && type !== 'storm503' && type !== 'storm429') continue;
      if (!this.take(fault, ctx, nowMs)) continue;
      if (type === 'resetBefore') return resetSocket(ctx);
      ctx.refusedBy = `fault/${type}`;
      if (type === 'storm503') return documentedRefusal(fault.spec.retryAfter ?? 5);
      const headers: Record<string, string> = {
        'X-RateLimit-Limit': String(fault.spec.limit ?? 1500),
        'X-RateLimit-Remaining': '0',
      };
      if (fault.spec.retryAfter !== undefined) {
        headers['Retry-After'] = String(Math.max(1, Math.ceil(fault.spec.retryAfter)));
        headers['X-RateLimit-Reset'] = String(Math.ceil(nowMs / 1000 + fault.spec.retryAfter));
      }
      return emptyReply(429, headers);
    }
    return next();
  }

  private async handleApp(ctx: RequestContext, next: () => Promise<Reply>): Promise<Reply> {
    if (this.faults.length === 0) return next();
    const nowMs = this.clock();

    let delay = 0;
    for (const fault of this.faults) {
      if (fault.spec.type !== 'latency' || !this.take(fault, ctx, nowMs)) continue;
      const { ms, minMs, maxMs } = fault.spec;
      delay += minMs !== undefined && maxMs !== undefined ? minMs + fault.random() * (maxMs - minMs) : (ms ?? 0);
    }
    if (delay > 0) {
      ctx.locals.set(DELAY_KEY, Math.round(delay * 1000) / 1000);
      await this.sleep(delay, ctx);
    }

    const isError = (s: FaultSpec): boolean => s.type === 'error500' || s.type === 'error502';
    const before = this.takeFirst(ctx, nowMs, (s) => isError(s) && !s.afterHandler);
    if (before) return errorFor(before.spec.type as 'error500' | 'error502');

    let reply = await next();

    const hang = this.takeFirst(ctx, nowMs, (s) => s.type === 'hang');
    if (hang) await this.sleep(hang.spec.ms ?? DEFAULT_HANG_MS, ctx);
    const after = this.takeFirst(ctx, nowMs, (s) => isError(s) && s.afterHandler === true);
    if (after) return errorFor(after.spec.type as 'error500' | 'error502');
    if (this.takeFirst(ctx, nowMs, (s) => s.type === 'resetAfter')) return resetSocket(ctx);
    if (this.takeFirst(ctx, nowMs, (s) => s.type === 'malformedJson')) reply = malformedReply(reply);
    return reply;
  }

  /** A delay that ends early when the client goes away or the server shuts down. */
  private sleep(ms: number, ctx: RequestContext): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.pending.delete(done);
        ctx.res.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.pending.add(done);
      ctx.res.once('close', done);
    });
  }
}

// Rate limiting as a NamedMiddleware between authentication and dispatch, in one of two profiles:
//
// server (DocSpace 3.7, docspace-api.md §9): partition = user id, else client IP. A chain, in the
//   server's order: sliding 1500/60 s -> concurrency 50 GET | 15 other -> fixed daily window of
//   10,000 POST+PUT -> endpoint policy `sensitive_api` (5 per 15 min per user per path). Refusal:
//   429, empty body, X-RateLimit-Limit + X-RateLimit-Remaining; the daily window adds Retry-After
//   (seconds) and X-RateLimit-Reset (Unix seconds of the window end).
// documented (the seed document, rate-limits.md): partition = account + IP. 500 per 10 s sliding,
//   1500 per 60 s sliding, 50 GET | 15 other concurrent, 5 per minute per path on the
//   password-collection methods. Refusal: 503, JSON error body, Retry-After (whole seconds >= 1;
//   1 for a concurrency refusal).
//
// As in .NET's chained limiter, a stage that admitted a request keeps it counted when a later stage
// refuses it (RedisRateLimiting records a sliding-window entry on acquisition and never removes it),
// while concurrency slots are given back. The stage that refuses does not record the request.
// Refused requests are not executed. Successful responses carry no rate-limit headers.
import type { Reply, RequestContext } from '../context.ts';
import { emptyReply, errorReply } from '../envelope.ts';
import type { NamedMiddleware } from '../pipeline.ts';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import {
  DEFAULT_LIMIT_VALUES,
  PASSWORD_ENDPOINTS,
  SENSITIVE_ENDPOINTS,
  endpointMatcher,
  scaleWindow,
} from './profiles.ts';
import type { LimitProfileName, LimitValues } from './profiles.ts';
import { ConcurrencyCounter, FixedWindowCounter, SlidingWindowLog } from './windows.ts';
import type { WindowRefusal } from './windows.ts';

export interface LimitRequest {
  method: string;
  /** Raw request path (as ASP.NET's Request.Path keys the per-path policies). */
  path: string;
  userId: string | null;
  ip: string;
}

export type Admission = { ok: true; release: () => void } | { ok: false; rule: string; reply: Reply };

export interface RuleInfo {
  name: string;
  kind: 'sliding' | 'fixed' | 'concurrency';
  limit: number;
  windowMs?: number;
  appliesTo: string;
}

/** null: admitted with nothing to give back (or the stage does not apply). */
type StageResult = { refusal: Reply } | { release: () => void } | null;

interface Stage {
  info: RuleInfo;
  acquire(req: LimitRequest, partition: string, nowMs: number): StageResult;
  usage(nowMs: number): Map<string, unknown>;
  clear(): void;
}

const secondsUntil = (atMs: number, nowMs: number): number => Math.max(1, Math.ceil((atMs - nowMs) / 1000));

// ---- refusal shapes ----

function serverRefusal(refusal: WindowRefusal): Reply {
  return emptyReply(429, {
    'X-RateLimit-Limit': String(refusal.limit),
    'X-RateLimit-Remaining': String(refusal.remaining),
  });
}

function serverDailyRefusal(refusal: WindowRefusal, nowMs: number): Reply {
  return emptyReply(429, {
    'X-RateLimit-Limit': String(refusal.limit),
    'X-RateLimit-Remaining': String(refusal.remaining),
    'Retry-After': String(secondsUntil(refusal.freeAtMs, nowMs)),
    'X-RateLimit-Reset': String(Math.ceil(refusal.freeAtMs / 1000)),
  });
}

export const DOCUMENTED_REFUSAL_MESSAGE = 'Too many requests';

/** The documented profile's refusal: 503, the API's error body, Retry-After in whole seconds. */
export function documentedRefusal(retryAfterSeconds: number): Reply {
  const reply = errorReply(503, DOCUMENTED_REFUSAL_MESSAGE, null);
  return { ...reply, headers: { ...reply.headers, 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) } };
}

// ---- stages ----

function slidingStage(
  name: string,
  limit: number,
  windowMs: number,
  appliesTo: string,
  refuse: (r: WindowRefusal, nowMs: number) => Reply,
  options: { applies?: (req: LimitRequest) => boolean; perPath?: boolean } = {},
): Stage {
  const log = new SlidingWindowLog(limit, windowMs);
  return {
    info: { name, kind: 'sliding', limit, windowMs, appliesTo },
    acquire(req, partition, nowMs) {
      if (options.applies && !options.applies(req)) return null;
      const key = options.perPath ? `${partition}|${req.path}` : partition;
      const refusal = log.tryAcquire(key, nowMs);
      return refusal ? { refusal: refuse(refusal, nowMs) } : null;
    },
    usage(nowMs) {
      return new Map(log.keys(nowMs).map((key) => [key, log.count(key, nowMs)]));
    },
    clear: () => log.clear(),
  };
}

function concurrencyStage(name: string, limit: number, isRead: boolean, refuse: (r: WindowRefusal) => Reply): Stage {
  const counter = new ConcurrencyCounter(limit);
  return {
    info: { name, kind: 'concurrency', limit, appliesTo: isRead ? 'GET' : 'every method but GET' },
    acquire(req, partition) {
      if ((req.method === 'GET') !== isRead) return null;
      const release = counter.tryAcquire(partition);
      return release ? { release } : { refusal: refuse({ limit, remaining: 0, freeAtMs: 0 }) };
    },
    usage() {
      return new Map(counter.keys().map((key) => [key, counter.count(key)]));
    },
    clear: () => counter.clear(),
  };
}

function dailyStage(name: string, limit: number, windowMs: number): Stage {
  const counter = new FixedWindowCounter(limit, windowMs);
  return {
    info: { name, kind: 'fixed', limit, windowMs, appliesTo: 'POST and PUT' },
    acquire(req, partition, nowMs) {
      if (req.method !== 'POST' && req.method !== 'PUT') return null;
      const refusal = counter.tryAcquire(partition, nowMs);
      return refusal ? { refusal: serverDailyRefusal(refusal, nowMs) } : null;
    },
    usage(nowMs) {
      return new Map(
        counter.keys(nowMs).map((key) => {
          const u = counter.usage(key, nowMs)!;
          return [key, { count: u.count, resetsAt: new Date(u.endMs).toISOString() }];
        }),
      );
    },
    clear: () => counter.clear(),
  };
}

function serverStages(v: LimitValues, scale: number): Stage[] {
  const isSensitive = endpointMatcher(SENSITIVE_ENDPOINTS);
  return [
    slidingStage('server/sliding', v.perMinute, scaleWindow(v.minuteWindowMs, scale), 'every request', serverRefusal),
    concurrencyStage('server/concurrent-get', v.concurrentGet, true, serverRefusal),
    concurrencyStage('server/concurrent-write', v.concurrentWrite, false, serverRefusal),
    dailyStage('server/daily-write', v.dailyWrite, scaleWindow(v.dayMs, scale)),
    slidingStage(
      'server/sensitive',
      v.sensitive,
      scaleWindow(v.sensitiveWindowMs, scale),
      'sensitive endpoints, per path',
      serverRefusal,
      {
        applies: (req) => isSensitive(req.method, req.path),
        perPath: true,
      },
    ),
  ];
}

function documentedStages(v: LimitValues, scale: number): Stage[] {
  const isPassword = endpointMatcher(PASSWORD_ENDPOINTS);
  const byWindow = (r: WindowRefusal, nowMs: number): Reply => documentedRefusal(secondsUntil(r.freeAtMs, nowMs));
  return [
    slidingStage('documented/burst', v.burst, scaleWindow(v.burstWindowMs, scale), 'every request', byWindow),
    slidingStage('documented/per-minute', v.perMinute, scaleWindow(v.minuteWindowMs, scale), 'every request', byWindow),
    concurrencyStage('documented/concurrent-get', v.concurrentGet, true, () => documentedRefusal(1)),
    concurrencyStage('documented/concurrent-write', v.concurrentWrite, false, () => documentedRefusal(1)),
    slidingStage(
      'documented/password',
      v.password,
      scaleWindow(v.passwordWindowMs, scale),
      'password-collection methods, per path',
      byWindow,
      {
        applies: (req) => isPassword(req.method, req.path),
        perPath: true,
      },
    ),
  ];
}

export interface LimitSettings {
  profile: LimitProfileName;
  windowScale: number;
  values: LimitValues;
}

/** One profile's counters. Replaced as a whole when the profile or scale changes. */
class ProfileLimiter {
  readonly stages: Stage[];

  constructor(readonly settings: LimitSettings) {
    const { profile, values, windowScale } = settings;
    this.stages =
      profile === 'server'
        ? serverStages(values, windowScale)
        : profile === 'documented'
          ? documentedStages(values, windowScale)
          : [];
  }

  partition(req: LimitRequest): string {
    return this.settings.profile === 'documented' ? `${req.userId ?? 'anonymous'}@${req.ip}` : (req.userId ?? req.ip);
  }

  admit(req: LimitRequest, nowMs: number): Admission {
    const partition = this.partition(req);
    const releases: Array<() => void> = [];
    for (const stage of this.stages) {
      const result = stage.acquire(req, partition, nowMs);
      if (result === null) continue;
      if ('refusal' in result) {
        for (const release of releases) release();
        return { ok: false, rule: stage.info.name, reply: result.refusal };
      }
      releases.push(result.release);
    }
    return { ok: true, release: () => releases.forEach((release) => release()) };
  }
}

export interface LimitsOptions {
  profile?: LimitProfileName;
  windowScale?: number;
  values?: Partial<LimitValues>;
  clock?: Clock;
}

export interface LimitsSnapshot {
  profile: LimitProfileName;
  windowScale: number;
  rules: RuleInfo[];
  /** partition -> rule name -> in-window count, in-flight count or {count, resetsAt}. */
  usage: Record<string, Record<string, unknown>>;
}

/** The switchable limiter: one middleware for the whole server life, profile changeable at run time. */
export class RateLimits {
  private current: ProfileLimiter;
  readonly clock: Clock;
  readonly middleware: NamedMiddleware;

  constructor(options: LimitsOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.current = new ProfileLimiter(resolveSettings(options));
    this.middleware = {
      name: 'rate-limits',
      handle: async (ctx, next) => {
        const admission = this.admit(requestOf(ctx));
        if (!admission.ok) {
          ctx.refusedBy = admission.rule;
          return admission.reply;
        }
        try {
          return await next();
        } finally {
          admission.release();
        }
      },
    };
  }

  get settings(): LimitSettings {
    return this.current.settings;
  }

  admit(req: LimitRequest): Admission {
    if (this.current.stages.length === 0) return { ok: true, release: noop };
    return this.current.admit(req, this.clock());
  }

  /** Switches profile, scale and/or numbers; the counters start empty. An omitted field keeps its
   *  value; `values` replaces the previous overrides (unnamed numbers go back to the defaults). */
  configure(options: Omit<LimitsOptions, 'clock'>): LimitSettings {
    const previous = this.current.settings;
    this.current = new ProfileLimiter(
      resolveSettings({
        profile: options.profile ?? previous.profile,
        windowScale: options.windowScale ?? previous.windowScale,
        values: options.values ?? previous.values,
      }),
    );
    return this.current.settings;
  }

  /** Forgets all usage, keeps the profile. */
  clearUsage(): void {
    for (const stage of this.current.stages) stage.clear();
  }

  snapshot(): LimitsSnapshot {
    const nowMs = this.clock();
    const usage: Record<string, Record<string, unknown>> = {};
    for (const stage of this.current.stages) {
      for (const [key, value] of stage.usage(nowMs)) (usage[key] ??= {})[stage.info.name] = value;
    }
    const { profile, windowScale } = this.current.settings;
    return { profile, windowScale, rules: this.current.stages.map((s) => s.info), usage };
  }
}

function noop(): void {}

export function requestOf(ctx: RequestContext): LimitRequest {
  return { method: ctx.method, path: ctx.path, userId: ctx.auth.identity?.userId ?? null, ip: ctx.remoteAddress };
}

export function resolveSettings(options: Omit<LimitsOptions, 'clock'>): LimitSettings {
  const profile = options.profile ?? 'off';
  if (profile !== 'off' && profile !== 'documented' && profile !== 'server')
    throw new Error(`Unknown limits profile "${String(profile)}"`);
  const windowScale = options.windowScale ?? 1;
  if (!Number.isFinite(windowScale) || windowScale <= 0)
    throw new Error(`windowScale must be a positive number, got ${String(windowScale)}`);
  const values: LimitValues = { ...DEFAULT_LIMIT_VALUES };
  for (const [name, value] of Object.entries(options.values ?? {})) {
    if (!(name in DEFAULT_LIMIT_VALUES)) throw new Error(`Unknown limit value "${name}"`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
      throw new Error(`Limit value ${name} must be a positive integer`);
    values[name as keyof LimitValues] = value;
  }
  return { profile, windowScale, values };
}

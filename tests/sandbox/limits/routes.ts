// Test controls for the limiter and the log checker (plain JSON, no auth, never logged or limited):
//   GET  /__sandbox/limits  -> {profile, windowScale, values, rules, usage}
//   POST /__sandbox/limits  {profile?, windowScale?, values?, clearUsage?} -> same, after the change
//   GET  /__sandbox/check?windowMs=10000&limit=500[&since=seq][&countRefused=false] -> CheckReport
import type { Reply, RequestContext } from '../context.ts';
import { JSON_CONTENT_TYPE } from '../envelope.ts';
import { checkLog } from '../log-checker.ts';
import type { RequestLog } from '../request-log.ts';
import type { Router } from '../router.ts';
import type { RateLimits } from './limiter.ts';
import type { LimitProfileName, LimitValues } from './profiles.ts';

export function adminJson(status: number, value: unknown): Reply {
  return {
    status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, 'Cache-Control': 'no-store' },
    body: JSON.stringify(value),
  };
}

export async function readJsonBody(ctx: RequestContext): Promise<unknown> {
  const text = (await ctx.readBody()).toString('utf8').trim();
  if (text === '') return {};
  return JSON.parse(text) as unknown;
}

function limitsView(limits: RateLimits): unknown {
  return { ...limits.snapshot(), values: limits.settings.values };
}

export function registerLimitRoutes(router: Router, deps: { limits: RateLimits; log: RequestLog }): void {
  router.get('/__sandbox/limits', 'anonymous', () => adminJson(200, limitsView(deps.limits)));

  router.post('/__sandbox/limits', 'anonymous', async (ctx) => {
    let body: unknown;
    try {
      body = await readJsonBody(ctx);
    } catch {
      return adminJson(400, { error: 'The body is not valid JSON' });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return adminJson(400, { error: 'Expected a JSON object' });
    const input = body as { profile?: unknown; windowScale?: unknown; values?: unknown; clearUsage?: unknown };
    try {
      if (input.profile !== undefined || input.windowScale !== undefined || input.values !== undefined) {
        deps.limits.configure({
          ...(input.profile !== undefined ? { profile: input.profile as LimitProfileName } : {}),
          ...(input.windowScale !== undefined ? { windowScale: input.windowScale as number } : {}),
          ...(input.values !== undefined ? { values: input.values as Partial<LimitValues> } : {}),
        });
      }
      if (input.clearUsage === true) deps.limits.clearUsage();
    } catch (error) {
      return adminJson(400, { error: error instanceof Error ? error.message : String(error) });
    }
    return adminJson(200, limitsView(deps.limits));
  });

  router.get('/__sandbox/check', 'anonymous', (ctx) => {
    const windowMs = Number(ctx.query.get('windowMs') ?? 10_000);
    const rawLimit = ctx.query.get('limit');
    const limit = rawLimit === undefined ? undefined : Number(rawLimit);
    const since = Number(ctx.query.get('since') ?? 0);
    if (!Number.isFinite(windowMs) || windowMs <= 0)
      return adminJson(400, { error: 'windowMs must be a positive number' });
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0))
      return adminJson(400, { error: 'limit must be a non-negative integer' });
    if (!Number.isInteger(since) || since < 0) return adminJson(400, { error: 'since must be a non-negative integer' });
    const countRefused = ctx.query.get('countRefused') !== 'false';
    const entries = deps.log.since(since);
    return adminJson(200, {
      entries: entries.length,
      ...checkLog(entries, { windowMs, countRefused, ...(limit !== undefined ? { limit } : {}) }),
    });
  });
}

// Test controls under /__sandbox/*: read the request log, reset to the seed, read counters. Not
// part of DocSpace: plain JSON (no envelope), no authentication, never logged or rate limited.
import type { Reply, RequestContext } from '../context.ts';
import { JSON_CONTENT_TYPE } from '../envelope.ts';
import type { RequestLog } from '../request-log.ts';
import type { Router } from '../router.ts';
import { storeCounts } from '../store-helpers.ts';
import { DEFAULT_TUNING, type SandboxTuning } from '../tuning.ts';
import { readJsonBody } from '../limits/routes.ts';

export interface SandboxAdminDeps {
  log: RequestLog;
  reset(): void;
  tuning: SandboxTuning;
}

function json(status: number, value: unknown): Reply {
  return {
    status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, 'Cache-Control': 'no-store' },
    body: JSON.stringify(value),
  };
}

export function registerSandboxAdminRoutes(router: Router, deps: SandboxAdminDeps): void {
  router.get('/__sandbox/log', 'anonymous', (ctx: RequestContext) => {
    const raw = ctx.query.get('since');
    const since = raw === undefined ? 0 : Number(raw);
    if (!Number.isInteger(since) || since < 0) return json(400, { error: 'since must be a non-negative integer' });
    return json(200, { lastSeq: deps.log.lastSeq, entries: deps.log.since(since) });
  });

  router.post('/__sandbox/reset', 'anonymous', () => {
    deps.reset();
    return json(200, { ok: true });
  });

  // Tuning (chunk size, upload limits, session lifetime, operation speed) changed from another process (e2e).
  // {"reset": true} puts every number back to its default; a reset of the store leaves tuning as it is.
  router.get('/__sandbox/tuning', 'anonymous', () => json(200, deps.tuning));
  router.post('/__sandbox/tuning', 'anonymous', async (ctx: RequestContext) => {
    let body: unknown;
    try {
      body = await readJsonBody(ctx);
    } catch {
      return json(400, { error: 'The body is not valid JSON' });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return json(400, { error: 'Expected a JSON object' });
    const input = body as Record<string, unknown>;
    if (input['reset'] === true) Object.assign(deps.tuning, DEFAULT_TUNING);
    for (const [key, value] of Object.entries(input)) {
      if (key === 'reset') continue;
      if (!(key in DEFAULT_TUNING)) return json(400, { error: `Unknown tuning "${key}"` });
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        return json(400, { error: `${key} must be a non-negative number` });
      (deps.tuning as unknown as Record<string, number>)[key] = value;
    }
    return json(200, deps.tuning);
  });

  router.get('/__sandbox/state', 'anonymous', (ctx: RequestContext) => {
    const counts = storeCounts(ctx.store);
    return json(200, { ...counts, storeVersion: ctx.store.version, log: deps.log.length, lastSeq: deps.log.lastSeq });
  });
}

// Test controls under /__sandbox/*: read the request log, reset to the seed, read counters. Not
// part of DocSpace: plain JSON (no envelope), no authentication, never logged or rate limited.
import type { Reply, RequestContext } from '../context.ts';
import { JSON_CONTENT_TYPE } from '../envelope.ts';
import type { RequestLog } from '../request-log.ts';
import type { Router } from '../router.ts';
import { storeCounts } from '../store-helpers.ts';

export interface SandboxAdminDeps {
  log: RequestLog;
  reset(): void;
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

  router.get('/__sandbox/state', 'anonymous', (ctx: RequestContext) => {
    const counts = storeCounts(ctx.store);
    return json(200, { ...counts, storeVersion: ctx.store.version, log: deps.log.length, lastSeq: deps.log.lastSeq });
  });
}

// Test controls for faults (plain JSON, no auth, never logged or limited):
//   GET    /__sandbox/faults            -> {seed, faults: [{id, type, ..., applied, active}]}
//   POST   /__sandbox/faults            body: a fault, a list of faults, or {faults, seed?, replace?};
//                                       a fault is a FaultSpec object or a CLI string
//                                       ("latency=50..200,method=GET"). Adds them; answers as GET.
//   DELETE /__sandbox/faults[?id=N]     -> removes one fault, or all of them
import { adminJson, readJsonBody } from '../limits/routes.ts';
import type { Router } from '../router.ts';
import type { FaultInjector } from './injector.ts';
import { parseFaultArg, validateFaultSpec } from './spec.ts';
import type { FaultSpec } from './spec.ts';

function view(faults: FaultInjector): unknown {
  return { seed: faults.seed, faults: faults.list() };
}

export function registerFaultRoutes(router: Router, deps: { faults: FaultInjector }): void {
  router.get('/__sandbox/faults', 'anonymous', () => adminJson(200, view(deps.faults)));

  router.post('/__sandbox/faults', 'anonymous', async (ctx) => {
    let body: unknown;
    try {
      body = await readJsonBody(ctx);
    } catch {
      return adminJson(400, { error: 'The body is not valid JSON' });
    }
    let list: unknown[];
    let seed: unknown;
    let replace = false;
    if (Array.isArray(body) || typeof body === 'string') list = Array.isArray(body) ? body : [body];
    else if (body && typeof body === 'object' && !('type' in body)) {
      const input = body as { faults?: unknown; seed?: unknown; replace?: unknown };
      list = input.faults === undefined ? [] : Array.isArray(input.faults) ? input.faults : [input.faults];
      seed = input.seed;
      replace = input.replace === true;
    } else list = [body];
    if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed)))
      return adminJson(400, { error: 'seed must be an integer' });
    // Validate everything before changing anything.
    const specs: FaultSpec[] = [];
    try {
      for (const item of list) specs.push(typeof item === 'string' ? parseFaultArg(item) : validateFaultSpec(item));
    } catch (error) {
      return adminJson(400, { error: error instanceof Error ? error.message : String(error) });
    }
    if (replace) deps.faults.clear();
    if (typeof seed === 'number') deps.faults.setSeed(seed);
    for (const spec of specs) deps.faults.add(spec);
    return adminJson(200, view(deps.faults));
  });

  router.add('DELETE', '/__sandbox/faults', 'anonymous', (ctx) => {
    const raw = ctx.query.get('id');
    if (raw === undefined) deps.faults.clear();
    else if (!deps.faults.remove(Number(raw))) return adminJson(404, { error: `No fault with id ${raw}` });
    return adminJson(200, view(deps.faults));
  });
}

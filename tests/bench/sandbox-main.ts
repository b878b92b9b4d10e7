// The benchmark's sandbox process: tests/sandbox as `npm run sandbox` starts it, plus, with
// `--answer-headers`, X-RateLimit-* headers on every successful answer in the server profile.
//
// Why: DocSpace 3.7's middleware sends those headers only on refusals, but its OpenAPI documents them on
// every answer (docspace-api.md §9), and the issue's competitor scenario is "visible through the headers in
// the server profile". The sandbox (another engineer's area) has no switch for it yet, so the bench adds a
// middleware here, after the limiter, that reads the limiter's own count for the caller.
import { parseArgs } from 'node:util';
import type { LimitProfileName } from '../sandbox/limits/profiles.ts';
import { startSandbox, type NamedMiddleware, type Sandbox } from '../sandbox/server.ts';

const { values } = parseArgs({
  options: {
    limits: { type: 'string' },
    'window-scale': { type: 'string' },
    'answer-headers': { type: 'boolean' },
  },
  strict: true,
});

/** Set once the sandbox is up; requests only arrive after that. */
const ref: { sandbox?: Sandbox } = {};

const answerHeaders: NamedMiddleware = {
  name: 'bench-answer-headers',
  async handle(ctx, next) {
    const reply = await next();
    const limits = ref.sandbox?.limits;
    if (!limits || limits.settings.profile !== 'server' || reply.status >= 300) return reply;
    const snapshot = limits.snapshot();
    const rule = snapshot.rules.find((r) => r.name === 'server/sliding');
    const partition = ctx.auth.identity?.userId ?? ctx.remoteAddress;
    const used = Number(snapshot.usage[partition]?.['server/sliding'] ?? 0);
    if (!rule) return reply;
    return {
      ...reply,
      headers: {
        ...reply.headers,
        'X-RateLimit-Limit': String(rule.limit),
        'X-RateLimit-Remaining': String(Math.max(0, rule.limit - used)),
        'X-RateLimit-Reset': String(Math.ceil((Date.now() + (rule.windowMs ?? 0)) / 1000)),
      },
    };
  },
};

const sandbox = await startSandbox({
  port: 0,
  limits: (values.limits ?? 'off') as LimitProfileName,
  windowScale: Number(values['window-scale'] ?? 1),
  middleware: values['answer-headers'] ? [answerHeaders] : [],
});
ref.sandbox = sandbox;
process.stdout.write(`DocSpace sandbox listening on ${sandbox.url}\n`);
const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

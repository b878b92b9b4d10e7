// `npm run sandbox -- --port 8090 [--seed demo|large] [--limits …] [--fault …] [--data DIR]`: runs the
// sandbox until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { FaultSpecError, parseFaultArg } from './faults/spec.ts';
import type { FaultSpec } from './faults/spec.ts';
import { LIMIT_PROFILES } from './limits/profiles.ts';
import type { LimitProfileName } from './limits/profiles.ts';
import { startSandbox } from './server.ts';
import type { SandboxOptions } from './server.ts';

const startedAt = performance.now();

const USAGE = `Usage: npm run sandbox -- [--port <number>] [--seed demo|large] [--limits documented|server|off]
                          [--window-scale <factor>] [--fault <spec>]... [--fault-seed <n>] [--data <dir>]

  --port <number>          port on 127.0.0.1 (default 8090; 0 picks a free one)
  --seed demo|large        initial data (default demo; large adds 1,000 rooms, a 10,000-file room
                           and a 25-deep folder chain)
  --limits <profile>       rate limits: documented (500/10 s, 503 + Retry-After), server (DocSpace
                           3.7: 1500/min, 50|15 concurrent, 10,000 writes/day, 429) or off (default)
  --window-scale <factor>  multiply every limit window (0.1: 10 s -> 1 s, 60 s -> 6 s, a day -> 8640 s)
  --fault <spec>           inject a fault; repeatable. <spec> is type[=value][,key=value...]:
                             latency=50..200   latency=100,method=GET,path=/api/2.0/files/**
                             error500=0.1      error502=0.05,count=10   hang=35000,share=0.01
                             resetBefore=0.05  resetAfter=0.05,method=POST   malformedJson=0.1
                             expireTokens[=apiKeys]   storm503=20,retryAfter=5   storm429=20
                           keys: method, path, share, count, durationMs, ms, retryAfter, limit,
                           afterHandler, apiKeys, asServer (see tests/sandbox/README.md, "Faults")
  --fault-seed <n>         seed of the faults' random choices (default 1)
  --data <dir>             keep the store in <dir> across restarts (restored on start)
  --help                   show this text`;

function fail(message: string): never {
  process.stderr.write(`sandbox: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

type CliOptions = Required<Pick<SandboxOptions, 'port' | 'seed' | 'limits' | 'windowScale' | 'faultSeed'>> &
  Pick<SandboxOptions, 'dataDir'> & { faults: FaultSpec[] };

function readOptions(): CliOptions {
  let values: {
    port?: string | undefined;
    seed?: string | undefined;
    limits?: string | undefined;
    'window-scale'?: string | undefined;
    fault?: string[] | undefined;
    'fault-seed'?: string | undefined;
    data?: string | undefined;
    help?: boolean | undefined;
  };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        limits: { type: 'string' },
        'window-scale': { type: 'string' },
        fault: { type: 'string', multiple: true },
        'fault-seed': { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const port = values.port === undefined ? 8090 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    fail(`--port must be an integer 0..65535, got "${values.port}"`);
  const seed = values.seed ?? 'demo';
  if (seed !== 'demo' && seed !== 'large') fail(`unknown --seed "${seed}" (demo or large)`);
  const limits = values.limits ?? 'off';
  if (!(LIMIT_PROFILES as readonly string[]).includes(limits))
    fail(`unknown --limits "${limits}" (documented, server or off)`);
  const windowScale = values['window-scale'] === undefined ? 1 : Number(values['window-scale']);
  if (!Number.isFinite(windowScale) || windowScale <= 0)
    fail(`--window-scale must be a positive number, got "${values['window-scale']}"`);
  const faultSeed = values['fault-seed'] === undefined ? 1 : Number(values['fault-seed']);
  if (!Number.isInteger(faultSeed)) fail(`--fault-seed must be an integer, got "${values['fault-seed']}"`);
  const faults: FaultSpec[] = [];
  for (const text of values.fault ?? []) {
    try {
      faults.push(parseFaultArg(text));
    } catch (error) {
      if (error instanceof FaultSpecError) fail(`--fault ${text}: ${error.message}`);
      throw error;
    }
  }
  if (values.data === '') fail('--data needs a directory');
  return {
    port,
    seed,
    limits: limits as LimitProfileName,
    windowScale,
    faultSeed,
    faults,
    ...(values.data ? { dataDir: values.data } : {}),
  };
}

const options = readOptions();
const sandbox = await startSandbox(options).catch((error: unknown) => {
  process.stderr.write(`sandbox: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

process.stdout.write(
  [
    `DocSpace sandbox listening on ${sandbox.url}`,
    `  API:      ${sandbox.url}/api/2.0`,
    `  E-mail:   ${sandbox.demo.email}`,
    `  Password: ${sandbox.demo.password}`,
    `  API key:  ${sandbox.demo.apiKey}`,
    `  Log:      ${sandbox.url}/__sandbox/log   Reset: POST ${sandbox.url}/__sandbox/reset`,
    `  Limits:   ${sandbox.limits.settings.profile}${sandbox.limits.settings.windowScale !== 1 ? ` (windows x${sandbox.limits.settings.windowScale})` : ''}` +
      `   Faults: ${
        sandbox.faults.list().length === 0
          ? 'none'
          : sandbox.faults
              .list()
              .map((f) => f.type)
              .join(', ')
      }`,
    `  Seed:     ${options.seed}` +
      (sandbox.persistence
        ? `   Data: ${sandbox.persistence.dir} (${sandbox.persistence.restoredFrom.restored ? `restored, saved ${sandbox.persistence.restoredFrom.savedAt}` : 'new'})`
        : ''),
    `  Started in ${Math.round(performance.now() - startedAt)} ms (${Math.round(performance.now())} ms since process start)`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\nsandbox: ${signal}, shutting down\n`);
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

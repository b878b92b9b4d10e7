// `npm run bench:sandbox [-- --duration 5 --concurrency 32 --seed demo]`: how fast the sandbox
// serves listings. Starts the sandbox CLI in a child process (limits off), then fires 100-entry
// pages of the 180-file folder and the rooms list from a pool of keep-alive connections for a
// bounded time and count, and prints requests/s and latency percentiles as a table, then one JSON
// line. Also times a cold start of `--limits server --seed large` (skip with --no-large-start).
// Traffic goes to 127.0.0.1 only; every loop stops by itself.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { Agent, request } from 'node:http';
import type { RequestOptions } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOAL_RPS = 2_000;

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '32' },
    'max-requests': { type: 'string', default: '200000' },
    seed: { type: 'string', default: 'demo' },
    'no-large-start': { type: 'boolean', default: false },
  },
  strict: true,
});
const durationMs = Math.min(60, Math.max(0.5, Number(values.duration))) * 1000;
const concurrency = Math.min(256, Math.max(1, Math.trunc(Number(values.concurrency))));
const maxRequests = Math.max(1, Math.trunc(Number(values['max-requests'])));
const seed = values.seed === 'large' ? 'large' : 'demo';

interface Started {
  child: ChildProcessWithoutNullStreams;
  url: string;
  apiKey: string;
  /** Spawn to "Press Ctrl+C" (includes loading TypeScript). */
  startMs: number;
}

function startCli(args: string[], timeoutMs = 30_000): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/sandbox/cli.ts', '--port', '0', ...args], {
    cwd: ROOT,
  });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sandbox did not start within ${timeoutMs} ms\n${out}${err}`));
    }, timeoutMs);
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (!out.includes('Press Ctrl+C')) return;
      clearTimeout(timer);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const apiKey = /API key:\s+(sk-[0-9a-f]{64})/.exec(out)?.[1];
      if (!url || !apiKey) reject(new Error(`unexpected sandbox banner:\n${out}`));
      else resolve({ child, url, apiKey, startMs: performance.now() - t0 });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${String(code)}\n${out}${err}`));
    });
  });
}

function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface Target {
  name: string;
  path: string;
  latencies: number[];
  errors: number;
}

/** One GET; the body is read and dropped (resume), the status returned. */
function get(options: RequestOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(options, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

async function load(base: string, apiKey: string): Promise<{ targets: Target[]; elapsedMs: number }> {
  const targets: Target[] = [
    {
      name: 'folder 204, page 1 (100 of 180)',
      path: '/api/2.0/files/204?count=100&startIndex=0',
      latencies: [],
      errors: 0,
    },
    {
      name: 'folder 204, page 2 (80 of 180)',
      path: '/api/2.0/files/204?count=100&startIndex=100',
      latencies: [],
      errors: 0,
    },
    { name: 'rooms list', path: '/api/2.0/files/rooms?count=100', latencies: [], errors: 0 },
  ];
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const headers = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
  const { hostname, port } = new URL(base);
  // Built once: no URL parsing per request.
  const options: RequestOptions[] = targets.map((t) => ({
    host: hostname,
    port: Number(port),
    path: t.path,
    agent,
    headers,
  }));

  // Warm-up: fills the listing caches and opens the connections.
  await Promise.all(Array.from({ length: concurrency }, (_, i) => get(options[i % options.length]!)));

  let issued = 0;
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && issued < maxRequests) {
      const index = issued++ % targets.length;
      const target = targets[index]!;
      const start = performance.now();
      try {
        const status = await get(options[index]!);
        if (status === 200) target.latencies.push(performance.now() - start);
        else target.errors++;
      } catch {
        target.errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - t0;
  agent.destroy();
  return { targets, elapsedMs };
}

async function main(): Promise<void> {
  const sandbox = await startCli(['--limits', 'off', '--seed', seed]);
  let result: Awaited<ReturnType<typeof load>>;
  try {
    result = await load(sandbox.url, sandbox.apiKey);
  } finally {
    await stop(sandbox.child);
  }

  let largeStartMs: number | null = null;
  if (!values['no-large-start']) {
    const large = await startCli(['--limits', 'server', '--seed', 'large']);
    largeStartMs = large.startMs;
    await stop(large.child);
  }

  const { targets, elapsedMs } = result;
  const seconds = elapsedMs / 1000;
  const all = targets.flatMap((t) => t.latencies).sort((a, b) => a - b);
  const errors = targets.reduce((n, t) => n + t.errors, 0);
  const rows = targets.map((t) => {
    const sorted = [...t.latencies].sort((a, b) => a - b);
    return {
      endpoint: t.name,
      requests: t.latencies.length,
      errors: t.errors,
      'req/s': round(t.latencies.length / seconds, 0),
      'p50 ms': round(percentile(sorted, 50)),
      'p99 ms': round(percentile(sorted, 99)),
      'max ms': round(sorted.at(-1) ?? 0),
    };
  });
  rows.push({
    endpoint: 'all',
    requests: all.length,
    errors,
    'req/s': round(all.length / seconds, 0),
    'p50 ms': round(percentile(all, 50)),
    'p99 ms': round(percentile(all, 99)),
    'max ms': round(all.at(-1) ?? 0),
  });
  const reqPerSec = round(all.length / seconds, 0);
  console.log(`sandbox bench: ${concurrency} keep-alive connections, ${round(seconds, 1)} s, seed ${seed}, limits off`);
  console.table(rows);
  console.log(
    `sandbox start (--seed ${seed}): ${round(sandbox.startMs, 0)} ms` +
      (largeStartMs !== null ? `; --limits server --seed large: ${round(largeStartMs, 0)} ms` : ''),
  );
  console.log(`goal >= ${GOAL_RPS} req/s: ${reqPerSec >= GOAL_RPS ? 'met' : 'NOT met'}`);
  console.log(
    JSON.stringify({
      bench: 'sandbox',
      reqPerSec,
      p50Ms: round(percentile(all, 50)),
      p99Ms: round(percentile(all, 99)),
      requests: all.length,
      errors,
      durationS: round(seconds, 2),
      concurrency,
      seed,
      startMs: round(sandbox.startMs, 0),
      largeSeedStartMs: largeStartMs === null ? null : round(largeStartMs, 0),
      goalRps: GOAL_RPS,
    }),
  );
  if (errors > 0) process.exitCode = 1;
}

await main();

// npm run bench:scheduler — our scheduler vs p-queue against the sandbox, both limit profiles, scaled windows.
// Prints a table and, last, one JSON line with the worst profile's figures.
import PQueue from 'p-queue';
import * as v from 'valibot';
import { staticAuth } from '../../src/docspace/request-auth.ts';
import { DocSpaceClient } from '../../src/docspace/client.ts';
import { systemClock } from '../../src/scheduler/clock.ts';
import { DEFAULT_LIMITS, effectiveLimits, scaleWindows } from '../../src/scheduler/limits.ts';
import type { RequestExecutor } from '../../src/scheduler/request-executor.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { AppError } from '../../src/errors/index.ts';
import { MemoryBudgetStore } from '../unit/scheduler/fake-clock.ts';
import { minimumLastStart } from './minimum-makespan.ts';
import { startSandboxProcess } from './sandbox-process.ts';

const N = Number(process.env.BENCH_N ?? 3000);
const SCALE = Number(process.env.BENCH_SCALE ?? 0.5);
const PROFILES = (process.env.BENCH_PROFILES?.split(',') ?? ['documented', 'server']) as Array<'documented' | 'server'>;
const anything = v.unknown();

type Call = (client: DocSpaceClient, i: number) => Promise<unknown>;

/** A mix like a busy session: listings, item info, profile, a few writes. */
const MIX: Array<{ weight: number; call: Call }> = [
  { weight: 30, call: (c) => c.call('/api/2.0/files/rooms', { schema: anything, query: { count: 25 }, lane: 'user' }) },
  {
    weight: 30,
    call: (c, i) =>
      c.call('/api/2.0/files/204', {
        schema: anything,
        query: { count: 10, startIndex: (i * 10) % 180 },
        lane: 'user',
      }),
  },
  { weight: 15, call: (c) => c.call('/api/2.0/files/file/301', { schema: anything, lane: 'user' }) },
  { weight: 10, call: (c) => c.call('/api/2.0/people/@self', { schema: anything, lane: 'user' }) },
  { weight: 10, call: (c) => c.call('/api/2.0/files/@my', { schema: anything, lane: 'user' }) },
  {
    weight: 5,
    call: (c, i) =>
      c.call('/api/2.0/files/folder/206', {
        method: 'POST',
        body: { title: `bench ${i}` },
        schema: anything,
        lane: 'user',
      }),
  },
];
const TOTAL_WEIGHT = MIX.reduce((s, m) => s + m.weight, 0);
const pick = (i: number): Call => {
  let r = (i * 7919) % TOTAL_WEIGHT;
  for (const m of MIX) if ((r -= m.weight) < 0) return m.call;
  return MIX[0]!.call;
};

const passThrough: RequestExecutor = {
  run: (_ticket, send) => send({ signal: new AbortController().signal, observe: () => undefined }),
};

interface Figures {
  elapsedMs: number;
  refusals: number;
  failed: number;
  ratio: number;
}

async function refusalsSince(url: string, seq: number): Promise<number> {
  const log = (await (await fetch(`${url}/__sandbox/log?since=${seq}`)).json()) as {
    entries: Array<{ status: number; refusedBy: string | null }>;
  };
  const refused = log.entries.filter((e) => e.refusedBy !== null || e.status === 429 || e.status === 503);
  if (process.env.BENCH_TRACE && refused.length > 0) console.log('refused by', JSON.stringify(refused.slice(0, 3)));
  return refused.length;
}

async function lastSeq(url: string): Promise<number> {
  return ((await (await fetch(`${url}/__sandbox/log?since=999999999`)).json()) as { lastSeq: number }).lastSeq;
}

async function runOurs(url: string, apiKey: string): Promise<{ elapsedMs: number; failed: number }> {
  const scheduler = new Scheduler({
    key: 'bench',
    settings: scaleWindows(DEFAULT_LIMITS, SCALE),
    clock: systemClock,
    store: new MemoryBudgetStore(),
    fresh: true,
  });
  const starts: number[] = [];
  const traced: RequestExecutor = {
    run: (ticket, send) => scheduler.run(ticket, (ctx) => (starts.push(performance.now()), send(ctx))),
  };
  const client = new DocSpaceClient({
    baseUrl: url,
    fetch,
    auth: staticAuth({ kind: 'apiKey', apiKey }),
    executor: traced,
  });
  const started = performance.now();
  if (process.env.BENCH_TRACE) process.on('beforeExit', () => undefined);
  const results = await Promise.allSettled(Array.from({ length: N }, (_, i) => pick(i)(client, i)));
  if (process.env.BENCH_TRACE) {
    const buckets = new Map<number, number>();
    for (const t of starts)
      buckets.set(Math.floor((t - started) / 100), (buckets.get(Math.floor((t - started) / 100)) ?? 0) + 1);
    console.log([...buckets].map(([b, n]) => `${b * 100}:${n}`).join(' '));
  }
  return { elapsedMs: performance.now() - started, failed: results.filter((r) => r.status === 'rejected').length };
}

/** p-queue with the same numbers; a refused request is put back after Retry-After (or 1 s), as a careful user of it would. */
async function runPQueue(url: string, apiKey: string): Promise<{ elapsedMs: number; failed: number }> {
  const limits = effectiveLimits(scaleWindows(DEFAULT_LIMITS, SCALE));
  const first = limits.windows[0]!;
  const queue = new PQueue({ concurrency: limits.concurrentReads, intervalCap: first.limit, interval: first.windowMs });
  const client = new DocSpaceClient({
    baseUrl: url,
    fetch,
    auth: staticAuth({ kind: 'apiKey', apiKey }),
    executor: passThrough,
  });
  let failed = 0;
  const submit = (i: number, attempt: number): Promise<void> =>
    queue.add(async () => {
      try {
        await pick(i)(client, i);
      } catch (error) {
        const refused = error instanceof AppError && (error.status === 429 || error.status === 503);
        if (refused && attempt < 20) {
          await new Promise((r) => setTimeout(r, (error.retryAfterSeconds ?? 1) * 1000 * SCALE * 10));
          void submit(i, attempt + 1);
          return;
        }
        failed++;
      }
    });
  const started = performance.now();
  for (let i = 0; i < N; i++) void submit(i, 0);
  // Wait until nothing is queued, running, or waiting to be put back.
  for (;;) {
    await queue.onIdle();
    await new Promise((r) => setTimeout(r, 50 + 1000 * SCALE * 10));
    if (queue.size === 0 && queue.pending === 0) break;
  }
  return { elapsedMs: performance.now() - started - (50 + 1000 * SCALE * 10), failed };
}

async function measure(profile: 'documented' | 'server', runner: typeof runOurs): Promise<Figures> {
  const sandbox = await startSandboxProcess(['--limits', profile, '--window-scale', String(SCALE)]);
  try {
    // Warm both processes up (JIT, connections), then forget that traffic in the sandbox's limiter.
    const warm = new DocSpaceClient({
      baseUrl: sandbox.url,
      fetch,
      auth: staticAuth({ kind: 'apiKey', apiKey: sandbox.apiKey }),
      executor: passThrough,
    });
    for (let round = 0; round < 10; round++) await Promise.all(Array.from({ length: 20 }, (_, i) => pick(i)(warm, i)));
    await fetch(`${sandbox.url}/__sandbox/limits`, {
      method: 'POST',
      body: JSON.stringify({ profile, windowScale: SCALE, clearUsage: true }),
    });
    const since = await lastSeq(sandbox.url);
    const { elapsedMs, failed } = await runner(sandbox.url, sandbox.apiKey);
    const refusals = await refusalsSince(sandbox.url, since);
    const minimum = minimumLastStart(N, effectiveLimits(scaleWindows(DEFAULT_LIMITS, SCALE)));
    return {
      elapsedMs: Math.round(elapsedMs),
      refusals,
      failed,
      ratio: Number((elapsedMs / Math.max(1, minimum)).toFixed(3)),
    };
  } finally {
    await sandbox.close();
  }
}

const rows: Array<{ profile: string; who: string } & Figures> = [];
for (const profile of PROFILES) {
  rows.push({ profile, who: 'ours', ...(await measure(profile, runOurs)) });
  rows.push({ profile, who: 'p-queue', ...(await measure(profile, runPQueue)) });
}
const minimum = minimumLastStart(N, effectiveLimits(scaleWindows(DEFAULT_LIMITS, SCALE)));
console.log(
  `N=${N} mixed requests, windows scaled ×${SCALE}, limits with the default 90% safety margin; minimum the limits allow: ${minimum} ms`,
);
console.log('profile     who       elapsed ms   ratio   refusals  failed');
for (const r of rows) {
  console.log(
    `${r.profile.padEnd(11)} ${r.who.padEnd(9)} ${String(r.elapsedMs).padStart(10)}   ${r.ratio.toFixed(3).padStart(5)}   ${String(r.refusals).padStart(8)}  ${String(r.failed).padStart(6)}`,
  );
}
const worst = (who: string) =>
  rows.filter((r) => r.who === who).sort((a, b) => b.refusals - a.refusals || b.ratio - a.ratio)[0]!;
const pack = (r: Figures) => ({ ratio: r.ratio, refusals: r.refusals, failed: r.failed, elapsedMs: r.elapsedMs });
console.log(
  JSON.stringify({
    n: N,
    windowScale: SCALE,
    minimumMs: minimum,
    ours: pack(worst('ours')),
    pqueue: pack(worst('p-queue')),
  }),
);

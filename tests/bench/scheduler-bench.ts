// npm run bench:scheduler — our scheduler vs p-queue against the sandbox, both limit profiles, scaled windows,
// first as the only client of the account, then with a competitor (another client on the same account).
// Prints two tables and, last, one JSON line with the worst profile's figures.
import PQueue from 'p-queue';
import * as v from 'valibot';
import { staticAuth } from '../../src/docspace/request-auth.ts';
import { DocSpaceClient } from '../../src/docspace/client.ts';
import { AppError } from '../../src/errors/index.ts';
import { systemClock } from '../../src/scheduler/clock.ts';
import { DEFAULT_LIMITS, effectiveLimits, scaleWindows } from '../../src/scheduler/limits.ts';
import type { RequestExecutor } from '../../src/scheduler/request-executor.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { MemoryBudgetStore } from '../unit/scheduler/fake-clock.ts';
import { startCompetitor } from './competitor.ts';
import { minimumLastStart, minimumLastStartAround } from './minimum-makespan.ts';
import { startSandboxProcess } from './sandbox-process.ts';
import { isCompetitor, isRefused, lastSeq, logSince, refusalEpisodes, type BenchLogEntry } from './sandbox-log.ts';

type Profile = 'documented' | 'server';
const N = Number(process.env.BENCH_N ?? 3000);
const SCALE = Number(process.env.BENCH_SCALE ?? 0.5);
const PROFILES = (process.env.BENCH_PROFILES?.split(',').filter(Boolean) ?? ['documented', 'server']) as Profile[];
const COMPETITOR_PROFILES = (process.env.BENCH_COMPETITOR?.split(',').filter(Boolean) ?? PROFILES) as Profile[];
/** The competitor's share of the sustained rate the sandbox allows (1500 per scaled minute). */
const COMPETITOR_SHARE = Number(process.env.BENCH_COMPETITOR_SHARE ?? 0.3);
const anything = v.unknown();

const SETTINGS = scaleWindows(DEFAULT_LIMITS, SCALE);
const LIMITS = effectiveLimits(SETTINGS);
const MINIMUM = minimumLastStart(N, LIMITS);
const MINIMUM_90 = minimumLastStart(N, effectiveLimits({ ...SETTINGS, safetyMargin: 0.9 }));
/** Refusals less than one short window apart belong to one episode (the window was full all along). */
const EPISODE_GAP_MS = Math.min(...LIMITS.windows.map((w) => w.windowMs));
const TRACE = Boolean(process.env.BENCH_TRACE);

type Call = (client: DocSpaceClient, i: number) => Promise<unknown>;

/** A mix like a busy job: listings, item info, profile, a few writes; all bulk work, no extension page open. */
const MIX: Array<{ weight: number; call: Call }> = [
  { weight: 30, call: (c) => c.call('/api/2.0/files/rooms', { schema: anything, query: { count: 25 }, lane: 'bulk' }) },
  {
    weight: 30,
    call: (c, i) =>
      c.call('/api/2.0/files/204', {
        schema: anything,
        query: { count: 10, startIndex: (i * 10) % 180 },
        lane: 'bulk',
      }),
  },
  { weight: 15, call: (c) => c.call('/api/2.0/files/file/301', { schema: anything, lane: 'bulk' }) },
  { weight: 10, call: (c) => c.call('/api/2.0/people/@self', { schema: anything, lane: 'bulk' }) },
  { weight: 10, call: (c) => c.call('/api/2.0/files/@my', { schema: anything, lane: 'bulk' }) },
  {
    weight: 5,
    call: (c, i) =>
      c.call('/api/2.0/files/folder/206', {
        method: 'POST',
        body: { title: `bench ${i}` },
        schema: anything,
        lane: 'bulk',
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

const client = (url: string, apiKey: string, executor: RequestExecutor) =>
  new DocSpaceClient({ baseUrl: url, fetch, auth: staticAuth({ kind: 'apiKey', apiKey }), executor });

interface Run {
  elapsedMs: number;
  failed: number;
  share?: number;
}

async function runOurs(url: string, apiKey: string): Promise<Run> {
  const scheduler = new Scheduler({
    key: 'bench',
    settings: SETTINGS,
    clock: systemClock,
    store: new MemoryBudgetStore(),
    fresh: true,
    interactiveActive: false,
  });
  const ours = client(url, apiKey, scheduler);
  const started = performance.now();
  const sampler = TRACE ? setInterval(() => traceSnapshot(scheduler, started), 1_000) : undefined;
  const results = await Promise.allSettled(Array.from({ length: N }, (_, i) => pick(i)(ours, i)));
  const elapsedMs = performance.now() - started;
  clearInterval(sampler);
  scheduler.dispose();
  return {
    elapsedMs,
    failed: results.filter((r) => r.status === 'rejected').length,
    share: scheduler.snapshot().windows.reduce((low, w) => Math.min(low, w.share ?? 1), 1),
  };
}

/** p-queue with the same numbers; a refused request is put back after Retry-After (or 1 s), as a careful user of it would. */
async function runPQueue(url: string, apiKey: string): Promise<Run> {
  const first = LIMITS.windows[0]!;
  const queue = new PQueue({ concurrency: LIMITS.concurrentReads, intervalCap: first.limit, interval: first.windowMs });
  const plain = client(url, apiKey, passThrough);
  let failed = 0;
  let waiting = 0;
  const started = performance.now();
  let last = started;
  // The wait after a refusal happens outside the queue, so a waiting request holds no p-queue slot.
  const submit = (i: number, attempt: number): void => {
    queue
      .add(() => pick(i)(plain, i))
      .then(
        () => (last = performance.now()),
        (error: unknown) => {
          const refused = error instanceof AppError && (error.status === 429 || error.status === 503);
          if (!refused || attempt >= 50) {
            failed++;
            last = performance.now();
            return;
          }
          // The sandbox's Retry-After is already in real seconds of its scaled windows.
          waiting++;
          setTimeout(
            () => {
              waiting--;
              submit(i, attempt + 1);
            },
            (error.retryAfterSeconds ?? 1) * 1000,
          );
        },
      );
  };
  for (let i = 0; i < N; i++) submit(i, 0);
  for (;;) {
    await queue.onIdle();
    if (waiting === 0 && queue.size === 0 && queue.pending === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { elapsedMs: last - started, failed };
}

/**
 * How long this sandbox, on this machine now, takes to answer one burst of a short window's worth of the mix
 * at full concurrency: no schedule can send the 1500th request before 10 s plus this (the limits allow 500 per
 * 5 s, and the server answers them at its own pace), so the floor for the whole run is the minimum plus it.
 */
async function burstMs(url: string, apiKey: string): Promise<number> {
  const plain = client(url, apiKey, passThrough);
  const queue = new PQueue({ concurrency: LIMITS.concurrentReads });
  const started = performance.now();
  await Promise.all(Array.from({ length: LIMITS.windows[0]!.limit }, (_, i) => queue.add(() => pick(i)(plain, i))));
  return performance.now() - started;
}

async function withSandbox<T>(
  profile: Profile,
  answerHeaders: boolean,
  work: (url: string, key: string, burst: number) => Promise<T>,
) {
  const sandbox = await startSandboxProcess([
    '--limits',
    profile,
    '--window-scale',
    String(SCALE),
    ...(answerHeaders ? ['--answer-headers'] : []),
  ]);
  try {
    // Warm both processes up (JIT, connections), then forget that traffic in the sandbox's limiter.
    const warm = client(sandbox.url, sandbox.apiKey, passThrough);
    for (let round = 0; round < 10; round++) await Promise.all(Array.from({ length: 20 }, (_, i) => pick(i)(warm, i)));
    const clear = () =>
      fetch(`${sandbox.url}/__sandbox/limits`, {
        method: 'POST',
        body: JSON.stringify({ profile, windowScale: SCALE, clearUsage: true }),
      });
    await clear();
    const burst = await burstMs(sandbox.url, sandbox.apiKey);
    await clear();
    return await work(sandbox.url, sandbox.apiKey, burst);
  } finally {
    await sandbox.close();
  }
}

interface SoleFigures {
  elapsedMs: number;
  /** MINIMUM plus one burst's answer time on this machine now (see burstMs). */
  floorMs: number;
  ratio: number;
  ratio90: number;
  refusals: number;
  failed: number;
}

async function sole(profile: Profile, runner: typeof runOurs): Promise<SoleFigures> {
  return withSandbox(profile, false, async (url, key, burst) => {
    const since = await lastSeq(url);
    const run = await runner(url, key);
    const refusals = (await logSince(url, since)).filter(isRefused).length;
    return {
      elapsedMs: Math.round(run.elapsedMs),
      floorMs: Math.round(MINIMUM + burst),
      ratio: round(run.elapsedMs / MINIMUM),
      ratio90: round(run.elapsedMs / MINIMUM_90),
      refusals,
      failed: run.failed,
    };
  });
}

interface CompetitorFigures {
  elapsedMs: number;
  refusals: number;
  episodes: number;
  competitorRefused: number;
  competitorSent: number;
  oursShare: number;
  share: number;
  failed: number;
}

/** A steady second client for one long window, then our run beside it; what is left is what it did not use. */
async function withCompetitor(profile: Profile): Promise<CompetitorFigures> {
  // Headers on answers only in the server profile: there the server tells; in the documented one it does not.
  return withSandbox(profile, profile === 'server', async (url, key) => {
    const since = await lastSeq(url);
    const sustained = Math.min(...LIMITS.windows.map((w) => w.limit / w.windowMs)) * 1000;
    const competitor = startCompetitor(url, key, COMPETITOR_SHARE * sustained);
    await new Promise((r) => setTimeout(r, Math.max(...LIMITS.windows.map((w) => w.windowMs))));
    const t0 = Date.now();
    const run = await runOurs(url, key);
    const competitorSent = await competitor.stop();
    const entries = await logSince(url, since);
    const during = entries.filter((e) => e.startMs >= t0);
    const occupied = entries
      .filter((e) => isCompetitor(e) && !isRefused(e))
      .map((e) => e.startMs)
      .sort((a, b) => a - b);
    // The server profile enforces only the minute window; our 10 s window is then a limit of our own.
    const shared = LIMITS.windows.map(
      (w) => profile === 'documented' || w.windowMs === Math.max(...LIMITS.windows.map((x) => x.windowMs)),
    );
    const left = minimumLastStartAround(N, LIMITS, occupied, t0, shared);
    if (TRACE) traceRefusals(during, t0);
    return {
      elapsedMs: Math.round(run.elapsedMs),
      refusals: during.filter(isRefused).length,
      episodes: refusalEpisodes(during, EPISODE_GAP_MS),
      competitorRefused: during.filter((e) => isCompetitor(e) && isRefused(e)).length,
      competitorSent,
      oursShare: round(left / run.elapsedMs),
      share: round(run.share ?? 1),
      failed: run.failed,
    };
  });
}

const round = (x: number) => Number(x.toFixed(3));

/** BENCH_TRACE=1: what the scheduler believed, once a second. */
function traceSnapshot(scheduler: Scheduler, started: number): void {
  const snap = scheduler.snapshot();
  const windows = snap.windows.map((w) => `${w.name} ours ${w.ours} others ${w.others} share ${w.share}`).join(' | ');
  console.log(
    `  t=${((performance.now() - started) / 1000).toFixed(1)}s ${windows} pause ${snap.pause?.reason ?? '-'}`,
  );
}

/** BENCH_TRACE=1: when the refusals came, and whose. */
function traceRefusals(entries: BenchLogEntry[], t0: number): void {
  const refused = entries.filter(isRefused);
  const byTenth = new Map<number, { ours: number; competitor: number }>();
  for (const e of refused) {
    const bucket = Math.floor((e.startMs - t0) / 100) / 10;
    const b = byTenth.get(bucket) ?? { ours: 0, competitor: 0 };
    if (isCompetitor(e)) b.competitor++;
    else b.ours++;
    byTenth.set(bucket, b);
  }
  console.log(
    '  refusals (s: ours/competitor):',
    [...byTenth].map(([t, b]) => `${t}:${b.ours}/${b.competitor}`).join(' '),
  );
}

const soleRows: Array<{ profile: Profile; who: string } & SoleFigures> = [];
for (const profile of PROFILES) {
  soleRows.push({ profile, who: 'ours', ...(await sole(profile, runOurs)) });
  soleRows.push({ profile, who: 'p-queue', ...(await sole(profile, runPQueue)) });
}
const competitorRows: Array<{ profile: Profile } & CompetitorFigures> = [];
for (const profile of COMPETITOR_PROFILES) competitorRows.push({ profile, ...(await withCompetitor(profile)) });

console.log(
  `N=${N} mixed requests (bulk), windows scaled ×${SCALE}; ratio = elapsed / minimum at 100% of the limits ` +
    `(${MINIMUM} ms); ratio90 = elapsed / minimum at the old 90% margin (${MINIMUM_90} ms)`,
);
console.log('profile     who       elapsed ms   ratio  ratio90   refusals  failed   floor ms');
for (const r of soleRows) {
  console.log(
    `${r.profile.padEnd(11)} ${r.who.padEnd(9)} ${String(r.elapsedMs).padStart(10)}   ${r.ratio.toFixed(3)}    ${r.ratio90.toFixed(3)}   ${String(r.refusals).padStart(8)}  ${String(r.failed).padStart(6)}  ${String(r.floorMs).padStart(9)}`,
  );
}
if (soleRows.length > 0)
  console.log(
    'floor ms = minimum + the time this sandbox took, just before, to answer one burst of 500 at full concurrency',
  );
if (competitorRows.length > 0) {
  console.log(
    `Competitor: another client on the account sends ${Math.round(COMPETITOR_SHARE * 100)}% of the sustained rate ` +
      `(invisible in documented; X-RateLimit headers on answers in server); oursShare = least time in what it leaves / elapsed`,
  );
  console.log('profile     elapsed ms  refusals  episodes  competitor refused/sent  oursShare  share at end');
  for (const r of competitorRows) {
    console.log(
      `${r.profile.padEnd(11)} ${String(r.elapsedMs).padStart(10)}  ${String(r.refusals).padStart(8)}  ${String(r.episodes).padStart(8)}  ${`${r.competitorRefused}/${r.competitorSent}`.padStart(23)}  ${r.oursShare.toFixed(3).padStart(9)}  ${r.share.toFixed(3).padStart(12)}`,
    );
  }
}
const worst = (who: string) =>
  soleRows.filter((r) => r.who === who).sort((a, b) => b.refusals - a.refusals || b.ratio - a.ratio)[0];
const pack = (r: SoleFigures | undefined) =>
  r && {
    ratio: r.ratio,
    refusals: r.refusals,
    ratio90: r.ratio90,
    floorMs: r.floorMs,
    failed: r.failed,
    elapsedMs: r.elapsedMs,
  };
const worstCompetitor = [...competitorRows].sort((a, b) => b.episodes - a.episodes || a.oursShare - b.oursShare)[0];
console.log(
  JSON.stringify({
    n: N,
    windowScale: SCALE,
    minimumMs: MINIMUM,
    minimum90Ms: MINIMUM_90,
    ours: pack(worst('ours')),
    pqueue: pack(worst('p-queue')),
    ...(worstCompetitor
      ? {
          competitor: {
            refusals: worstCompetitor.refusals,
            oursShare: worstCompetitor.oursShare,
            episodes: worstCompetitor.episodes,
            competitorRefused: worstCompetitor.competitorRefused,
            profile: worstCompetitor.profile,
          },
        }
      : {}),
    byProfile: Object.fromEntries(
      PROFILES.map((p) => [
        p,
        {
          ours: pack(soleRows.find((r) => r.profile === p && r.who === 'ours')),
          pqueue: pack(soleRows.find((r) => r.profile === p && r.who === 'p-queue')),
          competitor: competitorRows.find((r) => r.profile === p) ?? null,
        },
      ]),
    ),
  }),
);

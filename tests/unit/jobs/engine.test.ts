import { describe, expect, it } from 'vitest';
import { appError } from '../../../src/errors/index.ts';
import { MAX_ATTEMPTS, runJob, type EngineDeps } from '../../../src/jobs/engine.ts';
import type { JobKind } from '../../../src/jobs/job-kind.ts';
import { newJob, type JobRecord } from '../../../src/jobs/job-record.ts';

/**
 * A job kind written for this test only, against an in-memory "portal": the engine knows no kind, so
 * everything it promises (write-ahead, lost answers looked up after the portal had time, refusals that spend
 * nothing, verify before done) is shown with a kind that is not create-folders.
 */
type Outcome = 'ok' | 'lost' | 'refused' | 'rejected' | 'signedOut' | 'offline' | 'keptThenOffline';

function stampKind(behaviour: (name: string, attempt: number) => Outcome) {
  const portal = new Map<string, number>();
  const sends: string[] = [];
  const kind: JobKind<{ label: string }, { name: string }, { stamp: number }> = {
    kind: 'stamp',
    concurrency: 2,
    title: (job) => ({ key: 'jobTitle_stamp', params: [job.params.label] }),
    folders: () => [1],
    label: (input) => input.name,
    async run(_job, item) {
      sends.push(item.input.name);
      const outcome = behaviour(item.input.name, sends.filter((n) => n === item.input.name).length);
      if (outcome === 'refused') throw appError('unavailable', {}, { status: 503, retryAfterSeconds: 0 });
      if (outcome === 'signedOut') throw appError('sessionRejected', { origin: 'x' }, { status: 401 });
      if (outcome === 'rejected') throw appError('requestInvalid', { detail: 'no' }, { status: 400 });
      if (outcome === 'offline') throw appError('networkError', { origin: 'x' });
      portal.set(item.input.name, (portal.get(item.input.name) ?? 0) + 1);
      if (outcome === 'lost') throw appError('writeUnconfirmed', {});
      if (outcome === 'keptThenOffline') throw appError('networkError', { origin: 'x' });
      return { state: 'done', result: { stamp: portal.size } };
    },
    async reconcile(_job, items) {
      const found = new Map();
      for (const { index, item } of items) {
        if (portal.has(item.input.name)) {
          found.set(index, { state: item.state === 'pending' ? 'skipped' : 'done', result: { stamp: 0 } });
        }
      }
      return found;
    },
    async verify(job) {
      return {
        missing: job.items.flatMap((item, i) => (item.state === 'done' && !portal.has(item.input.name) ? [i] : [])),
        findings: [],
      };
    },
  };
  return { kind, portal, sends };
}

function deps(overrides: Partial<EngineDeps> = {}) {
  const saves: JobRecord[] = [];
  const sleeps: number[] = [];
  let now = 1_000_000;
  const engine: EngineDeps = {
    context: { client: null as never, userId: 'u', now: () => new Date(now), sleep: async () => undefined },
    save: async (job) => void saves.push(structuredClone(job)),
    changed: () => undefined,
    signal: new AbortController().signal,
    settleDelayMs: 5_000,
    refusalWaitMs: 2_000,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    now: () => now,
    ...overrides,
  };
  return { engine, saves, sleeps, advance: (ms: number) => (now += ms) };
}

const job = (names: string[]) =>
  newJob(
    { id: 'j', kind: 'stamp', portalId: 'p', params: { label: 'L' }, inputs: names.map((name) => ({ name })) },
    new Date(),
  ) as JobRecord;

describe('the job engine', () => {
  it('writes each item as on the wire before sending it, and says done only after verifying', async () => {
    const { kind } = stampKind(() => 'ok');
    const { engine, saves } = deps();
    const record = job(['a', 'b', 'c']);
    expect(await runJob(record, kind, engine)).toBe('finished');
    expect(record.status).toBe('done');
    for (const name of ['a', 'b', 'c']) {
      const index = ['a', 'b', 'c'].indexOf(name);
      const firstSending = saves.findIndex((s) => s.items[index]?.state === 'sending');
      const firstDone = saves.findIndex((s) => s.items[index]?.state === 'done');
      expect(firstSending).toBeGreaterThanOrEqual(0);
      expect(firstSending).toBeLessThan(firstDone);
    }
    expect(saves.findIndex((s) => s.status === 'verifying')).toBeLessThan(saves.findIndex((s) => s.status === 'done'));
  });

  it('a lost answer is looked up only once the portal had time to finish, and not sent again if it happened', async () => {
    const { kind, portal, sends } = stampKind((name, attempt) => (name === 'b' && attempt === 1 ? 'lost' : 'ok'));
    const { engine, sleeps } = deps();
    const record = job(['a', 'b']);
    await runJob(record, kind, engine);
    expect(sleeps).toContain(5_000);
    expect(sends.filter((n) => n === 'b')).toHaveLength(1);
    expect(portal.get('b')).toBe(1);
    expect(record.items.map((i) => i.state)).toEqual(['done', 'done']);
  });

  it('a refusal spends nothing: the item goes back and the job waits as long as the portal asks', async () => {
    let refusals = 0;
    const { kind, portal } = stampKind((name) => (name === 'a' && refusals++ < 5 ? 'refused' : 'ok'));
    const statuses: string[] = [];
    const { engine } = deps({ changed: (j) => void statuses.push(j.status) });
    const record = job(['a', 'b']);
    await runJob(record, kind, engine);
    expect(record.status).toBe('done');
    expect(record.items[0]).toMatchObject({ state: 'done', attempts: 1 });
    expect(portal.get('a')).toBe(1);
    expect(statuses).toContain('waiting');
  });

  it('a 401 stops the run with nothing lost: the item is pending again and the job waits for a sign-in', async () => {
    const { kind } = stampKind((name) => (name === 'b' ? 'signedOut' : 'ok'));
    const { engine } = deps();
    const record = job(['a', 'b', 'c', 'd']);
    expect(await runJob(record, kind, engine)).toBe('waitingSignIn');
    expect(record).toMatchObject({ status: 'waiting', waitingFor: 'signIn' });
    expect(record.items[1]).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('a refused item fails alone, with its reason; the job goes on and ends failed, not done', async () => {
    const { kind } = stampKind((name) => (name === 'b' ? 'rejected' : 'ok'));
    const { engine } = deps();
    const record = job(['a', 'b', 'c']);
    await runJob(record, kind, engine);
    expect(record.items.map((i) => i.state)).toEqual(['done', 'failed', 'done']);
    expect(record.items[1]?.error).toMatchObject({ key: 'requestInvalid', params: ['no'] });
    expect(record.status).toBe('failed');
  });

  it('an item whose answer is lost every time fails after a bounded number of tries, never loops', async () => {
    const { kind } = stampKind(() => 'lost');
    // The "portal" never keeps anything, so every lookup says it did not happen.
    kind.reconcile = async () => new Map();
    const { engine } = deps();
    const record = job(['a']);
    await runJob(record, kind, engine);
    expect(record.items[0]).toMatchObject({
      state: 'failed',
      attempts: MAX_ATTEMPTS,
      error: { key: 'writeUnconfirmed' },
    });
  });

  it('cancelling stops at once; an item on the wire stays marked so the next run looks for it first', async () => {
    const controller = new AbortController();
    const { kind } = stampKind(() => 'ok');
    // The user cancels while the first request is on the wire; the client reports it cancelled.
    const cancelledMidway: typeof kind = {
      ...kind,
      run: async () => {
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 0));
        throw appError('cancelled', {});
      },
    };
    const { engine } = deps({ signal: controller.signal });
    const record = job(['a', 'b']);
    expect(await runJob(record, cancelledMidway, engine)).toBe('stopped');
    expect(record.items[0]?.state).toBe('sending');
  });
});

const OFFLINE_WAITS = [2_000, 4_000, 8_000, 16_000, 30_000];

describe('a portal that cannot be reached', () => {
  it('the job waits for the network, looks before sending again, and finishes with each item made once', async () => {
    // 'a' reached the portal before the network went (its answer never came back); 'b' did not. The outage
    // lasts through two lookups.
    const { kind, portal, sends } = stampKind((name, attempt) =>
      attempt > 1 ? 'ok' : name === 'a' ? 'keptThenOffline' : 'offline',
    );
    let lookups = 0;
    const reconcile = kind.reconcile;
    kind.reconcile = async (...args) => {
      if (sends.length > 0 && lookups++ < 2) throw appError('networkError', { origin: 'x' });
      return reconcile(...args);
    };
    const seen: Array<[string, string | undefined]> = [];
    const { engine, sleeps } = deps({ changed: (j) => void seen.push([j.status, j.waitingFor]) });
    const record = job(['a', 'b']);
    expect(await runJob(record, kind, engine)).toBe('finished');
    expect(record.status).toBe('done');
    expect(seen).toContainEqual(['waiting', 'network']);
    expect(portal.get('a')).toBe(1);
    expect(portal.get('b')).toBe(1);
    expect(sends.filter((n) => n === 'a')).toHaveLength(1);
    expect(record.items.map((i) => i.state)).toEqual(['done', 'done']);
    // One wait per failed round or lookup, growing (the others are the settle time after the lost answers).
    expect(sleeps.filter((ms) => OFFLINE_WAITS.includes(ms))).toEqual([2_000, 4_000, 8_000]);
  });

  it('the waits between attempts grow to 30 s and no further, and the job never gives up while offline', async () => {
    // Nothing reaches the portal for the first 12 calls, sends and lookups alike: one long outage.
    let calls = 0;
    const down = () => ++calls <= 12;
    const { kind } = stampKind(() => (down() ? 'offline' : 'ok'));
    const reconcile = kind.reconcile;
    kind.reconcile = async (...args) => {
      if (down()) throw appError('networkError', { origin: 'x' });
      return reconcile(...args);
    };
    const { engine, sleeps } = deps();
    const record = job(['a']);
    await runJob(record, kind, engine);
    expect(record.status).toBe('done');
    // The first lookup (does it exist already?) met the outage, so the item went out once, when it was over.
    expect(record.items[0]?.attempts).toBe(1);
    const waits = sleeps.filter((ms) => OFFLINE_WAITS.includes(ms));
    expect(waits).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('an item that waits out an outage itself shows the job as waiting for the network meanwhile', async () => {
    const { kind } = stampKind(() => 'ok');
    const run = kind.run;
    kind.run = async (j, item, context) => {
      context.waitingForNetwork?.(true);
      await context.sleep(1_000);
      context.waitingForNetwork?.(false);
      return run(j, item, context);
    };
    const seen: Array<[string, string | undefined]> = [];
    const { engine } = deps({ changed: (j) => void seen.push([j.status, j.waitingFor]) });
    const record = job(['a']);
    await runJob(record, kind, engine);
    expect(seen).toContainEqual(['waiting', 'network']);
    expect(seen.at(-1)).toEqual(['done', undefined]);
  });
});

describe('a slow portal', () => {
  it('an answer lost to a timeout is looked up a settle time after the timeout, not right away', async () => {
    // The portal keeps working after the client gave up (25 s); it lands the write at 27 s.
    const { kind, portal, sends } = stampKind(() => 'ok');
    const { engine, sleeps, advance } = deps();
    let landedAt = Number.POSITIVE_INFINITY;
    const timedOut: typeof kind = {
      ...kind,
      run: async (_job, item) => {
        sends.push(item.input.name);
        advance(25_000);
        landedAt = engine.now() + 2_000;
        throw appError('writeUnconfirmed', {});
      },
      reconcile: async (job, items, context) => {
        if (engine.now() >= landedAt) portal.set('a', 1);
        return kind.reconcile(job, items, context);
      },
    };
    const record = job(['a']);
    await runJob(record, timedOut, engine);
    expect(sleeps[0]).toBe(5_000);
    expect(sends).toEqual(['a']);
    expect(record.items[0]?.state).toBe('done');
  });
});

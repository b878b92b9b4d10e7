import { afterAll, beforeAll, beforeEach } from 'vitest';
import { DocSpaceClient } from '../../../src/docspace/client.ts';
import { staticAuth } from '../../../src/docspace/request-auth.ts';
import { runJob, type EngineDeps } from '../../../src/jobs/engine.ts';
import type { AnyJobKind } from '../../../src/jobs/job-kind.ts';
import { newJob, type JobRecord } from '../../../src/jobs/job-record.ts';
import { systemClock } from '../../../src/scheduler/clock.ts';
import { DEFAULT_LIMITS } from '../../../src/scheduler/limits.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import { MemoryBudgetStore } from '../scheduler/fake-clock.ts';
import { DEFAULT_TUNING, startSandbox } from '../../sandbox/server.ts';
import type { SandboxTuning } from '../../sandbox/tuning.ts';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/**
 * One sandbox for the test file, given to `use` once it listens; before each test its data is reset, its faults
 * cleared and its tuning set back to the defaults with `tuning` on top.
 */
export function sandboxPerFile(use: (sandbox: Sandbox) => void, tuning: Partial<SandboxTuning> = {}): void {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    use(sandbox);
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    Object.assign(sandbox.tuning, DEFAULT_TUNING, tuning);
  });
}

/** A client of the sandbox on its own scheduler; `transport` stands in for the network where a test needs it to misbehave. */
export function sandboxClient(url: string, apiKey: string, transport: typeof fetch = fetch): DocSpaceClient {
  const scheduler = new Scheduler({
    key: 'p',
    settings: DEFAULT_LIMITS,
    clock: systemClock,
    store: new MemoryBudgetStore(),
    fresh: true,
    backoff: { baseMs: 10, capMs: 50 },
  });
  return new DocSpaceClient({
    baseUrl: url,
    fetch: transport,
    auth: staticAuth({ kind: 'apiKey', apiKey }),
    executor: scheduler,
  });
}

export function job<P, I>(kind: string, params: P, inputs: I[], id = 'j'): JobRecord {
  return newJob({ id, kind, portalId: 'p', params, inputs }, new Date()) as JobRecord;
}

export const realSleep: EngineDeps['sleep'] = (ms, signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

export interface RunOptions {
  client: DocSpaceClient;
  saves?: JobRecord[];
  signal?: AbortSignal;
  settleDelayMs?: number;
  sleep?: EngineDeps['sleep'];
  refusalWaitMs?: number;
  userId?: string;
}

export function run(record: JobRecord, kind: AnyJobKind, options: RunOptions) {
  return runJob(record, kind, {
    context: {
      client: options.client,
      userId: options.userId ?? '',
      now: () => new Date(),
      sleep: options.sleep ?? realSleep,
    },
    save: async (j) => void options.saves?.push(structuredClone(j)),
    changed: () => undefined,
    signal: options.signal ?? new AbortController().signal,
    settleDelayMs: options.settleDelayMs ?? 0,
    refusalWaitMs: options.refusalWaitMs ?? 10,
    sleep: options.sleep ?? realSleep,
    now: () => Date.now(),
  });
}

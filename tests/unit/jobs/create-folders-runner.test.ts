import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DocSpaceClient } from '../../../src/docspace/client.ts';
import { createFolder, listSubfolders } from '../../../src/docspace/api.ts';
import { runCreateFolders } from '../../../src/jobs/create-folders-runner.ts';
import { folderTitles, newCreateFoldersJob, summarize, type JobRecord } from '../../../src/jobs/job-record.ts';
import { systemClock } from '../../../src/scheduler/clock.ts';
import { DEFAULT_LIMITS } from '../../../src/scheduler/limits.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { MemoryBudgetStore } from '../scheduler/fake-clock.ts';

const MARKETING = 101;
type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
});

function client(): DocSpaceClient {
  const scheduler = new Scheduler({
    key: 'p',
    settings: DEFAULT_LIMITS,
    clock: systemClock,
    store: new MemoryBudgetStore(),
    fresh: true,
    backoff: { baseMs: 10, capMs: 50 },
  });
  return new DocSpaceClient({
    baseUrl: sandbox.url,
    fetch,
    credentials: { kind: 'apiKey', apiKey: sandbox.demo.apiKey },
    executor: scheduler,
  });
}

async function run(job: JobRecord, saves: JobRecord[] = []) {
  return runCreateFolders(job, {
    client: client(),
    save: async (j) => void saves.push(structuredClone(j)),
    onProgress: () => undefined,
    now: () => new Date(),
    signal: new AbortController().signal,
  });
}

async function postsTo(parent: number): Promise<string[]> {
  const log = (await (await fetch(`${sandbox.url}/__sandbox/log`)).json()) as {
    entries: Array<{ method: string; path: string; status: number }>;
  };
  return log.entries
    .filter((e) => e.method === 'POST' && e.path === `/api/2.0/files/folder/${parent}`)
    .map((e) => String(e.status));
}

describe('create folders job', () => {
  it('creates each folder once and skips the ones that already exist', async () => {
    const titles = folderTitles([
      'Campaigns',
      ...Array.from({ length: 30 }, (_, i) => `Project ${i + 1}`),
      '  Project 1 ',
      '',
    ]);
    const job = await run(newCreateFoldersJob('j1', 'p', MARKETING, 'Marketing', titles, new Date()));
    expect(summarize(job)).toMatchObject({ status: 'done', total: 31, done: 30, skipped: 1, failed: 0 });
    expect(await postsTo(MARKETING)).toHaveLength(30);
    const names = (await listSubfolders(client(), MARKETING)).map((f) => f.title);
    expect(names.filter((n) => n.startsWith('Project '))).toHaveLength(30);
  });

  it('marks an item as on the wire in storage before its request leaves', async () => {
    const saves: JobRecord[] = [];
    await run(newCreateFoldersJob('j2', 'p', MARKETING, 'Marketing', ['Alpha'], new Date()), saves);
    expect(saves.some((s) => s.items[0]?.state === 'sending')).toBe(true);
    expect(saves.at(-1)?.items[0]?.state).toBe('done');
  });

  it('after a stopped worker, looks for items left on the wire instead of creating them again', async () => {
    const plain = client();
    for (const title of ['Reached 1', 'Reached 2']) await createFolder(plain, MARKETING, title);
    const job = newCreateFoldersJob(
      'j3',
      'p',
      MARKETING,
      'Marketing',
      ['Reached 1', 'Reached 2', 'Lost 1', 'Never sent'],
      new Date(),
    );
    job.items[0]!.state = 'sending';
    job.items[1]!.state = 'sending';
    job.items[2]!.state = 'sending';
    const before = (await postsTo(MARKETING)).length;
    const done = await run(job);
    expect(done.items.map((i) => i.state)).toEqual(['done', 'done', 'done', 'done']);
    expect((await postsTo(MARKETING)).length - before).toBe(2);
  });

  it('a connection reset after the portal created the folder is checked, not repeated', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ type: 'resetAfter', method: 'POST', count: 1 }),
    });
    const job = await run(newCreateFoldersJob('j4', 'p', MARKETING, 'Marketing', ['Survivor'], new Date()));
    expect(summarize(job)).toMatchObject({ done: 1, failed: 0 });
    // One POST, whose answer was lost (the sandbox logs a reset as status 0).
    expect(await postsTo(MARKETING)).toEqual(['0']);
    expect((await listSubfolders(client(), MARKETING)).filter((f) => f.title === 'Survivor')).toHaveLength(1);
  });

  it('reports a folder the portal refuses, and goes on with the rest', async () => {
    const job = await run(newCreateFoldersJob('j5', 'p', 999_999, 'Gone', ['A'], new Date()));
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('notFound');
  });
});

describe('create folders job, stopped by the portal', () => {
  it('a 401 in one worker stops the whole run before it returns; the job stays running for the next sign-in', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ type: 'expireTokens', apiKeys: true }),
    });
    const job = newCreateFoldersJob(
      'j6',
      'p',
      MARKETING,
      'Marketing',
      Array.from({ length: 12 }, (_, i) => `Late ${i}`),
      new Date(),
    );
    await expect(run(job)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(job.status).toBe('running');
    expect(job.items.every((item) => item.state !== 'done')).toBe(true);
  });
});

describe('folderTitles', () => {
  it('writes the characters DocSpace replaces as it would, so the check finds the folder', () => {
    expect(folderTitles(['Q1: plan', 'a/b', 'x?'])).toEqual(['Q1_ plan', 'a_b', 'x_']);
  });

  it('refuses an empty list, an over-long name and a list that is too long', () => {
    expect(() => folderTitles(['', '  '])).toThrow(/at least one/);
    expect(() => folderTitles(['x'.repeat(166)])).toThrow(/165/);
    expect(() => folderTitles(Array.from({ length: 1001 }, (_, i) => `f${i}`))).toThrow(/at most 1000/);
  });
});

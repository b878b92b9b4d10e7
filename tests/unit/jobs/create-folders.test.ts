import { describe, expect, it } from 'vitest';
import { createFolder } from '../../../src/docspace/api-entries.ts';
import { listSubfolders } from '../../../src/docspace/api-listing.ts';
import { folderTitles } from '../../../src/docspace/titles.ts';
import { createFoldersKind } from '../../../src/jobs/kinds/create-folders.ts';
import { summarize } from '../../../src/jobs/summary.ts';
import type { JobRecord } from '../../../src/jobs/job-record.ts';
import { english } from '../support/english.ts';
import { job, run, sandboxClient, sandboxPerFile, type Sandbox } from './run-helpers.ts';

const MARKETING = 101;
let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s));

const client = () => sandboxClient(sandbox.url, sandbox.demo.apiKey);
const params = { parentId: MARKETING, parentTitle: 'Marketing' };
const foldersJob = (titles: string[], id = 'j') =>
  job(
    'createFolders',
    params,
    titles.map((title) => ({ title })),
    id,
  );

async function postsTo(parent: number): Promise<string[]> {
  const log = (await (await fetch(`${sandbox.url}/__sandbox/log`)).json()) as {
    entries: Array<{ method: string; path: string; status: number }>;
  };
  return log.entries
    .filter((e) => e.method === 'POST' && e.path === `/api/2.0/files/folder/${parent}`)
    .map((e) => String(e.status));
}

describe('create folders job', () => {
  it('creates each folder once, skips the ones that already exist, and is done only after verifying', async () => {
    const titles = folderTitles([
      'Campaigns',
      ...Array.from({ length: 30 }, (_, i) => `Project ${i + 1}`),
      '  Project 1 ',
      '',
    ]);
    const record = foldersJob(titles);
    expect(await run(record, createFoldersKind, { client: client() })).toBe('finished');
    expect(summarize(record, createFoldersKind)).toMatchObject({
      status: 'done',
      total: 31,
      done: 30,
      skipped: 1,
      failed: 0,
    });
    expect(await postsTo(MARKETING)).toHaveLength(30);
    const names = (await listSubfolders(client(), MARKETING)).map((f) => f.title);
    expect(names.filter((n) => n.startsWith('Project '))).toHaveLength(30);
  });

  it('marks an item as on the wire in storage before its request leaves', async () => {
    const saves: JobRecord[] = [];
    await run(foldersJob(['Alpha']), createFoldersKind, { client: client(), saves });
    expect(saves.some((s) => s.items[0]?.state === 'sending')).toBe(true);
    expect(saves.some((s) => s.status === 'verifying')).toBe(true);
    expect(saves.at(-1)?.items[0]?.state).toBe('done');
  });

  it('after a stopped worker, looks for items left on the wire instead of creating them again', async () => {
    for (const title of ['Reached 1', 'Reached 2']) await createFolder(client(), MARKETING, title);
    const record = foldersJob(['Reached 1', 'Reached 2', 'Lost 1', 'Never sent']);
    for (const i of [0, 1, 2]) {
      record.items[i]!.state = 'sending';
      record.items[i]!.attempts = 1;
    }
    const before = (await postsTo(MARKETING)).length;
    await run(record, createFoldersKind, { client: client() });
    expect(record.items.map((i) => i.state)).toEqual(['done', 'done', 'done', 'done']);
    expect((await postsTo(MARKETING)).length - before).toBe(2);
  });

  it('a connection reset after the portal created the folder is looked up, not repeated', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ type: 'resetAfter', method: 'POST', count: 1 }),
    });
    const record = foldersJob(['Survivor']);
    await run(record, createFoldersKind, { client: client() });
    expect(summarize(record, createFoldersKind)).toMatchObject({ status: 'done', done: 1, failed: 0 });
    // One POST, whose answer was lost (the sandbox logs a reset as status 0).
    expect(await postsTo(MARKETING)).toEqual(['0']);
    expect((await listSubfolders(client(), MARKETING)).filter((f) => f.title === 'Survivor')).toHaveLength(1);
  });

  it('a folder that is gone fails the job with the portal reason', async () => {
    const record = job('createFolders', { parentId: 999_999, parentTitle: 'Gone' }, [{ title: 'A' }]);
    await run(record, createFoldersKind, { client: client() });
    expect(record.status).toBe('failed');
    expect(record.error?.code).toBe('notFound');
  });

  it('a 401 stops the whole run before it returns; the job waits for the next sign-in', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ type: 'expireTokens', apiKeys: true }),
    });
    const record = foldersJob(Array.from({ length: 12 }, (_, i) => `Late ${i}`));
    expect(await run(record, createFoldersKind, { client: client() })).toBe('waitingSignIn');
    expect(record).toMatchObject({ status: 'waiting', waitingFor: 'signIn' });
    expect(record.items.every((item) => item.state !== 'done')).toBe(true);
  });
});

describe('folderTitles', () => {
  it('writes the characters DocSpace replaces as it would, so the check finds the folder', () => {
    expect(folderTitles(['Q1: plan', 'a/b', 'x?'])).toEqual(['Q1_ plan', 'a_b', 'x_']);
  });

  it('refuses an empty list, an over-long name and a list that is too long, saying what to do', () => {
    const message = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return english(error as never);
      }
      throw new Error('expected a refusal');
    };
    expect(message(() => folderTitles(['', '  ']))).toMatch(/at least one/);
    expect(message(() => folderTitles(['x'.repeat(166)]))).toMatch(/165/);
    expect(message(() => folderTitles(Array.from({ length: 1001 }, (_, i) => `f${i}`)))).toMatch(/at most 1000/);
  });
});

describe('the create-folders verify step', () => {
  const context = () => ({
    client: client(),
    userId: sandbox.demo.userId,
    signal: new AbortController().signal,
    now: () => new Date(),
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    checkpoint: async () => undefined,
  });

  it('never removes a copy that holds something, nor one the job found there before it started', async () => {
    const empty = await createFolder(client(), MARKETING, 'Twice');
    const full = await createFolder(client(), MARKETING, 'Twice');
    await createFolder(client(), full.id, 'Inside');
    await createFolder(client(), MARKETING, 'Before');
    await createFolder(client(), MARKETING, 'Before');
    const record = foldersJob(['Twice', 'Before']);
    record.items[0] = { ...record.items[0]!, state: 'done', result: { id: empty.id }, attempts: 1 };
    record.items[1] = { ...record.items[1]!, state: 'skipped', attempts: 0 };
    const report = await createFoldersKind.verify(record as never, context());
    expect(report.missing).toEqual([]);
    expect(report.findings.map((f) => f.key)).toEqual(['jobDuplicateLeft']);
    const left = (await listSubfolders(client(), MARKETING)).map((f) => f.title);
    expect(left.filter((t) => t === 'Twice')).toHaveLength(2);
    expect(left.filter((t) => t === 'Before')).toHaveLength(2);
  });

  it('reports an item that is gone at the end as missing', async () => {
    const record = foldersJob(['Vanished']);
    record.items[0] = { ...record.items[0]!, state: 'done', result: { id: 123456 }, attempts: 1 };
    expect((await createFoldersKind.verify(record as never, context())).missing).toEqual([0]);
  });
});

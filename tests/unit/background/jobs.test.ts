// The background in Node: its real handlers, job manager, sessions and storage over fake ports, against the
// sandbox. What the browser run shows in minutes (a job surviving a stopped worker) shows here in seconds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../src/protocol/index.ts';
import { memoryAreas } from '../../../src/storage/storage-area.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { fakePlatform } from './fake-platform.ts';
import { fault, sandboxLog, send, signInWithKey, startBackground, waitFor, type Sandbox } from './harness.ts';
import { killable } from './killable.ts';

const UNSORTED = 206;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
});

const titles = (n: number, prefix = 'Case') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
const creates = async () =>
  (await sandboxLog(sandbox)).filter((e) => e.method === 'POST' && e.path === `/api/2.0/files/folder/${UNSORTED}`);
const folderTitles = async (portalId: string, background: ReturnType<typeof startBackground>) => {
  const page = await send(background, 'listFolder', { portalId, folderId: UNSORTED, count: 100 });
  return page.entries.map((e) => e.title);
};

describe('durable jobs in the background', () => {
  it('runs a job to done, tells the pages, and the folder on screen shows the new folders', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    expect(await folderTitles(portal.id, background)).toEqual([]);
    const job = await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: UNSORTED,
      parentTitle: 'Unsorted',
      titles: titles(12),
    });
    const done = await waitFor(
      () => send(background, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'done',
    );
    expect(done[0]).toMatchObject({ id: job.id, done: 12, failed: 0, title: { key: 'jobTitle_createFolders' } });
    expect(fake.of('entriesChanged').some((e) => e.folderIds.includes(UNSORTED))).toBe(true);
    // The listing cached before the job was dropped by the one refresh path.
    expect((await folderTitles(portal.id, background)).sort()).toEqual(titles(12).sort());
    expect(fake.waking.size).toBe(0);
  });

  it('resumes after the worker is stopped mid-job: every folder exactly once, nothing lost', async () => {
    const areas = memoryAreas();
    const first = killable(areas);
    const a = startBackground(fakePlatform({ areas: first.areas, fetch: first.fetch }));
    const portal = await signInWithKey(a, sandbox);
    await send(a, 'createFolders', {
      portalId: portal.id,
      parentId: UNSORTED,
      parentTitle: 'Unsorted',
      titles: titles(40),
    });
    await waitFor(creates, (list) => list.length >= 15);
    first.kill();
    const reachedBeforeStop = (await creates()).length;
    expect(reachedBeforeStop).toBeLessThan(40);

    // The next worker finds the job in storage and goes on by itself.
    const fake = fakePlatform({ areas });
    const b = startBackground(fake);
    const [job] = await waitFor(
      () => send(b, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'done',
    );
    expect(job).toMatchObject({ done: 40, failed: 0, skipped: 0 });
    const names = await folderTitles(portal.id, b);
    expect(names.sort()).toEqual(titles(40).sort());
    // Answers lost with the first worker were looked up, not sent again.
    expect((await creates()).filter((e) => e.status === 200)).toHaveLength(40);
  });

  it('a refused key makes the job wait for a sign-in, then it goes on without losing an item', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    await fault(sandbox, { type: 'expireTokens', apiKeys: true });
    await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: UNSORTED,
      parentTitle: 'U',
      titles: titles(6),
    });
    await waitFor(
      () => send(background, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'waiting' && jobs[0].waitingFor === 'signIn',
    );
    expect((await send(background, 'getState', {})).portals[0]?.status).toBe('signInRequired');
    expect(fake.of('stateChanged').at(-1)?.portals[0]?.status).toBe('signInRequired');

    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
    await signInWithKey(background, sandbox);
    const [job] = await waitFor(
      () => send(background, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'done',
    );
    expect(job).toMatchObject({ done: 6, failed: 0 });
  });

  it('a portal refusing for longer than one request retries (a 14 s 503 storm) makes the job wait, not fail', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    await fault(sandbox, { type: 'storm503', retryAfter: 1, method: 'POST', durationMs: 14_000 });
    await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: UNSORTED,
      parentTitle: 'U',
      titles: titles(4),
    });
    const [job] = await waitFor(
      () => send(background, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'done',
      40_000,
    );
    expect(job).toMatchObject({ done: 4, failed: 0 });
    expect(fake.of('jobChanged').some((summary) => summary.status === 'waiting')).toBe(true);
    expect((await creates()).filter((e) => e.status === 200)).toHaveLength(4);
  }, 60_000);

  it('cancel, retry and dismiss: what is done stays done, a finished job can leave the list', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    await fault(sandbox, { type: 'latency', minMs: 150, maxMs: 150 });
    const job = await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: UNSORTED,
      parentTitle: 'U',
      titles: titles(30),
    });
    await waitFor(creates, (list) => list.length >= 4);
    const cancelled = await send(background, 'cancelJob', { jobId: job.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.done).toBeLessThan(30);
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    await send(background, 'retryJob', { jobId: job.id });
    const [finished] = await waitFor(
      () => send(background, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'done',
    );
    expect(finished).toMatchObject({ done: 30, failed: 0 });
    expect((await creates()).filter((e) => e.status === 200)).toHaveLength(30);
    await send(background, 'dismissJob', { jobId: job.id });
    expect(await send(background, 'listJobs', {})).toEqual([]);
    expect(fake.of('jobRemoved')).toEqual([{ jobId: job.id }]);
  });

  it('pause holds a job across a new worker; resume finishes it', async () => {
    const areas = memoryAreas();
    const a = startBackground(fakePlatform({ areas }));
    const portal = await signInWithKey(a, sandbox);
    await fault(sandbox, { type: 'latency', minMs: 100, maxMs: 100 });
    const job = await send(a, 'createFolders', {
      portalId: portal.id,
      parentId: UNSORTED,
      parentTitle: 'U',
      titles: titles(20),
    });
    await waitFor(creates, (list) => list.length >= 2);
    expect((await send(a, 'pauseJob', { jobId: job.id })).status).toBe('paused');
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    const b = startBackground(fakePlatform({ areas }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [still] = (await send(b, 'listJobs', {})) as JobSummary[];
    expect(still?.status).toBe('paused');
    await send(b, 'resumeJob', { jobId: job.id });
    const [done] = await waitFor(
      () => send(b, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'done',
    );
    expect(done?.done).toBe(20);
  });
});

describe('writes the browser repeats behind our back', () => {
  it('a create sent twice (a reset connection re-sent silently) leaves one folder: verify trashes the extra copy', async () => {
    let posts = 0;
    const resending: typeof fetch = async (input, init) => {
      const url = String(input);
      if (init?.method === 'POST' && url.endsWith(`/files/folder/${UNSORTED}`) && posts++ % 3 === 0) {
        // What Chromium does when a reused keep-alive connection is reset after the portal processed the POST.
        await fetch(input, init);
      }
      return fetch(input, init);
    };
    const fake = fakePlatform({ fetch: resending });
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: UNSORTED,
      parentTitle: 'U',
      titles: titles(9),
    });
    const [job] = await waitFor(
      () => send(background, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'done',
    );
    expect((await creates()).filter((e) => e.status === 200).length).toBe(12);
    const names = await folderTitles(portal.id, background);
    expect(names.sort()).toEqual(titles(9).sort());
    expect(job?.findings).toMatchObject([{ key: 'jobDuplicatesRemoved', params: ['3'] }]);
    const trash = await send(background, 'listSection', { portalId: portal.id, section: 'trash', count: 100 });
    expect(trash.entries.filter((e) => titles(9).includes(e.title))).toHaveLength(3);
  });
});

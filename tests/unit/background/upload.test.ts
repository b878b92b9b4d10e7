// The upload job through the background's real handlers and job manager, over fake ports (the upload store is the
// in-memory one a page's IndexedDB stands for), against the sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TUNING, startSandbox } from '../../sandbox/server.ts';
import { fakePlatform } from './fake-platform.ts';
import { fault, send, signInWithKey, startBackground, waitFor, type Sandbox } from './harness.ts';

const UNSORTED = 206;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
  Object.assign(sandbox.tuning, DEFAULT_TUNING, { chunkUploadSize: 1_000 });
});

describe('upload jobs in the background', () => {
  it('uploadFiles runs a job that reads the stored file, shows bytes, and deletes the file when done', async () => {
    const fake = fakePlatform();
    fake.uploads.blobs.set('k1', new Blob([new Uint8Array(4_321).fill(7)]));
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    expect(
      await send(background, 'checkUploadNames', { portalId: portal.id, folderId: UNSORTED, names: ['a.bin'] }),
    ).toEqual([]);
    const job = await send(background, 'uploadFiles', {
      portalId: portal.id,
      folderId: UNSORTED,
      folderTitle: 'Unsorted',
      conflict: 'duplicate',
      files: [{ key: 'k1', name: 'a.bin', size: 4_321 }],
    });
    expect(job).toMatchObject({ kind: 'upload', total: 1, bytes: { done: 0, total: 4_321 } });
    const [done] = await waitFor(
      () => send(background, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'done',
    );
    expect(done).toMatchObject({ done: 1, bytes: { done: 4_321, total: 4_321 }, title: { key: 'jobTitle_upload' } });
    expect(fake.uploads.blobs.size).toBe(0);
    expect(
      await send(background, 'checkUploadNames', { portalId: portal.id, folderId: UNSORTED, names: ['a.bin'] }),
    ).toEqual(['a.bin']);
  });

  it('a cancelled upload deletes the files it held', async () => {
    await fault(sandbox, { type: 'latency', ms: 300, path: '/api/2.0/files/*/session/*/upload' });
    const fake = fakePlatform();
    fake.uploads.blobs.set('k1', new Blob([new Uint8Array(20_000)]));
    fake.uploads.blobs.set('k2', new Blob([new Uint8Array(10)]));
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    const job = await send(background, 'uploadFiles', {
      portalId: portal.id,
      folderId: UNSORTED,
      folderTitle: 'Unsorted',
      conflict: 'duplicate',
      files: [
        { key: 'k1', name: 'slow.bin', size: 20_000 },
        { key: 'k2', name: 'b.bin', size: 10 },
      ],
    });
    await waitFor(
      () => send(background, 'listJobs', {}),
      (jobs) => (jobs[0]?.bytes?.done ?? 0) > 0,
    );
    expect((await send(background, 'cancelJob', { jobId: job.id })).status).toBe('cancelled');
    expect(fake.uploads.blobs.size).toBe(0);
  });
});

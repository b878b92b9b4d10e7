import { describe, expect, it } from 'vitest';
import { memoryBlobStore } from '../../../src/jobs/kinds/upload-blobs.ts';
import { uploadKind, type UploadInput, type UploadProgress } from '../../../src/jobs/kinds/upload.ts';
import type { JobRecord } from '../../../src/jobs/job-record.ts';
import { summarize } from '../../../src/jobs/summary.ts';
import { job, run, sandboxClient, sandboxPerFile, type Sandbox } from './run-helpers.ts';

const MARKETING = 101;
const CHUNK = 1000;
let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s), { chunkUploadSize: CHUNK });

const client = () => sandboxClient(sandbox.url, sandbox.demo.apiKey);
const auth = () => ({ Authorization: `Bearer ${sandbox.demo.apiKey}` });

function bytes(size: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed * 17 + (i >> 8)) & 0xff;
  return out;
}

function uploadJob(
  files: Array<{ name: string; data: Uint8Array<ArrayBuffer> }>,
  conflict: 'skip' | 'overwrite' | 'duplicate' = 'duplicate',
) {
  const store = memoryBlobStore();
  const inputs: UploadInput[] = files.map((file, i) => {
    store.blobs.set(`k${i}`, new Blob([file.data]));
    return { key: `k${i}`, name: file.name, size: file.data.length };
  });
  const record = job('upload', { folderId: MARKETING, folderTitle: 'Marketing', conflict }, inputs) as JobRecord<
    unknown,
    UploadInput,
    UploadProgress
  >;
  return { store, record, kind: uploadKind(store) };
}

interface LogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
}

async function log(): Promise<LogEntry[]> {
  const body = (await (await fetch(`${sandbox.url}/__sandbox/log`)).json()) as {
    entries: Array<LogEntry & { url?: string }>;
  };
  return body.entries;
}

const chunkPosts = async () =>
  (await log()).filter((e) => e.method === 'POST' && /\/session\/[^/]+\/upload$/.test(e.path));
const sessionsCreated = async () =>
  (await log()).filter((e) => e.method === 'POST' && e.path === `/api/2.0/files/${MARKETING}/session`);

async function content(fileId: unknown, version?: number): Promise<Uint8Array> {
  const extra = version ? `&version=${version}` : '';
  const response = await fetch(`${sandbox.url}/filehandler.ashx?action=download&fileid=${String(fileId)}${extra}`, {
    headers: auth(),
  });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function filesNamed(pattern: RegExp): Promise<Array<{ id: number; title: string; version: number }>> {
  const response = await fetch(`${sandbox.url}/api/2.0/files/${MARKETING}?count=100&startIndex=0`, {
    headers: auth(),
  });
  const body = (await response.json()) as {
    response: { files: Array<{ id: number; title: string; version: number }> };
  };
  return body.response.files.filter((f) => pattern.test(f.title));
}

describe('upload job', () => {
  it('sends a file above the chunk size in numbered chunks through one session, byte for byte', async () => {
    const data = bytes(3_500);
    const { store, record, kind } = uploadJob([{ name: 'big.bin', data }]);
    expect(await run(record, kind, { client: client() })).toBe('finished');
    expect(summarize(record, kind)).toMatchObject({ status: 'done', done: 1, bytes: { done: 3_500, total: 3_500 } });
    const fileId = record.items[0]!.result!.fileId;
    expect(await content(fileId)).toEqual(data);
    expect(await sessionsCreated()).toHaveLength(1);
    const chunks = (await chunkPosts()).map((e) => new URLSearchParams(e.query).get('chunkNumber'));
    expect(chunks).toEqual(['1', '2', '3', '4']);
    expect(store.blobs.size).toBe(0);
  });

  it('sends a file of one chunk or less in one request, without a session', async () => {
    const data = bytes(CHUNK, 3);
    const { store, record, kind } = uploadJob([{ name: 'small.bin', data }]);
    expect(await run(record, kind, { client: client() })).toBe('finished');
    expect(record.status).toBe('done');
    expect(await content(record.items[0]!.result!.fileId)).toEqual(data);
    expect(await sessionsCreated()).toHaveLength(0);
    expect((await log()).filter((e) => e.path === `/api/2.0/files/${MARKETING}/upload`)).toHaveLength(1);
    expect(store.blobs.size).toBe(0);
  });

  it('goes on with the next chunk after the worker stopped mid-file: no chunk sent twice, one session', async () => {
    const data = bytes(4_200, 5);
    const { record, kind } = uploadJob([{ name: 'resume.bin', data }]);
    const stop = new AbortController();
    const saves: JobRecord[] = [];
    const outcome = await run(record, kind, {
      client: client(),
      signal: stop.signal,
      saves: {
        push(saved: JobRecord) {
          const progress = saved.items[0]?.result as UploadProgress | undefined;
          if (progress?.session?.next === 3) stop.abort();
          return Array.prototype.push.call(saves, saved);
        },
      } as unknown as JobRecord[],
    });
    expect(outcome).toBe('stopped');
    // The next worker starts from what was stored last.
    const stored = structuredClone(saves.at(-1)!) as typeof record;
    expect(stored.items[0]!.state).toBe('sending');
    expect(stored.items[0]!.result!.session!.next).toBe(3);
    expect(await run(stored, kind, { client: client() })).toBe('finished');
    expect(stored.status).toBe('done');
    expect(await content(stored.items[0]!.result!.fileId)).toEqual(data);
    const chunks = (await chunkPosts()).map((e) => new URLSearchParams(e.query).get('chunkNumber'));
    expect(chunks).toEqual(['1', '2', '3', '4', '5']);
    expect(await sessionsCreated()).toHaveLength(1);
  });

  it('survives more worker stops than the engine allows attempts, as long as each got further', async () => {
    const data = bytes(8_500, 21);
    const { record, kind } = uploadJob([{ name: 'stops.bin', data }]);
    let stored = record;
    for (let stop = 2; stop <= 8; stop++) {
      const controller = new AbortController();
      let saved: typeof record | undefined;
      await run(stored, kind, {
        client: client(),
        signal: controller.signal,
        saves: {
          push(snapshot: JobRecord) {
            if ((snapshot.items[0]?.result as UploadProgress | undefined)?.session?.next === stop && !saved) {
              saved = structuredClone(snapshot) as typeof record;
              controller.abort();
            }
            return 0;
          },
        } as unknown as JobRecord[],
      });
      stored = saved!;
    }
    expect(await run(stored, kind, { client: client() })).toBe('finished');
    expect(stored.status).toBe('done');
    expect(await content(stored.items[0]!.result!.fileId)).toEqual(data);
    const chunks = (await chunkPosts()).map((e) => new URLSearchParams(e.query).get('chunkNumber'));
    expect(chunks).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('starts a new session when the portal dropped the old one (expired), and the file is whole', async () => {
    const data = bytes(3_100, 9);
    const { record, kind } = uploadJob([{ name: 'expired.bin', data }]);
    const stop = new AbortController();
    let stored: typeof record | undefined;
    await run(record, kind, {
      client: client(),
      signal: stop.signal,
      saves: {
        push(saved: JobRecord) {
          const progress = saved.items[0]?.result as UploadProgress | undefined;
          if (progress?.session?.next === 2 && !stored) {
            stored = structuredClone(saved) as typeof record;
            stop.abort();
          }
          return 0;
        },
      } as unknown as JobRecord[],
    });
    // The portal forgets the session (its lifetime passed) while the worker was stopped.
    sandbox.uploads.clear();
    expect(await run(stored!, kind, { client: client() })).toBe('finished');
    expect(stored!.status).toBe('done');
    expect(await content(stored!.items[0]!.result!.fileId)).toEqual(data);
    expect(await sessionsCreated()).toHaveLength(2);
    expect(await filesNamed(/^expired/)).toHaveLength(1);
  });

  it('does not resume a session whose stored expiry has passed: a new one from the first chunk', async () => {
    const data = bytes(2_500, 11);
    const { record, kind } = uploadJob([{ name: 'late.bin', data }]);
    const stop = new AbortController();
    let stored: typeof record | undefined;
    await run(record, kind, {
      client: client(),
      signal: stop.signal,
      saves: {
        push(saved: JobRecord) {
          const progress = saved.items[0]?.result as UploadProgress | undefined;
          if (progress?.session?.next === 2 && !stored) {
            stored = structuredClone(saved) as typeof record;
            stop.abort();
          }
          return 0;
        },
      } as unknown as JobRecord[],
    });
    stored!.items[0]!.result!.session!.expiresAt = Date.now() - 1;
    expect(await run(stored!, kind, { client: client() })).toBe('finished');
    expect(await content(stored!.items[0]!.result!.fileId)).toEqual(data);
    expect(await sessionsCreated()).toHaveLength(2);
    // The old session was never sent to again.
    const sessions = (await chunkPosts()).map((e) => e.path.split('/').at(-2));
    expect(new Set(sessions.slice(1)).size).toBe(1);
  });

  it('a chunk whose answer was lost is sent again under its number: the portal holds it once', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ type: 'resetAfter', path: '/api/2.0/files/*/session/*/upload', count: 1 }),
    });
    const data = bytes(2_400, 13);
    const { record, kind } = uploadJob([{ name: 'lost.bin', data }]);
    expect(await run(record, kind, { client: client() })).toBe('finished');
    expect(record.status).toBe('done');
    expect(await content(record.items[0]!.result!.fileId)).toEqual(data);
    const chunks = (await chunkPosts()).map((e) => new URLSearchParams(e.query).get('chunkNumber'));
    expect(chunks).toEqual(['1', '1', '2', '3']);
  });

  it('a finalize whose answer was lost is looked for, not sent again: one file', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ type: 'resetAfter', path: '/api/2.0/files/*/session/*/finalize', count: 1 }),
    });
    const data = bytes(2_100, 17);
    const { record, kind } = uploadJob([{ name: 'final.bin', data }]);
    expect(await run(record, kind, { client: client(), userId: sandbox.demo.userId })).toBe('finished');
    expect(record.status).toBe('done');
    const made = await filesNamed(/^final/);
    expect(made).toHaveLength(1);
    expect(String(record.items[0]!.result!.fileId)).toBe(String(made[0]!.id));
    expect(await content(made[0]!.id)).toEqual(data);
    expect((await log()).filter((e) => e.method === 'PUT' && e.path.endsWith('/finalize'))).toHaveLength(1);
  });

  it('a finalize answered with a 500 after it joined the file is looked for, not repeated: one file', async () => {
    // The portal joins the file and then fails the answer (as a re-sent finalize that finds no session does): the
    // outcome is unknown, so the folder is asked first and the upload is not started over.
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({
        type: 'error500',
        afterHandler: true,
        path: '/api/2.0/files/*/session/*/finalize',
        count: 1,
      }),
    });
    const data = bytes(2_100, 19);
    const { record, kind } = uploadJob([{ name: 'twice.bin', data }], 'duplicate');
    expect(await run(record, kind, { client: client(), userId: sandbox.demo.userId })).toBe('finished');
    expect(record.status).toBe('done');
    expect(await filesNamed(/^twice/)).toHaveLength(1);
    expect(await sessionsCreated()).toHaveLength(1);
  });

  it('conflicts: skip leaves the file, new version adds version 2, keep both makes "name (1).ext"', async () => {
    const first = bytes(1_500, 1);
    const a = uploadJob([{ name: 'report.bin', data: first }]);
    await run(a.record, a.kind, { client: client() });
    const [original] = await filesNamed(/^report/);

    const skip = uploadJob([{ name: 'report.bin', data: bytes(1_500, 2) }], 'skip');
    await run(skip.record, skip.kind, { client: client() });
    expect(summarize(skip.record, skip.kind)).toMatchObject({ status: 'done', skipped: 1, done: 0 });
    expect(skip.store.blobs.size).toBe(0);
    expect(await filesNamed(/^report/)).toEqual([original]);

    const second = bytes(1_700, 3);
    const version = uploadJob([{ name: 'report.bin', data: second }], 'overwrite');
    await run(version.record, version.kind, { client: client() });
    expect(version.record.status).toBe('done');
    const afterVersion = await filesNamed(/^report/);
    expect(afterVersion).toHaveLength(1);
    expect(afterVersion[0]).toMatchObject({ id: original!.id, version: 2 });
    expect(await content(original!.id)).toEqual(second);

    const third = bytes(900, 4);
    const both = uploadJob([{ name: 'report.bin', data: third }], 'duplicate');
    await run(both.record, both.kind, { client: client() });
    const titles = (await filesNamed(/^report/)).map((f) => f.title).sort();
    expect(titles).toEqual(['report (1).bin', 'report.bin']);
    expect(await content(both.record.items[0]!.result!.fileId)).toEqual(third);
  });

  it('a file above the portal limit fails with a clear message before any byte is sent', async () => {
    sandbox.tuning.maxChunkedUploadSize = 2_000;
    const { store, record, kind } = uploadJob([{ name: 'huge.bin', data: bytes(3_000) }]);
    await run(record, kind, { client: client() });
    expect(record.status).toBe('failed');
    expect(record.items[0]!.error).toMatchObject({ key: 'uploadTooLarge' });
    expect(record.items[0]!.error!.params[0]).toBe('huge.bin');
    expect(await chunkPosts()).toHaveLength(0);
    expect(store.blobs.size).toBe(0);
  });

  it('a file whose stored bytes are gone fails with its name, and nothing is sent', async () => {
    const { store, record, kind } = uploadJob([{ name: 'gone.bin', data: bytes(500) }]);
    store.blobs.clear();
    await run(record, kind, { client: client() });
    expect(record.items[0]!.error).toMatchObject({ key: 'uploadFileGone', params: ['gone.bin'] });
    expect((await log()).filter((e) => e.path.endsWith('/upload'))).toHaveLength(0);
  });

  it('a cancelled job deletes the stored files', async () => {
    const { store, record, kind } = uploadJob([{ name: 'a.bin', data: bytes(10) }]);
    await kind.discard!(record as never);
    expect(store.blobs.size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  saveKind,
  type FetchedFile,
  type SaveInput,
  type SaveParams,
  type SaveProgress,
} from '../../../src/jobs/kinds/save.ts';
import { memoryBlobStore } from '../../../src/jobs/kinds/upload-blobs.ts';
import type { JobRecord } from '../../../src/jobs/job-record.ts';
import { job, run, sandboxClient, sandboxPerFile, type Sandbox } from './run-helpers.ts';

const MARKETING = 101;
let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s), { chunkUploadSize: 1000 });

const auth = () => ({ Authorization: `Bearer ${sandbox.demo.apiKey}` });

async function files(): Promise<Array<{ id: number; title: string; pureContentLength: number }>> {
  const response = await fetch(`${sandbox.url}/api/2.0/files/${MARKETING}?count=100&startIndex=0`, { headers: auth() });
  return (
    (await response.json()) as { response: { files: Array<{ id: number; title: string; pureContentLength: number }> } }
  ).response.files;
}

async function content(fileId: unknown): Promise<string> {
  const response = await fetch(`${sandbox.url}/filehandler.ashx?action=download&fileid=${String(fileId)}`, {
    headers: auth(),
  });
  return response.text();
}

async function posts(path: RegExp): Promise<number> {
  const body = (await (await fetch(`${sandbox.url}/__sandbox/log`)).json()) as {
    entries: Array<{ method: string; path: string }>;
  };
  return body.entries.filter((e) => e.method === 'POST' && path.test(e.path)).length;
}

function saveJob(
  inputs: Array<SaveInput & { bytes?: string }>,
  fetchFile: (url: string) => Promise<FetchedFile | { status: number }> = () => Promise.reject(new TypeError('no')),
  conflict: 'skip' | 'overwrite' | 'duplicate' = 'duplicate',
  extra: { convertToDocx?: boolean } = {},
) {
  const store = memoryBlobStore();
  let n = 0;
  const blobs = {
    ...store,
    async put(list: readonly Blob[]) {
      return list.map((blob) => {
        const key = `fetched-${n++}`;
        store.blobs.set(key, blob);
        return key;
      });
    },
  };
  const plain = inputs.map(({ bytes, ...input }) => {
    if (bytes !== undefined && input.key) store.blobs.set(input.key, new Blob([bytes]));
    return input;
  });
  const record = job('save', { folderId: MARKETING, folderTitle: 'Marketing', conflict, ...extra }, plain) as JobRecord<
    SaveParams,
    SaveInput,
    SaveProgress
  >;
  return { store, record, kind: saveKind({ blobs, fetchFile: (url) => fetchFile(url) }) };
}

const html = (text: string) => `<!DOCTYPE html><html><body><p>${text}</p></body></html>`;
const quick = { sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 5))) };

describe('save job', () => {
  it('stores an article through files/{id}/html; a lost answer is looked up, never sent again', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ type: 'resetAfter', method: 'POST', path: '/api/2.0/files/*/html', count: 1 }),
    });
    const body = html('Harbour lights');
    const { record, kind, store } = saveJob([
      { label: 'Story.html', method: 'html', key: 'a', name: 'Story.html', size: new Blob([body]).size, bytes: body },
    ]);
    expect(
      await run(record, kind, { client: sandboxClient(sandbox.url, sandbox.demo.apiKey), userId: sandbox.demo.userId }),
    ).toBe('finished');
    expect(record.status).toBe('done');
    const made = (await files()).filter((f) => f.title.startsWith('Story'));
    expect(made.map((f) => f.title)).toEqual(['Story.html']);
    expect(await content(made[0]!.id)).toBe(body);
    expect(await posts(/\/files\/101\/html$/)).toBe(1);
    expect(store.blobs.size).toBe(0);
  });

  it('fetches a linked file itself, waiting out a network that is down, and names it from the answer', async () => {
    let tries = 0;
    const { record, kind, store } = saveJob(
      [{ label: 'https://x.example/f', method: 'upload', url: 'https://x.example/f' }],
      async () => {
        if (++tries < 3) throw new TypeError('Failed to fetch');
        return {
          blob: new Blob(['0123456789'.repeat(250)]),
          contentDisposition: 'attachment; filename="Survey.bin"',
          contentType: 'application/octet-stream',
          url: 'https://x.example/f',
        };
      },
    );
    const saves: JobRecord[] = [];
    expect(await run(record, kind, { client: sandboxClient(sandbox.url, sandbox.demo.apiKey), saves, ...quick })).toBe(
      'finished',
    );
    expect(tries).toBe(3);
    // The job said it waits for the network, once for the outage (two failed tries), and went on after.
    const shown = saves.map((j) => `${j.status}${j.waitingFor ? `/${j.waitingFor}` : ''}`);
    const stretches = shown.filter((x, i) => x === 'waiting/network' && shown[i - 1] !== x);
    expect(stretches).toHaveLength(1);
    expect(shown.at(-1)).toBe('done');
    expect(record.status).toBe('done');
    const [made] = (await files()).filter((f) => f.title === 'Survey.bin');
    expect(made?.pureContentLength).toBe(2500);
    expect(await content(made!.id)).toBe('0123456789'.repeat(250));
    expect(store.blobs.size).toBe(0);
  });

  it('fails an address the site refuses, with its status and a retry', async () => {
    const { record, kind } = saveJob(
      [{ label: 'https://x.example/gone', method: 'upload', url: 'https://x.example/gone' }],
      async () => ({
        status: 404,
      }),
    );
    expect(await run(record, kind, { client: sandboxClient(sandbox.url, sandbox.demo.apiKey) })).toBe('finished');
    expect(record.status).toBe('failed');
    expect(record.items[0]!.error).toMatchObject({
      key: 'saveFetchRefused',
      params: ['https://x.example/gone', '404'],
      retryable: true,
    });
  });

  it('follows the conflict policy: skip leaves a same-named file, overwrite makes a new version', async () => {
    const first = saveJob([{ label: 'N.html', method: 'html', key: 'a', name: 'N.html', size: 5, bytes: 'first' }]);
    await run(first.record, first.kind, { client: sandboxClient(sandbox.url, sandbox.demo.apiKey) });
    const skip = saveJob(
      [{ label: 'N.html', method: 'html', key: 'b', name: 'N.html', size: 6, bytes: 'second' }],
      undefined,
      'skip',
    );
    await run(skip.record, skip.kind, { client: sandboxClient(sandbox.url, sandbox.demo.apiKey) });
    expect(skip.record.items[0]!.state).toBe('skipped');
    const over = saveJob(
      [{ label: 'N.html', method: 'html', key: 'c', name: 'N.html', size: 5, bytes: 'third' }],
      undefined,
      'overwrite',
    );
    await run(over.record, over.kind, { client: sandboxClient(sandbox.url, sandbox.demo.apiKey) });
    const named = (await files()).filter((f) => f.title.startsWith('N'));
    expect(named.map((f) => f.title)).toEqual(['N.html']);
    expect(await content(named[0]!.id)).toBe('third');
  });

  it('moves to the Trash the copy a browser made by sending the upload again after a reset, and keeps the name asked for', async () => {
    // What Chromium does on a reset kept-alive connection: the same POST once more, the page told nothing.
    const twice: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (init?.method === 'POST' && url.includes('/upload?')) {
        await fetch(input, init);
        return fetch(input, init);
      }
      return fetch(input, init);
    };
    const client = sandboxClient(sandbox.url, sandbox.demo.apiKey, twice);
    const { record, kind } = saveJob([
      { label: 'L.url', method: 'upload', key: 'a', name: 'L.url', size: 4, bytes: 'link' },
    ]);
    expect(await run(record, kind, { client, userId: sandbox.demo.userId })).toBe('finished');
    expect(record.status).toBe('done');
    const named = (await files()).filter((f) => /^L( \(\d+\))?\.url$/.test(f.title));
    expect(named.map((f) => f.title)).toEqual(['L.url']);
    expect(String(record.items[0]!.result!.fileId)).toBe(String(named[0]!.id));
    expect(record.findings).toEqual([expect.objectContaining({ key: 'saveDuplicatesRemoved', params: ['1'] })]);
  });

  it('says what a finished save made: Open shows the file, Copy link and Undo act on it', async () => {
    const body = html('Kept');
    const { record, kind } = saveJob([
      { label: 'K.html', method: 'html', key: 'a', name: 'K.html', size: new Blob([body]).size, bytes: body },
    ]);
    await run(record, kind, { client: sandboxClient(sandbox.url, sandbox.demo.apiKey), userId: sandbox.demo.userId });
    const [made] = (await files()).filter((f) => f.title === 'K.html');
    expect(kind.result!(record)).toEqual({
      open: { kind: 'file', id: made!.id },
      made: [{ kind: 'file', id: made!.id }],
    });
  });
});

describe('save job, converted to .docx', () => {
  const article = (title: string, text: string) => {
    const body = html(text);
    return { label: title, method: 'html' as const, key: 'a', name: title, size: new Blob([body]).size, bytes: body };
  };
  const client = () => sandboxClient(sandbox.url, sandbox.demo.apiKey);
  const trashed = async () => {
    const response = await fetch(`${sandbox.url}/api/2.0/files/@trash?count=100`, { headers: auth() });
    return ((await response.json()) as { response: { files: Array<{ title: string }> } }).response.files;
  };

  it('ends as one .docx holding the text; the HTML it came from is deleted for good', async () => {
    const { record, kind, store } = saveJob(
      [article('Harbour.html', 'Harbour lights &#38; tides')],
      undefined,
      'duplicate',
      {
        convertToDocx: true,
      },
    );
    expect(await run(record, kind, { client: client(), userId: sandbox.demo.userId })).toBe('finished');
    expect(record.status).toBe('done');
    const made = (await files()).filter((f) => f.title.startsWith('Harbour'));
    expect(made.map((f) => f.title)).toEqual(['Harbour.docx']);
    expect(String(record.items[0]!.result!.fileId)).toBe(String(made[0]!.id));
    expect(await content(made[0]!.id)).toContain('Harbour lights &#38; tides');
    expect((await trashed()).filter((f) => f.title.startsWith('Harbour'))).toEqual([]);
    expect(await posts(/\/files\/file\/\d+\/copyas$/)).toBe(1);
    expect(record.findings ?? []).toEqual([]);
    expect(store.blobs.size).toBe(0);
    expect(kind.result!(record)).toMatchObject({ open: { kind: 'file', id: made[0]!.id } });
  });

  it('looks up a conversion whose answer was lost instead of asking twice: exactly one .docx', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ type: 'resetAfter', method: 'POST', path: '/api/2.0/files/file/*/copyas', count: 1 }),
    });
    const { record, kind } = saveJob([article('Tide.html', 'Tide tables')], undefined, 'duplicate', {
      convertToDocx: true,
    });
    expect(await run(record, kind, { client: client(), userId: sandbox.demo.userId })).toBe('finished');
    expect(record.status).toBe('done');
    expect((await files()).filter((f) => f.title.startsWith('Tide')).map((f) => f.title)).toEqual(['Tide.docx']);
    expect(await posts(/\/files\/file\/\d+\/copyas$/)).toBe(1);
    expect(await posts(/\/files\/101\/html$/)).toBe(1);
  });

  it('keeps the HTML and says why when the portal will not convert it', async () => {
    const refusing: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (init?.method === 'POST' && url.includes('/copyas'))
        return new Response(
          JSON.stringify({ error: { message: "Sorry, this file format isn't supported" }, status: 1, statusCode: 400 }),
          { status: 400, headers: { 'Content-Type': 'application/json' } },
        );
      return fetch(input, init);
    };
    const refused = sandboxClient(sandbox.url, sandbox.demo.apiKey, refusing);
    const { record, kind } = saveJob([article('Odd.html', 'Odd')], undefined, 'duplicate', { convertToDocx: true });
    expect(await run(record, kind, { client: refused, userId: sandbox.demo.userId })).toBe('finished');
    expect(record.items[0]!.error).toBeUndefined();
    expect(record.status).toBe('done');
    const made = (await files()).filter((f) => f.title.startsWith('Odd'));
    expect(made.map((f) => f.title)).toEqual(['Odd.html']);
    expect(record.findings).toEqual([
      expect.objectContaining({ key: 'saveNotConverted', params: ['1', "Sorry, this file format isn't supported"] }),
    ]);
  });

  it('skips by the .docx name when the folder has it and the policy is skip', async () => {
    const first = saveJob([article('Same.html', 'one')], undefined, 'duplicate', { convertToDocx: true });
    await run(first.record, first.kind, { client: client(), userId: sandbox.demo.userId });
    const again = saveJob([article('Same.html', 'two')], undefined, 'skip', { convertToDocx: true });
    await run(again.record, again.kind, { client: client(), userId: sandbox.demo.userId });
    expect(again.record.items[0]!.state).toBe('skipped');
    expect((await files()).filter((f) => f.title.startsWith('Same')).map((f) => f.title)).toEqual(['Same.docx']);
  });

  for (const reached of [false, true])
    it(`goes on after the worker stopped while the conversion was asked (${reached ? 'it reached' : 'it did not reach'} the portal): one HTML made, one .docx`, async () => {
      const stop = new AbortController();
      const stopping: typeof fetch = async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (init?.method === 'POST' && url.includes('/copyas')) {
          if (reached) await fetch(input, init);
          stop.abort();
          throw new TypeError('Failed to fetch');
        }
        return fetch(input, init);
      };
      const stopped = sandboxClient(sandbox.url, sandbox.demo.apiKey, stopping);
      const { record, kind } = saveJob([article('Wake.html', 'Wake')], undefined, 'duplicate', { convertToDocx: true });
      await run(record, kind, { client: stopped, userId: sandbox.demo.userId, signal: stop.signal, ...quick });
      expect(record.status).not.toBe('done');
      // A new worker: the stored record, the real network.
      const resumed = structuredClone(record);
      expect(await run(resumed, kind, { client: client(), userId: sandbox.demo.userId })).toBe('finished');
      expect(resumed.status).toBe('done');
      expect((await files()).filter((f) => f.title.startsWith('Wake')).map((f) => f.title)).toEqual(['Wake.docx']);
      expect(await posts(/\/files\/101\/html$/)).toBe(1);
      expect(await posts(/\/files\/file\/\d+\/copyas$/)).toBe(1);
    });
});

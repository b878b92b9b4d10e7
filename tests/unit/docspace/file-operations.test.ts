import { describe, expect, it } from 'vitest';
import { DocSpaceClient, type FetchLike } from '../../../src/docspace/client.ts';
import { bulkDownload, transferEntries } from '../../../src/docspace/file-operations.ts';
import { staticAuth } from '../../../src/docspace/request-auth.ts';
import { SimpleQueue } from '../../../src/scheduler/simple-queue.ts';
import { english } from '../support/english.ts';

const origin = 'https://team.onlyoffice.com';
const json = (response: unknown) =>
  new Response(JSON.stringify({ response, status: 0, statusCode: 200 }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });

function clientAnswering(url: string): DocSpaceClient {
  const fetch: FetchLike = async () => json({ id: 'op-1', Operation: 3, progress: 100, finished: true, url });
  return new DocSpaceClient({
    baseUrl: origin,
    fetch,
    auth: staticAuth({ kind: 'apiKey', apiKey: `sk-${'a'.repeat(64)}` }),
    executor: new SimpleQueue(2),
  });
}
const options = { sleep: async () => undefined };

describe('bulk download', () => {
  it('answers the archive link on the portal', async () => {
    const url = await bulkDownload(
      clientAnswering('/filehandler.ashx?action=bulk&filename=a'),
      { fileIds: [1] },
      options,
    );
    expect(url).toBe(`${origin}/filehandler.ashx?action=bulk&filename=a`);
  });

  it('refuses a link to another site (the sign-in would go with it)', async () => {
    for (const hostile of ['https://evil.example/steal', 'javascript:alert(1)', '']) {
      const refused = await bulkDownload(clientAnswering(hostile), { fileIds: [1] }, options).catch((e: unknown) => e);
      expect(english(refused as never)).toMatch(/url/);
    }
  });
});

describe('an operation whose wait is aborted', () => {
  /** A client whose move runs until terminated; records every request's method and path. */
  function runningClient(seen: string[]): DocSpaceClient {
    const fetch: FetchLike = async (input, init) => {
      const url = new URL(String(input));
      seen.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      return json([{ id: 'op-7', Operation: 1, progress: 10, finished: false }]);
    };
    return new DocSpaceClient({
      baseUrl: origin,
      fetch,
      auth: staticAuth({ kind: 'apiKey', apiKey: `sk-${'a'.repeat(64)}` }),
      executor: new SimpleQueue(2),
    });
  }
  const abortedWait = (terminate: boolean) => {
    const seen: string[] = [];
    const controller = new AbortController();
    const sleep = async (_ms: number, signal?: AbortSignal) => {
      controller.abort();
      throw signal?.reason ?? new Error('aborted');
    };
    const done = transferEntries(runningClient(seen), { fileIds: [1] }, 2, {
      sleep,
      signal: controller.signal,
      terminateOnAbort: () => terminate,
    });
    return { seen, done };
  };

  it('is stopped on the portal when the user cancelled', async () => {
    const { seen, done } = abortedWait(true);
    await expect(done).rejects.toBeDefined();
    expect(seen).toEqual(['PUT /api/2.0/files/fileops/move', 'PUT /api/2.0/files/fileops/terminate/op-7']);
  });

  it('is left to finish on the portal when the job only paused', async () => {
    const { seen, done } = abortedWait(false);
    await expect(done).rejects.toBeDefined();
    expect(seen).toEqual(['PUT /api/2.0/files/fileops/move']);
  });
});

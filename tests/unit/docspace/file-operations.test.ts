import { describe, expect, it } from 'vitest';
import { DocSpaceClient, type FetchLike } from '../../../src/docspace/client.ts';
import { bulkDownload } from '../../../src/docspace/file-operations.ts';
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

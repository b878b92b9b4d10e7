import { describe, expect, it } from 'vitest';
import { getFile } from '../../../src/docspace/api-entries.ts';
import { listFolder } from '../../../src/docspace/api-listing.ts';
import { trashEntries } from '../../../src/docspace/file-operations.ts';
import { trashKind } from '../../../src/jobs/kinds/trash.ts';
import { summarize } from '../../../src/jobs/summary.ts';
import { job, realSleep, run, sandboxClient, sandboxPerFile, type Sandbox } from './run-helpers.ts';

const ASSETS = 204;
const TRASH = 3;
let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s), { fileOperationItemMs: 0 });

const client = () => sandboxClient(sandbox.url, sandbox.demo.apiKey);
const params = { fromFolderId: ASSETS, fromTitle: 'Assets' };

async function assets(count: number) {
  const page = await listFolder(client(), ASSETS, { count });
  return page.files.map((f) => ({ kind: 'file' as const, id: f.id, title: f.title }));
}

async function deletes(): Promise<number> {
  const log = (await (await fetch(`${sandbox.url}/__sandbox/log`)).json()) as {
    entries: Array<{ method: string; path: string }>;
  };
  return log.entries.filter((e) => e.method === 'PUT' && e.path === '/api/2.0/files/fileops/delete').length;
}

describe('trash job', () => {
  it('moves each entry to the Trash once; one that cannot go fails with its reason, the rest are done', async () => {
    const files = await assets(12);
    const record = job('trash', params, [...files, { kind: 'file', id: 999_999, title: 'Gone.docx' }]);
    expect(await run(record, trashKind, { client: client(), sleep: realSleep })).toBe('finished');
    expect(summarize(record, trashKind)).toMatchObject({ status: 'failed', total: 13, done: 12, failed: 1 });
    expect(summarize(record, trashKind).failures).toEqual([
      expect.objectContaining({ label: 'Gone.docx', error: expect.objectContaining({ key: expect.any(String) }) }),
    ]);
    for (const file of files) expect((await getFile(client(), file.id)).rootFolderType).toBe(TRASH);
    expect(await deletes()).toBe(13);
    expect(summarize(record, trashKind).title).toEqual({ key: 'jobTitle_trash', params: ['13', 'Assets'] });
  });

  it('an entry whose delete was on the wire when the worker stopped is found in the Trash, not deleted again', async () => {
    const [first, second] = await assets(2);
    await trashEntries(client(), { fileIds: [first!.id] }, { sleep: realSleep, pollMs: 10 });
    const record = job('trash', params, [first!, second!]);
    record.items[0]!.state = 'sending';
    const before = await deletes();
    expect(await run(record, trashKind, { client: client(), sleep: realSleep })).toBe('finished');
    expect(summarize(record, trashKind)).toMatchObject({ status: 'done', done: 2, failed: 0 });
    expect((await deletes()) - before).toBe(1);
  });
});

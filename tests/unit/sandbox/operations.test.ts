// Long operations: progress over several polls, a finished operation reported once (held) or
// never (deleteAfter), conflict resolution, Trash semantics, terminate, bulk download contents, and
// the manager on a manual clock.
import { describe, expect, it } from 'vitest';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_PAGING_FOLDER, DEMO_ROOMS, DEMO_SECTIONS } from '../../sandbox/server.ts';
import { FileOperationManager, FileOperationType } from '../../sandbox/operations/manager.ts';
import type { Clock } from '../../sandbox/operations/manager.ts';
import { createTuning } from '../../sandbox/tuning.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox({ tuning: { fileOperationItemMs: 0 } });
const MY = DEMO_SECTIONS.my.id;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Op {
  id: string;
  Operation: number;
  progress: number;
  processed: string;
  finished: boolean;
  status: number;
  error: string;
  files?: Array<{ id: number; title: string; folderId: number; version: number }>;
  folders?: Array<{ id: number; title: string }>;
  url?: string;
}

const titlesIn = async (folderId: number): Promise<string[]> => {
  const page = await t.response('GET', `/api/2.0/files/${folderId}`);
  return [...page.folders, ...page.files].map((e: { title: string }) => e.title).sort();
};

describe('progress and reporting', () => {
  it('a 181-step move advances over several polls, then is reported finished exactly once', async () => {
    t.sandbox.tuning.fileOperationItemMs = 8;
    try {
      const [started] = (await t.response('PUT', '/api/2.0/files/fileops/move', {
        body: { folderIds: [DEMO_PAGING_FOLDER.id], destFolderId: MY, returnSingleOperation: true },
      })) as Op[];
      expect(started).toMatchObject({ Operation: 0, finished: false, status: 1, processed: '0' });
      const seen: number[] = [started!.progress];
      let finished: Op | undefined;
      for (let i = 0; i < 100 && !finished; i++) {
        await sleep(100);
        const ops = (await t.response('GET', '/api/2.0/files/fileops')) as Op[];
        const op = ops.find((o) => o.id === started!.id);
        expect(op).toBeDefined();
        seen.push(op!.progress);
        if (op!.finished) finished = op;
      }
      expect(finished).toMatchObject({ progress: 100, processed: '1', status: 2, error: '' });
      expect(finished?.folders?.[0]).toMatchObject({ id: DEMO_PAGING_FOLDER.id });
      const distinct = new Set(seen.filter((p) => p > 0 && p < 100));
      expect(distinct.size).toBeGreaterThanOrEqual(3);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      // Reported once: the next poll does not list it any more.
      expect(((await t.response('GET', '/api/2.0/files/fileops')) as Op[]).some((o) => o.id === started!.id)).toBe(
        false,
      );
      expect(await t.response('GET', `/api/2.0/files/folder/${DEMO_PAGING_FOLDER.id}`)).toMatchObject({ parentId: MY });
    } finally {
      t.sandbox.tuning.fileOperationItemMs = 0;
    }
  });

  it('deleteAfter:true drops the finished operation without reporting it (holdResult = !deleteAfter)', async () => {
    const moved = (await t.response('PUT', '/api/2.0/files/fileops/move', {
      body: { fileIds: [DEMO_FILES.q1Kickoff], destFolderId: MY, deleteAfter: true },
    })) as Op[];
    expect(moved).toEqual([]);
    expect(await t.response('GET', '/api/2.0/files/fileops')).toEqual([]);
    expect(await t.response('GET', `/api/2.0/files/file/${DEMO_FILES.q1Kickoff}`)).toMatchObject({ folderId: MY });
  });

  it('the start answer is itself a read: a held operation finished at once is not reported again', async () => {
    const [op] = (await t.response('PUT', '/api/2.0/files/fileops/copy', {
      body: { fileIds: [DEMO_FILES.q1Budget], destFolderId: MY },
    })) as Op[];
    expect(op).toMatchObject({ Operation: 1, finished: true });
    expect(await t.response('GET', `/api/2.0/files/fileops?id=${op!.id}`)).toEqual([]);
  });

  it('terminate drops a running operation; its remaining items are not processed', async () => {
    t.sandbox.tuning.fileOperationItemMs = 1000;
    try {
      const [op] = (await t.response('PUT', '/api/2.0/files/fileops/copy', {
        body: {
          fileIds: [DEMO_FILES.q1LaunchPlan, DEMO_FILES.campaignCalendar],
          destFolderId: DEMO_FOLDERS.unsorted,
          returnSingleOperation: true,
        },
      })) as Op[];
      expect(op?.finished).toBe(false);
      const rest = (await t.response('PUT', `/api/2.0/files/fileops/terminate/${op!.id}`)) as Op[];
      expect(rest.some((o) => o.id === op!.id)).toBe(false);
      await sleep(30);
      expect(await titlesIn(DEMO_FOLDERS.unsorted)).toEqual([]);
    } finally {
      t.sandbox.tuning.fileOperationItemMs = 0;
    }
  });
});

describe('conflict resolution', () => {
  const setup = async (): Promise<{ dest: number; source: number; existing: number }> => {
    const dest = (await t.response('POST', `/api/2.0/files/folder/${MY}`, { body: { title: `Dest ${Math.random()}` } }))
      .id;
    const existing = (await t.response('POST', `/api/2.0/files/${dest}/file`, { body: { title: 'Report.docx' } })).id;
    const src = (await t.response('POST', `/api/2.0/files/folder/${MY}`, { body: { title: `Src ${Math.random()}` } }))
      .id;
    const source = (await t.response('POST', `/api/2.0/files/${src}/file`, { body: { title: 'Report.docx' } })).id;
    return { dest, source, existing };
  };

  it('Skip leaves the existing file and the source where they are', async () => {
    const { dest, source, existing } = await setup();
    const [op] = (await t.response('PUT', '/api/2.0/files/fileops/move', {
      body: { fileIds: [source], destFolderId: dest, conflictResolveType: 'Skip' },
    })) as Op[];
    expect(op).toMatchObject({ finished: true, processed: '0' });
    expect(op?.files).toBeUndefined();
    expect(await titlesIn(dest)).toEqual(['Report.docx']);
    expect(await t.response('GET', `/api/2.0/files/file/${existing}`)).toMatchObject({ version: 1 });
    expect((await t.call('GET', `/api/2.0/files/file/${source}`)).status).toBe(200);
  });

  it('Overwrite stores a new version of the existing file; a move removes the source', async () => {
    const { dest, source, existing } = await setup();
    const [op] = (await t.response('PUT', '/api/2.0/files/fileops/move', {
      body: { fileIds: [source], destFolderId: dest, conflictResolveType: 1 },
    })) as Op[];
    expect(op?.files?.[0]).toMatchObject({ id: existing, version: 2 });
    expect(await t.response('GET', `/api/2.0/files/file/${existing}`)).toMatchObject({
      version: 2,
      comment: 'Overwritten',
    });
    expect((await t.call('GET', `/api/2.0/files/file/${source}`)).status).toBe(404);
  });

  it('Duplicate gives "Name (1).ext"; copying into the same folder does too', async () => {
    const { dest, source } = await setup();
    const [op] = (await t.response('PUT', '/api/2.0/files/fileops/copy', {
      body: { fileIds: [source], destFolderId: dest, conflictResolveType: 'Duplicate' },
    })) as Op[];
    expect(op?.files?.[0]?.title).toBe('Report (1).docx');
    await t.response('PUT', '/api/2.0/files/fileops/duplicate', { body: { fileIds: [source] } });
    await t.response('PUT', '/api/2.0/files/fileops/copy', {
      body: { fileIds: [source], destFolderId: dest, conflictResolveType: 'Duplicate' },
    });
    expect(await titlesIn(dest)).toEqual(['Report (1).docx', 'Report (2).docx', 'Report.docx']);
  });

  it('moving a folder onto a same-named folder merges the contents', async () => {
    const a = (await t.response('POST', `/api/2.0/files/folder/${MY}`, { body: { title: `A ${Math.random()}` } })).id;
    const b = (await t.response('POST', `/api/2.0/files/folder/${MY}`, { body: { title: `B ${Math.random()}` } })).id;
    const inA = (await t.response('POST', `/api/2.0/files/folder/${a}`, { body: { title: 'Shared' } })).id;
    const inB = (await t.response('POST', `/api/2.0/files/folder/${b}`, { body: { title: 'Shared' } })).id;
    await t.response('POST', `/api/2.0/files/${inA}/file`, { body: { title: 'One.docx' } });
    await t.response('POST', `/api/2.0/files/${inB}/file`, { body: { title: 'Two.docx' } });
    const [op] = (await t.response('PUT', '/api/2.0/files/fileops/move', {
      body: { folderIds: [inA], destFolderId: b },
    })) as Op[];
    expect(op?.folders?.[0]?.id).toBe(inB);
    expect(await titlesIn(inB)).toEqual(['One.docx', 'Two.docx']);
    expect(await titlesIn(a)).toEqual([]);
  });
});

describe('delete, trash, rooms', () => {
  it('delete moves to the Trash with its origin; deleting from the Trash removes for good', async () => {
    await t.response('DELETE', `/api/2.0/files/file/${DEMO_FILES.budget2026}`, {
      body: { deleteAfter: false, immediately: false },
    });
    const trashed = await t.response('GET', `/api/2.0/files/file/${DEMO_FILES.budget2026}`);
    expect(trashed).toMatchObject({ folderId: DEMO_SECTIONS.trash.id, originId: MY, rootFolderType: 3 });
    expect(trashed.autoDelete).toBeDefined();
    await t.response('DELETE', `/api/2.0/files/file/${DEMO_FILES.budget2026}`, { body: {} });
    expect((await t.call('GET', `/api/2.0/files/file/${DEMO_FILES.budget2026}`)).status).toBe(404);
  });

  it('immediately:true skips the Trash; empty trash clears it', async () => {
    await t.response('PUT', '/api/2.0/files/fileops/delete', { body: { fileIds: [346], immediately: true } });
    expect((await t.call('GET', '/api/2.0/files/file/346')).status).toBe(404);
    const [op] = (await t.response('PUT', '/api/2.0/files/fileops/emptytrash?single=true')) as Op[];
    expect(op).toMatchObject({ Operation: 2, finished: true });
    expect(op?.files).toBeUndefined();
    expect(await titlesIn(DEMO_SECTIONS.trash.id)).toEqual([]);
  });

  it('rooms: archive, unarchive (moves between sections), delete; a room cannot go to the Trash', async () => {
    await t.response('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.design.id}/archive`, { body: { deleteAfter: false } });
    expect(await t.response('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.design.id}`)).toMatchObject({
      parentId: DEMO_SECTIONS.archive.id,
      rootFolderType: 20,
    });
    const archivedIds = (await t.response('GET', '/api/2.0/files/rooms?searchArea=Archive')).folders.map(
      (f: { id: number }) => f.id,
    );
    expect(archivedIds).toContain(DEMO_ROOMS.design.id);
    await t.response('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.design.id}/unarchive`, { body: { deleteAfter: false } });
    expect(await t.response('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.design.id}`)).toMatchObject({
      parentId: DEMO_SECTIONS.rooms.id,
    });
    expect(
      (await t.call('PUT', '/api/2.0/files/fileops/delete', { body: { folderIds: [DEMO_ROOMS.design.id] } })).status,
    ).toBe(403);
    await t.response('DELETE', `/api/2.0/files/rooms/${DEMO_ROOMS.design.id}`, { body: { deleteAfter: false } });
    expect((await t.call('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.design.id}`)).status).toBe(404);
  });

  it('bulk download builds a zip of the selection', async () => {
    const [op] = (await t.response('PUT', '/api/2.0/files/fileops/bulkdownload', {
      body: { folderIds: [DEMO_FOLDERS.q1] },
    })) as Op[];
    expect(op?.url).toBeDefined();
    const zip = await t.call('GET', op!.url!, { headers: null });
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-disposition')).toContain('Q1.zip');
    expect(zip.bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.bytes.includes(Buffer.from('Q1/Q1 launch plan.docx'))).toBe(true);
  });
});

describe('manager on a manual clock', () => {
  it('progress follows the per-item cost; finished is held until read once', () => {
    let now = 0;
    const timers: Array<{ at: number; fn: () => void }> = [];
    const clock: Clock = {
      now: () => now,
      setTimeout: (fn, ms) => timers.push({ at: now + ms, fn }),
      clearTimeout: () => undefined,
    };
    const manager = new FileOperationManager(createTuning({ fileOperationItemMs: 10 }), clock);
    const done: number[] = [];
    const id = manager.publish({
      userId: 'u',
      type: FileOperationType.Copy,
      hold: true,
      units: [1, 2, 3, 4].map((n) => ({ steps: n === 4 ? 7 : 1, run: () => (done.push(n), { result: `file_${n}` }) })),
    });
    expect(manager.results('u', { id })[0]).toMatchObject({ progress: 0, finished: false });
    now = 25;
    expect(manager.results('u', { id })[0]).toMatchObject({ progress: 20, processed: '2', finished: false });
    expect(done).toEqual([1, 2]);
    now = 95;
    expect(manager.results('u', { id })[0]).toMatchObject({ progress: 90, processed: '3' });
    now = 100;
    expect(manager.results('u', { id })[0]).toMatchObject({ progress: 100, processed: '4', finished: true, status: 2 });
    expect(manager.results('u', { id })).toEqual([]);
    expect(timers.length).toBeGreaterThan(0);
  });
});

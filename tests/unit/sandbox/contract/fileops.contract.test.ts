// Contract: long-running operations (start, poll, terminate, pre-checks) — running and finished
// FileOperationDto shapes — against the OpenAPI spec + wire exceptions.
import { expect, it } from 'vitest';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_PAGING_FOLDER, DEMO_SECTIONS } from '../../../sandbox/server.ts';
import { contractSuite } from './harness.ts';

contractSuite(
  'fileops',
  (c) => {
    it('move, copy, duplicate, delete, mark as read (finished at once)', async () => {
      const moved = await c.ok('PUT', '/api/2.0/files/fileops/move', {
        body: {
          fileIds: [DEMO_FILES.q1Budget],
          folderIds: [],
          destFolderId: DEMO_FOLDERS.clients,
          conflictResolveType: 'Skip',
          deleteAfter: false,
        },
      });
      expect(moved.json.response[0]).toMatchObject({
        Operation: 0,
        finished: true,
        progress: 100,
        processed: '1',
        status: 2,
        error: '',
      });
      expect(moved.json.response[0].files[0]).toMatchObject({
        id: DEMO_FILES.q1Budget,
        folderId: DEMO_FOLDERS.clients,
      });
      await c.ok('PUT', '/api/2.0/files/fileops/copy', {
        body: {
          fileIds: [DEMO_FILES.q1Budget],
          folderIds: [DEMO_FOLDERS.campaigns2026],
          destFolderId: DEMO_SECTIONS.my.id,
          conflictResolveType: 2,
        },
      });
      await c.ok('PUT', '/api/2.0/files/fileops/duplicate', {
        body: { fileIds: [DEMO_FILES.q1Kickoff], folderIds: [] },
      });
      await c.ok('PUT', '/api/2.0/files/fileops/markasread', {
        body: { fileIds: [DEMO_FILES.q1Kickoff], folderIds: [DEMO_FOLDERS.q1] },
      });
      await c.ok('PUT', '/api/2.0/files/fileops/delete', {
        body: { fileIds: [DEMO_FILES.q1Kickoff], folderIds: [], deleteAfter: false, immediately: false },
      });
      await c.ok('GET', '/api/2.0/files/fileops');
    });

    it('a running operation, polling by id and type, terminate', async () => {
      c.sandbox.tuning.fileOperationItemMs = 50;
      try {
        const started = await c.ok('PUT', '/api/2.0/files/fileops/copy', {
          body: {
            folderIds: [DEMO_PAGING_FOLDER.id],
            fileIds: [],
            destFolderId: DEMO_SECTIONS.my.id,
            returnSingleOperation: true,
          },
        });
        const op = started.json.response[0];
        expect(op).toMatchObject({ Operation: 1, finished: false, status: 1 });
        expect(op.progress).toBeLessThan(100);
        await c.ok('GET', '/api/2.0/files/fileops', { query: { id: op.id } });
        await c.ok('GET', '/api/2.0/files/fileops/{operationType}', { params: { operationType: 1 } });
        const after = await c.ok('PUT', '/api/2.0/files/fileops/terminate/{id}', { params: { id: op.id } });
        expect(after.json.response.find((o: { id: string }) => o.id === op.id)).toBeUndefined();
      } finally {
        c.sandbox.tuning.fileOperationItemMs = 0;
      }
    });

    it('bulk download: url on the finished operation', async () => {
      const res = await c.ok('PUT', '/api/2.0/files/fileops/bulkdownload', {
        body: { fileIds: [DEMO_FILES.q1Budget], folderIds: [DEMO_FOLDERS.q1] },
      });
      expect(res.json.response[0]).toMatchObject({
        Operation: 3,
        finished: true,
        url: expect.stringContaining('filehandler.ashx?action=bulk&filename='),
      });
    });

    it('pre-checks: conflicting entries and the destination check', async () => {
      // The first test copied "Q1 budget.xlsx" into My documents: moving the original there conflicts.
      const conflicts = await c.ok('GET', '/api/2.0/files/fileops/move', {
        query: { destFolderId: DEMO_SECTIONS.my.id, fileIds: [DEMO_FILES.q1Budget], folderIds: [DEMO_FOLDERS.clients] },
      });
      expect(conflicts.json.response).toEqual([
        expect.objectContaining({ title: 'Q1 budget.xlsx', folderId: DEMO_SECTIONS.my.id }),
      ]);
      const check = await c.ok('GET', '/api/2.0/files/fileops/checkdestfolder', {
        query: { destFolderId: DEMO_SECTIONS.rooms.id, fileIds: [322] },
      });
      expect(check.json.response).toMatchObject({ result: 2, files: [] });
    });

    it('errors: unknown destination (404), folder into itself (403), second download while one runs (403)', async () => {
      expect(
        (
          await c.call('PUT', '/api/2.0/files/fileops/move', {
            body: { fileIds: [DEMO_FILES.q1Budget], destFolderId: 999_999 },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await c.call('PUT', '/api/2.0/files/fileops/move', {
            body: { folderIds: [DEMO_FOLDERS.campaigns], destFolderId: DEMO_FOLDERS.q1 },
          })
        ).status,
      ).toBe(403);
      c.sandbox.tuning.fileOperationItemMs = 1000;
      try {
        await c.ok('PUT', '/api/2.0/files/fileops/bulkdownload', { body: { folderIds: [DEMO_PAGING_FOLDER.id] } });
        const second = await c.call('PUT', '/api/2.0/files/fileops/bulkdownload', {
          body: { fileIds: [DEMO_FILES.q1Budget] },
        });
        expect(second.status).toBe(403);
        expect(second.json.error.message).toBe('Too many downloads.');
      } finally {
        await c.call('PUT', '/api/2.0/files/fileops/terminate/{id}', { params: { id: '' }, noValidate: true });
        c.sandbox.tuning.fileOperationItemMs = 0;
      }
    });
  },
  { tuning: { fileOperationItemMs: 0 } },
);

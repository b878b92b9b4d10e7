// Contract: writes on folders, files and rooms (create, rename, update, pin, tags, favourites,
// recent, delete, archive, empty trash) against the OpenAPI spec + wire exceptions.
import { expect, it } from 'vitest';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_ROOMS, DEMO_SECTIONS } from '../../../sandbox/server.ts';
import { contractSuite } from './harness.ts';

contractSuite(
  'changes',
  (c) => {
    it('create and rename a folder and a document', async () => {
      const folder = await c.ok('POST', '/api/2.0/files/folder/{folderId}', {
        params: { folderId: DEMO_SECTIONS.my.id },
        body: { title: 'Contract folder' },
      });
      const folderId: number = folder.json.response.id;
      await c.ok('PUT', '/api/2.0/files/folder/{folderId}', {
        params: { folderId },
        body: { title: 'Contract folder renamed' },
      });
      const doc = await c.ok('POST', '/api/2.0/files/{folderId}/file', {
        params: { folderId },
        body: { title: 'Notes.docx' },
      });
      expect(doc.json.response).toMatchObject({ title: 'Notes.docx', folderId, fileType: 7 });
      await c.ok('POST', '/api/2.0/files/@my/file', { body: { title: 'Sheet.xlsx' } });
      await c.ok('PUT', '/api/2.0/files/file/{fileId}', {
        params: { fileId: doc.json.response.id },
        body: { title: 'Notes v2' },
      });
    });

    it('rooms: create, update, pin, tags, tag catalogue', async () => {
      const room = await c.ok('POST', '/api/2.0/files/rooms', {
        body: { title: 'Contract room', roomType: 'EditingRoom', color: 'FF0000', tags: ['contract'] },
      });
      const id: number = room.json.response.id;
      expect(room.json.response).toMatchObject({
        roomType: 2,
        type: 16,
        logo: { color: 'FF0000' },
        tags: ['contract'],
      });
      await c.ok('PUT', '/api/2.0/files/rooms/{id}', {
        params: { id },
        body: { title: 'Contract room 2', color: '00FF00' },
      });
      await c.ok('PUT', '/api/2.0/files/rooms/{id}/pin', { params: { id } });
      await c.ok('PUT', '/api/2.0/files/rooms/{id}/unpin', { params: { id } });
      await c.ok('PUT', '/api/2.0/files/rooms/{id}/tags', { params: { id }, body: { names: ['alpha', 'beta'] } });
      await c.ok('DELETE', '/api/2.0/files/rooms/{id}/tags', { params: { id }, body: { names: ['beta'] } });
      await c.ok('POST', '/api/2.0/files/tags', { body: { name: 'gamma' } });
      const tags = await c.ok('GET', '/api/2.0/files/tags');
      expect(tags.json.response).toEqual(expect.arrayContaining(['alpha', 'beta', 'gamma', 'brand']));
      await c.ok('DELETE', '/api/2.0/files/tags', { body: { names: ['gamma'] } });
      const bad = await c.call('POST', '/api/2.0/files/rooms', {
        body: { title: 'Bad colour', roomType: 2, color: '#FF0000' },
      });
      expect(bad.status).toBe(400);
    });

    it('favourites and recent', async () => {
      await c.ok('POST', '/api/2.0/files/favorites', {
        body: { fileIds: [DEMO_FILES.q1Budget], folderIds: [DEMO_FOLDERS.clients] },
      });
      await c.ok('DELETE', '/api/2.0/files/favorites', { body: { fileIds: [DEMO_FILES.q1Budget], folderIds: [] } });
      await c.ok('GET', '/api/2.0/files/favorites/{fileId}', {
        params: { fileId: DEMO_FILES.q1Budget },
        query: { favorite: true },
      });
      await c.ok('POST', '/api/2.0/files/file/{fileId}/recent', { params: { fileId: DEMO_FILES.q1Kickoff } });
      const removed = await c.call('DELETE', '/api/2.0/files/recent', { body: { fileIds: [DEMO_FILES.q1Kickoff] } });
      expect(removed.status).toBe(204);
    });

    it('delete file and folder, archive/unarchive/delete a room, empty the trash', async () => {
      const file = await c.ok('DELETE', '/api/2.0/files/file/{fileId}', {
        params: { fileId: DEMO_FILES.brandBook },
        body: { deleteAfter: false, immediately: false },
      });
      expect(file.json.response[0]).toMatchObject({ Operation: 2, finished: true, progress: 100 });
      await c.ok('DELETE', '/api/2.0/files/folder/{folderId}', {
        params: { folderId: DEMO_FOLDERS.personalNotes },
        body: { deleteAfter: false, immediately: false },
      });
      const archived = await c.ok('PUT', '/api/2.0/files/rooms/{id}/archive', {
        params: { id: DEMO_ROOMS.sales.id },
        body: { deleteAfter: false },
      });
      expect(archived.json.response).toMatchObject({ Operation: 0, finished: true });
      await c.ok('PUT', '/api/2.0/files/rooms/{id}/unarchive', {
        params: { id: DEMO_ROOMS.sales.id },
        body: { deleteAfter: false },
      });
      const deleted = await c.ok('DELETE', '/api/2.0/files/rooms/{id}', {
        params: { id: DEMO_ROOMS.oldProjects.id },
        body: { deleteAfter: false },
      });
      expect(deleted.json.response).toMatchObject({ Operation: 2 });
      const emptied = await c.ok('PUT', '/api/2.0/files/fileops/emptytrash', { query: { single: true } });
      expect(emptied.json.response).toHaveLength(1);
    });

    it('errors: folder in the Rooms root (403), title too long (400), missing body (400)', async () => {
      expect(
        (
          await c.call('POST', '/api/2.0/files/folder/{folderId}', {
            params: { folderId: DEMO_SECTIONS.rooms.id },
            body: { title: 'x' },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await c.call('POST', '/api/2.0/files/folder/{folderId}', {
            params: { folderId: DEMO_SECTIONS.my.id },
            body: { title: 'x'.repeat(166) },
          })
        ).status,
      ).toBe(400);
      expect(
        (await c.call('DELETE', '/api/2.0/files/file/{fileId}', { params: { fileId: DEMO_FILES.q1Budget } })).status,
      ).toBe(400);
      expect(
        (await c.call('PUT', '/api/2.0/files/file/{fileId}', { params: { fileId: 999_999 }, body: { title: 'x' } }))
          .status,
      ).toBe(404);
    });
  },
  { tuning: { fileOperationItemMs: 0 } },
);

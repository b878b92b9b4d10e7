// Contract: browsing (sections, folder contents with filters/sorting/paging, folder/file info, path,
// version history, rooms with their filters) against the OpenAPI spec + wire exceptions.
import { expect, it } from 'vitest';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_PAGING_FOLDER, DEMO_ROOMS, DEMO_SECTIONS } from '../../../sandbox/server.ts';
import { contractSuite } from './harness.ts';

contractSuite('browse', (c) => {
  it('root sections', async () => {
    await c.ok('GET', '/api/2.0/files/@root');
    for (const s of ['@my', '@trash', '@favorites', 'recent', '@recent', '@share'])
      await c.ok('GET', `/api/2.0/files/${s}`);
  });

  it('folder contents with filters, sorting and paging', async () => {
    const folder = (query: Record<string, string | number | boolean>) =>
      c.ok('GET', '/api/2.0/files/{folderId}', { params: { folderId: DEMO_ROOMS.marketing.id }, query });
    await folder({});
    await folder({ filterType: 'DocumentsOnly' });
    await folder({ filterType: 2 });
    await folder({ filterValue: 'q1', withSubFolders: true });
    await folder({ extension: '.docx,.xlsx', withSubFolders: true, filterValue: 'a' });
    await folder({ sortBy: 'AZ', sortOrder: 'descending', startIndex: 2, count: 3 });
    const page = await c.ok('GET', '/api/2.0/files/{folderId}', {
      params: { folderId: DEMO_PAGING_FOLDER.id },
      query: { count: 5, startIndex: 10 },
    });
    expect(page.json.response).toMatchObject({ startIndex: 10, count: 5, total: 180 });
    await c.ok('GET', '/api/2.0/files/{folderId}', { params: { folderId: DEMO_SECTIONS.trash.id } });
  });

  it('folder, path, subfolders, file, history', async () => {
    await c.ok('GET', '/api/2.0/files/{folderId}/subfolders', { params: { folderId: DEMO_ROOMS.marketing.id } });
    await c.ok('GET', '/api/2.0/files/folder/{folderId}', { params: { folderId: DEMO_FOLDERS.q1 } });
    await c.ok('GET', '/api/2.0/files/folder/{folderId}/path', { params: { folderId: DEMO_FOLDERS.q1 } });
    await c.ok('GET', '/api/2.0/files/file/{fileId}', { params: { fileId: DEMO_FILES.q1LaunchPlan } });
    const history = await c.ok('GET', '/api/2.0/files/file/{fileId}/history', {
      params: { fileId: DEMO_FILES.q1LaunchPlan },
    });
    expect(history.json.response.map((f: { version: number }) => f.version)).toEqual([3, 2, 1]);
  });

  it('rooms with type, searchArea, tags, filterValue, sorting, paging', async () => {
    const rooms = (query: Record<string, string | number | ReadonlyArray<string | number>>) =>
      c.ok('GET', '/api/2.0/files/rooms', { query });
    await rooms({});
    expect((await rooms({ type: ['EditingRoom', 8] })).json.response.total).toBe(3);
    expect((await rooms({ searchArea: 1 })).json.response.folders.map((f: { id: number }) => f.id)).toEqual([
      DEMO_ROOMS.oldProjects.id,
    ]);
    await rooms({ searchArea: 'Any' });
    expect((await rooms({ tags: '["brand"]' })).json.response.total).toBe(2);
    await rooms({ filterValue: 'mark', sortBy: 'AZ', sortOrder: 'ascending', count: 2, startIndex: 0 });
    await c.ok('GET', '/api/2.0/files/rooms/{id}', { params: { id: DEMO_ROOMS.marketing.id } });
  });

  it('errors: unknown folder and file (404), bad count (400)', async () => {
    expect((await c.call('GET', '/api/2.0/files/{folderId}', { params: { folderId: 999999 } })).status).toBe(404);
    expect((await c.call('GET', '/api/2.0/files/file/{fileId}', { params: { fileId: 999999 } })).status).toBe(404);
    expect(
      (
        await c.call('GET', '/api/2.0/files/{folderId}', {
          params: { folderId: DEMO_ROOMS.marketing.id },
          query: { count: 500 },
        })
      ).status,
    ).toBe(400);
  });
});

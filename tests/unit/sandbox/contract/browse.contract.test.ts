import { it } from 'vitest';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_PAGING_FOLDER, DEMO_ROOMS } from '../../../sandbox/server.ts';
import { contractSuite } from './harness.ts';

contractSuite('browse', (c) => {
  it('root sections', async () => {
    await c.ok('GET', '/api/2.0/files/@root');
    for (const s of ['@my', '@trash', '@favorites', 'recent', '@recent', '@share']) await c.ok('GET', `/api/2.0/files/${s}`);
  });
  it('folder views', async () => {
    await c.ok('GET', '/api/2.0/files/{folderId}', { params: { folderId: DEMO_PAGING_FOLDER.id }, query: { count: 5 } });
    await c.ok('GET', '/api/2.0/files/{folderId}', { params: { folderId: DEMO_ROOMS.marketing.id } });
    await c.ok('GET', '/api/2.0/files/{folderId}/subfolders', { params: { folderId: DEMO_ROOMS.marketing.id } });
    await c.ok('GET', '/api/2.0/files/folder/{folderId}', { params: { folderId: DEMO_FOLDERS.q1 } });
    await c.ok('GET', '/api/2.0/files/folder/{folderId}/path', { params: { folderId: DEMO_FOLDERS.q1 } });
    await c.ok('GET', '/api/2.0/files/file/{fileId}', { params: { fileId: DEMO_FILES.q1LaunchPlan } });
    await c.ok('GET', '/api/2.0/files/rooms');
    await c.ok('GET', '/api/2.0/files/rooms/{id}', { params: { id: DEMO_ROOMS.marketing.id } });
  });
});

// Contract: create from content, conversion, versions, locks, history logs and previews against the
// OpenAPI spec + wire exceptions.
import { expect, it } from 'vitest';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_ROOMS, DEMO_SECTIONS } from '../../../sandbox/server.ts';
import { multipartBody } from '../multipart-client.ts';
import { contractSuite } from './harness.ts';

const MY = DEMO_SECTIONS.my.id;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

contractSuite(
  'content',
  (c) => {
    it('html and text files in a folder and in My documents', async () => {
      const body = { title: 'Notes', content: 'Hello' };
      await c.ok('POST', '/api/2.0/files/{folderId}/text', { params: { folderId: MY }, body });
      await c.ok('POST', '/api/2.0/files/{folderId}/html', { params: { folderId: DEMO_FOLDERS.q1 }, body });
      await c.ok('POST', '/api/2.0/files/@my/text', { body });
      await c.ok('POST', '/api/2.0/files/@my/html', { body: { ...body, createNewIfExist: true } });
      const blank = await c.call('POST', '/api/2.0/files/@my/text', { body: { title: ' ', content: 'x' } });
      expect(blank.status).toBe(400);
    });

    it('checkconversion: start, poll to the end; an unconvertible format is 400', async () => {
      const form = multipartBody([{ name: 'file', filename: 'Legacy.doc', data: Buffer.from('legacy') }]);
      const uploaded = await c.ok('POST', '/api/2.0/files/{folderId}/upload', {
        params: { folderId: MY },
        raw: form.body,
        contentType: form.contentType,
      });
      const fileId = uploaded.json.response[0].id;
      await c.ok('PUT', '/api/2.0/files/file/{fileId}/checkconversion', { params: { fileId }, body: {} });
      await c.ok('GET', '/api/2.0/files/file/{fileId}/checkconversion', { params: { fileId } });
      await sleep(80);
      const done = await c.ok('GET', '/api/2.0/files/file/{fileId}/checkconversion', { params: { fileId } });
      expect(done.json.response[0].progress).toBe(100);
      const refused = await c.call('PUT', '/api/2.0/files/file/{fileId}/checkconversion', {
        params: { fileId: DEMO_FILES.q1LaunchPlan },
        body: {},
      });
      expect(refused.status).toBe(400);
    });

    it('copyas and saveaspdf', async () => {
      await c.ok('POST', '/api/2.0/files/file/{fileId}/copyas', {
        params: { fileId: DEMO_FILES.q1Budget },
        body: { destTitle: 'Budget.pdf', destFolderId: MY },
      });
      await c.ok('POST', '/api/2.0/files/file/{id}/saveaspdf', {
        params: { id: DEMO_FILES.q1LaunchPlan },
        body: { folderId: MY, title: 'Plan' },
      });
    });
  },
  { tuning: { conversionMs: 50 } },
);

contractSuite('versions', (c) => {
  it('restore a version, lock and unlock, comment a version', async () => {
    const params = { fileId: DEMO_FILES.q1LaunchPlan };
    await c.ok('POST', '/api/2.0/files/file/{fileId}/restoreversion', { params, query: { version: 1 } });
    await c.ok('PUT', '/api/2.0/files/file/{fileId}/lock', { params, body: { lockFile: true } });
    await c.ok('PUT', '/api/2.0/files/file/{fileId}/lock', { params, body: { lockFile: false } });
    const comment = await c.ok('PUT', '/api/2.0/files/file/{fileId}/comment', {
      params,
      body: { version: 2, comment: 'Reviewed' },
    });
    expect(comment.json.response).toBe('Reviewed');
    const history = await c.ok('GET', '/api/2.0/files/file/{fileId}/history', { params });
    expect(history.json.response.find((v: { version: number }) => v.version === 2).comment).toBe('Reviewed');
  });

  it('file and room logs, presigned links, covers; fillresult without a session is refused', async () => {
    await c.ok('GET', '/api/2.0/files/file/{fileId}/log', { params: { fileId: DEMO_FILES.q1LaunchPlan } });
    await c.ok('GET', '/api/2.0/files/folder/{folderId}/log', {
      params: { folderId: DEMO_ROOMS.marketing.id },
      query: { count: 25 },
    });
    await c.ok('GET', '/api/2.0/files/file/{fileId}/presigned', { params: { fileId: DEMO_FILES.q1Budget } });
    await c.ok('GET', '/api/2.0/files/rooms/covers');
    const fill = await c.call('GET', '/api/2.0/files/file/fillresult', { query: { fillingSessionId: 'none' } });
    expect(fill.status).toBeGreaterThanOrEqual(400);
  });
});

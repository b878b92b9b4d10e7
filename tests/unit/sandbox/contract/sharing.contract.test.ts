// Contract: external links of files, folders and rooms, link lookup by key, presigned stream URL —
// against the OpenAPI spec + wire exceptions.
import { expect, it } from 'vitest';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_ROOMS } from '../../../sandbox/server.ts';
import { contractSuite } from './harness.ts';

contractSuite('sharing', (c) => {
  it('file links: primary (get-or-create), list with count+total, add, update, revoke', async () => {
    const primary = await c.ok('GET', '/api/2.0/files/file/{id}/link', { params: { id: DEMO_FILES.q1LaunchPlan } });
    expect(primary.json.response).toMatchObject({
      access: 2,
      subjectType: 4,
      sharedLink: { primary: true, linkType: 1, title: 'Shared link' },
    });
    const again = await c.ok('POST', '/api/2.0/files/file/{id}/link', {
      params: { id: DEMO_FILES.q1LaunchPlan },
      body: { access: 10 },
    });
    expect(again.json.response.sharedLink.id).toBe(primary.json.response.sharedLink.id);
    const extra = await c.ok('PUT', '/api/2.0/files/file/{id}/links', {
      params: { id: DEMO_FILES.q1LaunchPlan },
      body: { access: 6, title: 'Reviewers' },
    });
    expect(extra.json.response).toMatchObject({
      access: 6,
      subjectType: 1,
      sharedLink: { title: 'Reviewers', primary: false },
    });
    const list = await c.ok('GET', '/api/2.0/files/file/{id}/links', { params: { id: DEMO_FILES.q1LaunchPlan } });
    expect(list.json).toMatchObject({ count: 2, total: 2 });
    await c.ok('PUT', '/api/2.0/files/file/{id}/links', {
      params: { id: DEMO_FILES.q1LaunchPlan },
      body: { linkId: extra.json.response.sharedLink.id, access: 5 },
    });
    const revoked = await c.ok('PUT', '/api/2.0/files/file/{id}/links', {
      params: { id: DEMO_FILES.q1LaunchPlan },
      body: { linkId: extra.json.response.sharedLink.id, access: 0 },
    });
    expect(revoked.json.response).toBeUndefined();
    expect(
      (await c.ok('GET', '/api/2.0/files/file/{id}/links', { params: { id: DEMO_FILES.q1LaunchPlan } })).json.total,
    ).toBe(1);
  });

  it('folder and room links, lookup by key', async () => {
    await c.ok('GET', '/api/2.0/files/folder/{id}/link', { params: { id: DEMO_FOLDERS.q1 } });
    await c.ok('POST', '/api/2.0/files/folder/{id}/link', { params: { id: DEMO_FOLDERS.q1 }, body: {} });
    await c.ok('PUT', '/api/2.0/files/folder/{id}/links', {
      params: { id: DEMO_FOLDERS.q1 },
      body: { access: 2, title: 'Folder link 2' },
    });
    await c.ok('GET', '/api/2.0/files/folder/{id}/links', { params: { id: DEMO_FOLDERS.q1 } });
    const room = await c.ok('GET', '/api/2.0/files/rooms/{id}/link', { params: { id: DEMO_ROOMS.pressKit.id } });
    await c.ok('PUT', '/api/2.0/files/rooms/{id}/links', {
      params: { id: DEMO_ROOMS.pressKit.id },
      body: { access: 2, linkType: 1, title: 'Press' },
    });
    await c.ok('GET', '/api/2.0/files/rooms/{id}/links', {
      params: { id: DEMO_ROOMS.pressKit.id },
      query: { type: 1 },
    });
    const key = String(room.json.response.sharedLink.shareLink).split('/s/')[1];
    const share = await c.ok('GET', '/api/2.0/files/share/{key}', { params: { key: key ?? '' }, headers: null });
    expect(share.json.response).toMatchObject({
      status: 0,
      isRoom: true,
      entityTitle: 'Press kit',
      isAuthenticated: false,
    });
    const invalid = await c.ok('GET', '/api/2.0/files/share/{key}', { params: { key: 'nope' }, headers: null });
    expect(invalid.json.response.status).toBe(1);
  });

  it('presigned stream URL', async () => {
    const res = await c.ok('GET', '/api/2.0/files/file/{fileId}/presigneduri', {
      params: { fileId: DEMO_FILES.q1Budget },
    });
    expect(res.json.response).toMatch(/\/filehandler\.ashx\?action=stream&fileid=302&version=1&stream_auth=/);
  });

  it('errors: links of a trashed file (403), unknown file (404), room type without external links (403)', async () => {
    expect((await c.call('GET', '/api/2.0/files/file/{id}/link', { params: { id: DEMO_FILES.oldDraft } })).status).toBe(
      403,
    );
    expect((await c.call('GET', '/api/2.0/files/file/{id}/link', { params: { id: 999_999 } })).status).toBe(404);
    expect(
      (await c.call('GET', '/api/2.0/files/rooms/{id}/link', { params: { id: DEMO_ROOMS.marketing.id } })).status,
    ).toBe(403);
  });
});

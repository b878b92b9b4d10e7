// Writes as a client sees them afterwards: created entries in listings, rename rules, favourites and
// recent sections, room updates, pinning, tags.
import { describe, expect, it } from 'vitest';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_ROOMS, DEMO_SECTIONS } from '../../sandbox/server.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox({ tuning: { fileOperationItemMs: 0 } });
const MY = DEMO_SECTIONS.my.id;

describe('folders and documents', () => {
  it('a created folder and document show up in the listing; same names get "(1)"', async () => {
    const folder = await t.response('POST', `/api/2.0/files/folder/${MY}`, { body: { title: 'Projects' } });
    expect(folder).toMatchObject({
      title: 'Projects',
      parentId: MY,
      filesCount: 0,
      foldersCount: 0,
      rootFolderType: 5,
      fileEntryType: 1,
    });
    const doc = await t.response('POST', `/api/2.0/files/${folder.id}/file`, { body: { title: 'Plan' } });
    expect(doc).toMatchObject({ title: 'Plan.docx', fileExst: '.docx', version: 1, folderId: folder.id });
    const again = await t.response('POST', `/api/2.0/files/${folder.id}/file`, { body: { title: 'Plan.docx' } });
    expect(again.title).toBe('Plan (1).docx');
    const content = await t.response('GET', `/api/2.0/files/${folder.id}`);
    expect(content.files.map((f: { title: string }) => f.title).sort()).toEqual(['Plan (1).docx', 'Plan.docx']);
    expect(await t.response('GET', `/api/2.0/files/folder/${folder.id}`)).toMatchObject({ filesCount: 2 });
    // The new document is in Recent, like a file opened in the editor.
    const recent = await t.response('GET', '/api/2.0/files/@recent');
    expect(recent.files.map((f: { id: number }) => f.id)).toContain(doc.id);
  });

  it('rename: a title without the extension keeps the old one; folders rename freely', async () => {
    expect(
      await t.response('PUT', `/api/2.0/files/file/${DEMO_FILES.briefTemplate}`, { body: { title: 'Brief' } }),
    ).toMatchObject({ title: 'Brief.docx' });
    expect(
      await t.response('PUT', `/api/2.0/files/file/${DEMO_FILES.briefTemplate}`, { body: { title: 'Brief.txt' } }),
    ).toMatchObject({ title: 'Brief.txt.docx' });
    const renamed = await t.response('PUT', `/api/2.0/files/folder/${DEMO_FOLDERS.campaigns2026}`, {
      body: { title: 'Year 2026' },
    });
    expect(renamed).toMatchObject({ title: 'Year 2026', updatedBy: { id: t.sandbox.demo.userId } });
    const path = await t.response('GET', `/api/2.0/files/folder/${DEMO_FOLDERS.q1}/path`);
    expect(path.map((f: { title: string }) => f.title)).toEqual(['Rooms', 'Marketing', 'Campaigns', 'Year 2026', 'Q1']);
    expect(
      (await t.call('PUT', `/api/2.0/files/folder/${DEMO_SECTIONS.my.id}`, { body: { title: 'Mine' } })).status,
    ).toBe(403);
  });

  it('favourites and recent sections follow the marks', async () => {
    expect(
      await t.response('POST', '/api/2.0/files/favorites', {
        body: { fileIds: [DEMO_FILES.podcast], folderIds: [DEMO_FOLDERS.assets] },
      }),
    ).toBe(true);
    let fav = await t.response('GET', '/api/2.0/files/@favorites');
    expect(fav.files.map((f: { id: number }) => f.id)).toContain(DEMO_FILES.podcast);
    expect(fav.folders.map((f: { id: number }) => f.id)).toContain(DEMO_FOLDERS.assets);
    expect(await t.response('GET', `/api/2.0/files/file/${DEMO_FILES.podcast}`)).toMatchObject({
      isFavorite: true,
      fileStatus: 32,
    });
    await t.response('DELETE', `/api/2.0/files/favorites?fileIds=${DEMO_FILES.podcast}`);
    fav = await t.response('GET', '/api/2.0/files/@favorites');
    expect(fav.files.map((f: { id: number }) => f.id)).not.toContain(DEMO_FILES.podcast);

    await t.response('POST', `/api/2.0/files/file/${DEMO_FILES.podcast}/recent`);
    expect((await t.response('GET', '/api/2.0/files/recent')).files[0]).toMatchObject({
      id: DEMO_FILES.podcast,
      lastOpened: expect.any(String),
    });
    const removed = await t.call('DELETE', '/api/2.0/files/recent', { body: { fileIds: [DEMO_FILES.podcast] } });
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expect((await t.response('GET', '/api/2.0/files/recent')).files.map((f: { id: number }) => f.id)).not.toContain(
      DEMO_FILES.podcast,
    );
  });
});

describe('rooms', () => {
  it('a created room is listed by type; pinned rooms come first', async () => {
    const room = await t.response('POST', '/api/2.0/files/rooms', {
      body: { title: 'Zeta room', roomType: 'PublicRoom', tags: ['launch'] },
    });
    expect(room).toMatchObject({
      roomType: 6,
      type: 22,
      parentId: DEMO_SECTIONS.rooms.id,
      pinned: false,
      rootFolderType: 14,
      tags: ['launch'],
    });
    const publicRooms = await t.response('GET', '/api/2.0/files/rooms?type=PublicRoom');
    expect(publicRooms.folders.map((f: { title: string }) => f.title).sort()).toEqual(['Press kit', 'Zeta room']);
    await t.response('PUT', `/api/2.0/files/rooms/${room.id}/pin`);
    const all = await t.response('GET', '/api/2.0/files/rooms?sortBy=AZ');
    expect(all.folders.filter((f: { pinned: boolean }) => f.pinned).map((f: { title: string }) => f.title)).toEqual([
      'Marketing',
      'Zeta room',
    ]);
    expect(all.folders[0].pinned && all.folders[1].pinned).toBe(true);
    await t.response('PUT', `/api/2.0/files/rooms/${room.id}/unpin`);
  });

  it('update: title, colour, tags; archived rooms cannot be edited', async () => {
    const updated = await t.response('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.sales.id}`, {
      body: { title: 'Sales EMEA', color: 'aa00ff', tags: ['sales', 'emea'] },
    });
    expect(updated).toMatchObject({ title: 'Sales EMEA', logo: { color: 'AA00FF' }, tags: ['sales', 'emea'] });
    const byTag = await t.response('GET', `/api/2.0/files/rooms?tags=${encodeURIComponent('["emea"]')}`);
    expect(byTag.folders.map((f: { id: number }) => f.id)).toEqual([DEMO_ROOMS.sales.id]);
    const archived = await t.call('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.oldProjects.id}`, { body: { title: 'x' } });
    expect(archived.status).toBe(403);
    expect(archived.json.error.message).toBe('You cannot edit archived rooms');
  });

  it('tags: add and remove on a room; the catalogue keeps custom tags until deleted', async () => {
    const added = await t.response('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.design.id}/tags`, {
      body: { names: ['ux', 'ui'] },
    });
    expect(added.tags).toEqual(['ux', 'ui']);
    const removed = await t.response('DELETE', `/api/2.0/files/rooms/${DEMO_ROOMS.design.id}/tags`, {
      body: { names: ['UX'] },
    });
    expect(removed.tags).toEqual(['ui']);
    expect(await t.response('GET', '/api/2.0/files/tags?text=u')).toEqual(expect.arrayContaining(['ui', 'ux']));
    const res = await t.call('DELETE', '/api/2.0/files/tags', { body: { names: ['ui'] } });
    expect(res.json).toMatchObject({ count: 0, status: 0, statusCode: 200 });
    expect(res.json.response).toBeUndefined();
    expect(await t.response('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.design.id}`)).toMatchObject({ tags: [] });
    const after = await t.response('GET', '/api/2.0/files/tags?text=u');
    expect(after).toContain('ux');
    expect(after).not.toContain('ui');
  });
});

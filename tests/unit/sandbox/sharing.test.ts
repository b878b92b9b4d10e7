// Sharing links (create, update, revoke, the /s/{key} page, lookup by key), the presigned stream
// URL, and the error bodies of the write endpoints.
import { describe, expect, it } from 'vitest';
import {
  DEMO_FILES,
  DEMO_FOLDERS,
  DEMO_HOSTILE_TITLE,
  DEMO_ROOMS,
  DEMO_SECTIONS,
  DEMO_SHARE_LINKS,
} from '../../sandbox/server.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox({ tuning: { fileOperationItemMs: 0 } });

describe('external links', () => {
  it('a file link resolves to a page naming the file; revoking it makes the link 404', async () => {
    const link = await t.response('PUT', `/api/2.0/files/file/${DEMO_FILES.hostile}/links`, {
      body: { access: 2, title: 'For the press' },
    });
    const url: string = link.sharedLink.shareLink;
    expect(url).toMatch(new RegExp(`^${t.sandbox.url}/s/[\\w-]+$`));
    const page = await t.call('GET', url, { headers: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('&#60;img src=x onerror=alert(1)&#62;.docx');
    expect(page.text).not.toContain(DEMO_HOSTILE_TITLE);
    expect(page.text).toContain(`data-entry-id="${DEMO_FILES.hostile}"`);

    const key = url.split('/s/')[1];
    expect(await t.response('GET', `/api/2.0/files/share/${key}`, { headers: null })).toMatchObject({
      status: 0,
      title: DEMO_HOSTILE_TITLE,
      entityType: 2,
      isRoom: false,
    });
    expect(await t.response('GET', `/api/2.0/files/file/${DEMO_FILES.hostile}`)).toMatchObject({
      shared: true,
      sharedExternal: true,
      shareSettings: { ExternalLink: 1 },
    });

    await t.response('PUT', `/api/2.0/files/file/${DEMO_FILES.hostile}/links`, {
      body: { linkId: link.sharedLink.id, access: 0 },
    });
    expect((await t.call('GET', url, { headers: null })).status).toBe(404);
    expect((await t.response('GET', `/api/2.0/files/share/${key}`, { headers: null })).status).toBe(1);
  });

  it('update keeps the link id; expiration and password show in the DTO and the lookup', async () => {
    const created = await t.response('PUT', `/api/2.0/files/folder/${DEMO_FOLDERS.q1}/links`, { body: { access: 10 } });
    const id = created.sharedLink.id;
    const updated = await t.response('PUT', `/api/2.0/files/folder/${DEMO_FOLDERS.q1}/links`, {
      body: {
        linkId: id,
        access: 6,
        title: 'Renamed',
        expirationDate: '2020-01-01T00:00:00Z',
        password: 'secret',
        denyDownload: true,
      },
    });
    expect(updated).toMatchObject({
      access: 6,
      sharedLink: { id, title: 'Renamed', isExpired: true, password: 'secret', denyDownload: true },
    });
    expect(updated.sharedLink.expirationDate).toMatch(/^2020-01-01T03:00:00\.0000000\+03:00$/);
    const key = String(updated.sharedLink.shareLink).split('/s/')[1];
    expect((await t.response('GET', `/api/2.0/files/share/${key}`, { headers: null })).status).toBe(2);
    expect((await t.call('GET', updated.sharedLink.shareLink, { headers: null })).status).toBe(410);
  });

  it('paging of the links list: count = min(total - startIndex, count), total', async () => {
    for (let i = 0; i < 3; i++)
      await t.response('PUT', `/api/2.0/files/file/${DEMO_FILES.q1Budget}/links`, {
        body: { access: 2, title: `L${i}` },
      });
    const res = await t.call('GET', `/api/2.0/files/file/${DEMO_FILES.q1Budget}/links?startIndex=1&count=5`);
    expect(res.json).toMatchObject({ count: 2, total: 3 });
    expect(res.json.response.map((l: { sharedLink: { title: string } }) => l.sharedLink.title)).toEqual(['L1', 'L2']);
  });

  it('room links: access outside FileSecurity.AvailableRoomAccesses is refused with the role error', async () => {
    const primary = await t.response('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.pressKit.id}/link`);
    expect(primary).toMatchObject({ access: 2, subjectType: 4, sharedLink: { primary: true } });
    // Public rooms: external links take the file accesses (Editing included), not room roles.
    const editing = await t.response('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.pressKit.id}/links`, {
      body: { access: 10, linkType: 1, title: 'Editors' },
    });
    expect(editing).toMatchObject({ access: 10, subjectType: 1 });
    const manager = await t.call('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.pressKit.id}/links`, {
      body: { access: 9, linkType: 1 },
    });
    expect(manager.status).toBe(403);
    expect(manager.json.error).toMatchObject({
      message: 'The role is not available for this user type',
      type: 'System.InvalidOperationException',
      stack: null,
      hresult: 0,
    });
    const invitation = await t.response('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.marketing.id}/links`, {
      body: { access: 11, linkType: 0 },
    });
    expect(invitation).toMatchObject({ subjectType: 3, sharedLink: { linkType: 0, title: 'Invitation link' } });
    // An invitation link cannot make room managers; a collaboration room has no external links.
    expect(
      (
        await t.call('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.marketing.id}/links`, {
          body: { access: 9, linkType: 0 },
        })
      ).json.error.message,
    ).toBe('The role is not available for this user type');
    expect((await t.call('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.marketing.id}/link`)).json.error.message).toBe(
      'The role is not available for this user type',
    );
  });

  it('a given linkId is kept for a new link', async () => {
    const linkId = '0c0ffee0-1234-4abc-8def-0123456789ab';
    const created = await t.response('PUT', `/api/2.0/files/file/${DEMO_FILES.q1Budget}/links`, {
      body: { linkId, access: 2, title: 'Chosen id' },
    });
    expect(created.sharedLink).toMatchObject({ id: linkId, title: 'Chosen id' });
    const again = await t.response('PUT', `/api/2.0/files/file/${DEMO_FILES.q1Budget}/links`, {
      body: { linkId, access: 6 },
    });
    expect(again).toMatchObject({ access: 6, sharedLink: { id: linkId } });
  });
});

describe('seeded links', () => {
  it('the public and form-filling rooms have their primary links; new public rooms get one', async () => {
    const page = await t.call('GET', `/s/${DEMO_SHARE_LINKS.pressKit.key}`, { headers: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Press kit');
    const forms = await t.response('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.onboarding.id}/link`);
    expect(forms).toMatchObject({
      access: 7,
      sharedLink: { id: DEMO_SHARE_LINKS.onboarding.id, title: 'Link to fill out' },
    });
    const room = await t.response('POST', '/api/2.0/files/rooms', {
      body: { title: 'Open room', roomType: 'PublicRoom' },
    });
    const links = await t.call('GET', `/api/2.0/files/rooms/${room.id}/links`);
    expect(links.json).toMatchObject({ total: 1, response: [{ access: 2, subjectType: 4 }] });
  });
});

describe('presigned stream URL', () => {
  it('works without credentials; a tampered stream_auth is 403', async () => {
    const url: string = await t.response('GET', `/api/2.0/files/file/${DEMO_FILES.q1Budget}/presigneduri`);
    const res = await t.call('GET', url, { headers: null });
    expect(res.status).toBe(200);
    expect(res.bytes.length).toBe(31_744);
    expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(
      (await t.call('GET', url.replace(/stream_auth=[^&]+/, 'stream_auth=forged'), { headers: null })).status,
    ).toBe(403);
  });
});

describe('error bodies of writes', () => {
  it('404 for unknown entries, with the ItemNotFoundException body', async () => {
    const res = await t.call('PUT', '/api/2.0/files/folder/999999', { body: { title: 'x' } });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      error: {
        message: 'The required folder was not found',
        type: 'ASC.Common.Web.ItemNotFoundException',
        stack: null,
        hresult: 0,
      },
      status: 1,
      statusCode: 404,
    });
  });

  it('403 for a folder in the Rooms section, with the server message', async () => {
    const res = await t.call('POST', `/api/2.0/files/folder/${DEMO_SECTIONS.rooms.id}`, { body: { title: 'x' } });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({
      message: "You don't have enough permission to create",
      type: 'System.InvalidOperationException',
    });
  });

  it('400 validation bodies: title over 165 characters, room colour with "#", missing body, broken JSON', async () => {
    const long = await t.call('POST', `/api/2.0/files/folder/${DEMO_SECTIONS.my.id}`, {
      body: { title: 'x'.repeat(166) },
    });
    expect(long.status).toBe(400);
    expect(long.json).toMatchObject({
      status: 1,
      statusCode: 400,
      // Keyed after the [FromBody] member of CreateFolderRequestDto, as ASP.NET does: Folder.Title.
      response: {
        status: 400,
        errors: { 'Folder.Title': ['The field Title must be a string with a maximum length of 165.'] },
      },
    });
    const color = await t.call('POST', '/api/2.0/files/rooms', {
      body: { title: 'Red', roomType: 'CustomRoom', color: '#FF0000' },
    });
    expect(color.json.response.errors).toEqual({
      Color: ['The field Color must be a string with a maximum length of 6.'],
    });
    const empty = await t.call('DELETE', `/api/2.0/files/folder/${DEMO_FOLDERS.q1}`);
    expect(empty.json.response.errors).toEqual({ '': ['A non-empty request body is required.'] });
    const broken = await t.call('POST', '/api/2.0/files/rooms', { raw: '{"title":', contentType: 'application/json' });
    expect(broken.status).toBe(400);
    expect(Object.keys(broken.json.response.errors)).toContain('$');
  });

  it('room types by name or number; an unknown type is 400', async () => {
    expect(await t.response('POST', '/api/2.0/files/rooms', { body: { title: 'VDR', roomType: 8 } })).toMatchObject({
      roomType: 8,
      type: 29,
    });
    expect(
      await t.response('POST', '/api/2.0/files/rooms', { body: { title: 'Forms', roomType: 'FillingFormsRoom' } }),
    ).toMatchObject({ roomType: 1, type: 15 });
    expect(
      (await t.call('POST', '/api/2.0/files/rooms', { body: { title: 'Bad', roomType: 'MeetingRoom' } })).status,
    ).toBe(400);
  });
});

// The fidelity gaps of issue 8 (item 7): each answer as DocSpace 3.7 gives it, one test per gap.
import { describe, expect, it } from 'vitest';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_ROOMS, DEMO_SECTIONS } from '../../sandbox/server.ts';
import { SANDBOX_PEOPLE } from '../../sandbox/seed-people.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox({ tuning: { fileOperationItemMs: 0 } });
const MY = DEMO_SECTIONS.my.id;
const basic = (p: { email: string; password: string }) => ({
  Authorization: `Basic ${Buffer.from(`${p.email}:${p.password}`).toString('base64')}`,
});
const anonymous = { headers: null } as const;

describe('portal settings and information', () => {
  it('signed-in GET settings has deepLink, firebase, domainValidator, plugins, ownerId and no passwordHash', async () => {
    const signedIn = await t.response('GET', '/api/2.0/settings');
    expect(signedIn).toMatchObject({
      deepLink: { androidPackageName: '', url: '', iosPackageId: '' },
      firebase: expect.objectContaining({ apiKey: '' }),
      domainValidator: { minLength: 3, maxLength: 63 },
      plugins: { enabled: true },
      ownerId: expect.any(String),
    });
    expect(signedIn).not.toHaveProperty('passwordHash');
    expect(await t.response('GET', '/api/2.0/settings?withPassword=true')).toHaveProperty('passwordHash');
  });

  it('anonymous GET settings has deepLink and passwordHash but no ownerId, firebase or plugins', async () => {
    const anon = await t.response('GET', '/api/2.0/settings', anonymous);
    expect(anon).toHaveProperty('deepLink');
    expect(anon).toHaveProperty('passwordHash');
    for (const hidden of ['ownerId', 'firebase', 'domainValidator', 'plugins']) expect(anon).not.toHaveProperty(hidden);
  });

  it('GET portal carries region for an admin and only tenantId for a user', async () => {
    expect(await t.response('GET', '/api/2.0/portal')).toMatchObject({ region: 'us-east-1', tenantAlias: 'sandbox' });
    expect(await t.response('GET', '/api/2.0/portal', { headers: basic(SANDBOX_PEOPLE.user) })).toEqual({
      tenantId: expect.any(Number),
    });
  });
});

describe('error bodies', () => {
  it('404 bodies carry stack: null and hresult: 0 (file, folder, user, unknown route)', async () => {
    for (const path of [
      '/api/2.0/files/file/999999',
      '/api/2.0/files/folder/999999',
      '/api/2.0/people/00000000-0000-0000-0000-00000000dead',
      '/api/2.0/no/such/route',
    ]) {
      const res = await t.call('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.json.error, path).toMatchObject({ message: expect.any(String), stack: null, hresult: 0 });
    }
  });

  it('validation errors are keyed by the body DTO property (File.Title)', async () => {
    const res = await t.call('PUT', `/api/2.0/files/file/${DEMO_FILES.q1Budget}`, { body: { title: 'x'.repeat(200) } });
    expect(res.status).toBe(400);
    expect(res.json.response.errors).toEqual({
      'File.Title': ['The field Title must be a string with a maximum length of 165.'],
    });
  });
});

describe('renames', () => {
  it('a blank title on a file or room rename is 200 with the title unchanged', async () => {
    for (const title of ['', '   ']) {
      const file = await t.response('PUT', `/api/2.0/files/file/${DEMO_FILES.q1Budget}`, { body: { title } });
      expect(file.title).toBe('Q1 budget.xlsx');
      const room = await t.response('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.design.id}`, { body: { title } });
      expect(room.title).toBe(DEMO_ROOMS.design.title);
    }
  });

  it('lastVersion on a file update is checked: the current version is refused, a higher one is capped', async () => {
    const file = DEMO_FILES.q1LaunchPlan;
    const same = await t.call('PUT', `/api/2.0/files/file/${file}`, { body: { lastVersion: 3 } });
    expect(same.status).toBe(400);
    expect(same.json.error).toMatchObject({ message: 'The new version cannot be the same as the current one' });
    // UpdateToVersionFileAsync reads Math.Min(current, version): 99 stores the current one again.
    const capped = await t.response('PUT', `/api/2.0/files/file/${file}`, { body: { lastVersion: 99 } });
    expect(capped.version).toBe(4);
  });
});

describe('entry fields', () => {
  it('GET files/file/{id} says where the file is (originId/Title, originRoomId/Title)', async () => {
    const file = await t.response('GET', `/api/2.0/files/file/${DEMO_FILES.q1LaunchPlan}`);
    expect(file).toMatchObject({
      originId: DEMO_FOLDERS.q1,
      originTitle: 'Q1',
      originRoomId: DEMO_ROOMS.marketing.id,
      originRoomTitle: 'Marketing',
    });
  });

  it('search results outside the folder carry their origins; direct children do not', async () => {
    const page = await t.response(
      'GET',
      `/api/2.0/files/${DEMO_ROOMS.marketing.id}?filterValue=launch&withSubfolders=true`,
    );
    const hit = page.files.find((f: { id: number }) => f.id === DEMO_FILES.q1LaunchPlan);
    expect(hit).toMatchObject({ originId: DEMO_FOLDERS.q1, originRoomId: DEMO_ROOMS.marketing.id });
    const plain = await t.response('GET', `/api/2.0/files/${DEMO_FOLDERS.q1}`);
    expect(plain.files[0]).not.toHaveProperty('originId');
  });

  it('favourites carry the origins of each entry (a room file and a My documents file)', async () => {
    const favorites = await t.response('GET', '/api/2.0/files/@favorites');
    const byId = (id: number) => favorites.files.find((f: { id: number }) => f.id === id);
    expect(byId(DEMO_FILES.brandGuidelines)).toMatchObject({
      originRoomId: expect.any(Number),
      originRoomTitle: expect.any(String),
    });
    expect(byId(DEMO_FILES.budget2026)).toMatchObject({ originId: MY, originTitle: 'My documents' });
  });

  it('rooms carry ownedBy (the room owner)', async () => {
    const room = await t.response('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.marketing.id}`);
    expect(room.ownedBy).toMatchObject({ id: room.createdBy.id, displayName: expect.any(String) });
  });

  it('a virtual data room keeps its lifetime and watermark', async () => {
    const lifetime = { deletePermanently: true, period: 1, value: 3, enabled: true };
    const watermark = { additions: 1, text: 'Confidential', rotate: -45 };
    const room = await t.response('POST', '/api/2.0/files/rooms', {
      body: { title: 'Data room kept', roomType: 'VirtualDataRoom', lifetime, watermark },
    });
    const read = await t.response('GET', `/api/2.0/files/rooms/${room.id}`);
    expect(read.lifetime).toEqual(lifetime);
    expect(read.watermark).toMatchObject(watermark);
  });
});

describe('operations and validation', () => {
  it('rooms are duplicable through fileops/duplicate ("Title (1)" in Rooms)', async () => {
    await t.response('PUT', '/api/2.0/files/fileops/duplicate', { body: { folderIds: [DEMO_ROOMS.sales.id] } });
    const rooms = await t.response('GET', '/api/2.0/files/rooms?filterValue=Sales%20team');
    expect(rooms.folders.map((f: { title: string }) => f.title)).toContain('Sales team (1)');
  });

  it('upload/check: null titles are 400; an archived room is 403', async () => {
    const missing = await t.call('POST', `/api/2.0/files/${MY}/upload/check`, { body: {} });
    expect(missing.status).toBe(400);
    const archived = await t.call('POST', `/api/2.0/files/${DEMO_ROOMS.oldProjects.id}/upload/check`, {
      body: { filesTitle: ['a.txt'] },
    });
    expect(archived.status).toBe(403);
  });

  it('DELETE files/tags without names is 400', async () => {
    expect((await t.call('DELETE', '/api/2.0/files/tags', { body: {} })).status).toBe(400);
    expect((await t.call('DELETE', '/api/2.0/files/tags', { body: { names: ['nope'] } })).status).toBe(200);
  });

  it('API key names are required and at most 30 characters', async () => {
    const errors = async (name: unknown) => {
      const res = await t.call('POST', '/api/2.0/keys', { body: name === undefined ? {} : { name } });
      expect(res.status, String(name)).toBe(400);
      return res.json.response.errors;
    };
    expect(await errors(undefined)).toMatchObject({
      $: [expect.stringContaining("required properties including: 'name'")],
    });
    expect(await errors('')).toEqual({ Name: ['The Name field is required.'] });
    expect(await errors('k'.repeat(31))).toEqual({ Name: ['Incorrect name. Length must be less than 30'] });
    expect((await t.call('POST', '/api/2.0/keys', { body: { name: 'k'.repeat(30) } })).status).toBe(200);
  });
});

describe('anonymous and literal routes', () => {
  it('[AllowAnonymous] Files routes answer 403 (not 401) without credentials', async () => {
    for (const path of [`/api/2.0/files/${MY}`, `/api/2.0/files/file/${DEMO_FILES.q1Budget}`]) {
      const res = await t.call('GET', path, anonymous);
      expect(res.status, path).toBe(403);
      expect(res.json.error.stack).toBeNull();
    }
    expect(await t.response('GET', '/api/2.0/files/fileops', anonymous)).toEqual([]);
    expect((await t.call('GET', '/api/2.0/files/rooms', anonymous)).status).toBe(401);
  });

  it('files/file/fillresult, files/rooms/covers and people/email are not swallowed by {id} routes', async () => {
    const fill = await t.call('GET', '/api/2.0/files/file/fillresult?fillingSessionId=nope');
    // The literal route's own answer (an unknown filling session), not file "fillresult" not found.
    expect(fill.status).toBe(404);
    expect(fill.json.error).toMatchObject({ type: 'ASC.Common.Web.ItemNotFoundException', stack: null, hresult: 0 });
    const covers = await t.response('GET', '/api/2.0/files/rooms/covers');
    expect(covers[0]).toMatchObject({ id: expect.any(String), data: expect.any(String) });
    const person = await t.response('GET', `/api/2.0/people/email?email=${SANDBOX_PEOPLE.user.email}`);
    expect(person.id).toBe(SANDBOX_PEOPLE.user.userId);
  });
});

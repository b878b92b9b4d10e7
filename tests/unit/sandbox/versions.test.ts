// Versions, locks, history logs, previews and partial responses.
import { describe, expect, it } from 'vitest';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_ROOMS, DEMO_SECTIONS } from '../../sandbox/server.ts';
import { SANDBOX_PEOPLE } from '../../sandbox/seed-people.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox();
const basic = (p: { email: string; password: string }) => ({
  Authorization: `Basic ${Buffer.from(`${p.email}:${p.password}`).toString('base64')}`,
});

describe('versions', () => {
  it('the seeded "Q1 launch plan.docx" has the three versions it claims, by their authors', async () => {
    const history = await t.response('GET', `/api/2.0/files/file/${DEMO_FILES.q1LaunchPlan}/history`);
    expect(history.map((f: { version: number }) => f.version)).toEqual([3, 2, 1]);
    expect(history[1]).toMatchObject({ comment: 'Edited', updatedBy: { id: SANDBOX_PEOPLE.user.userId } });
    const v1 = await t.call('GET', `/filehandler.ashx?action=download&fileid=${DEMO_FILES.q1LaunchPlan}&version=1`, {
      headers: null,
    });
    expect(v1.bytes.length).toBe(41_872);
  });

  it('restoreversion stores version N again as a new version and answers the edit history', async () => {
    const file = DEMO_FILES.q1LaunchPlan;
    const res = await t.call('POST', `/api/2.0/files/file/${file}/restoreversion?version=1`);
    expect(res.status).toBe(200);
    expect(res.json.count).toBe(1);
    expect(res.json.response[0]).toMatchObject({ id: file, version: 4, user: { name: 'Demo User' } });
    const info = await t.response('GET', `/api/2.0/files/file/${file}`);
    expect(info).toMatchObject({ version: 4, pureContentLength: 41_872 });
    expect(info.comment).toMatch(/^Restored from the revision of \d+\/\d+\/\d{4} \d+:\d{2} [AP]M$/);
    const same = await t.call('POST', `/api/2.0/files/file/${file}/restoreversion?version=4`);
    expect(same.status).toBe(400);
    expect(same.json.error.message).toBe('The new version cannot be the same as the current one');
  });

  it('a rename with a blank title changes nothing (200); lastVersion restores a version', async () => {
    const file = DEMO_FILES.q1Kickoff;
    const blank = await t.response('PUT', `/api/2.0/files/file/${file}`, { body: { title: '   ' } });
    expect(blank.title).toBe('Q1 kickoff.pptx');
    await t.response('POST', `/api/2.0/files/${DEMO_FOLDERS.q1}/upload`, {
      raw: Buffer.concat([
        Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="Q1 kickoff.pptx"\r\n\r\n'),
        Buffer.from('second version'),
        Buffer.from('\r\n--b--\r\n'),
      ]),
      contentType: 'multipart/form-data; boundary=b',
    });
    const restored = await t.response('PUT', `/api/2.0/files/file/${file}`, { body: { title: '', lastVersion: 1 } });
    expect(restored).toMatchObject({ version: 3, pureContentLength: 2_457_600, title: 'Q1 kickoff.pptx' });
    const current = await t.call('PUT', `/api/2.0/files/file/${file}`, { body: { lastVersion: 3 } });
    expect(current.status).toBe(400);
  });
});

describe('locks', () => {
  it('lock: the locker edits, others are refused; unlock resets the comment', async () => {
    const file = DEMO_FILES.q1Budget; // Marketing: Irene is an editor there
    const locked = await t.response('PUT', `/api/2.0/files/file/${file}/lock`, { body: { lockFile: true } });
    expect(locked.locked).toBe(true);
    expect(locked.lockedBy).toBeUndefined(); // locked by the caller
    const irene = basic(SANDBOX_PEOPLE.user);
    const seen = await t.response('GET', `/api/2.0/files/file/${file}`, { headers: irene });
    expect(seen).toMatchObject({ locked: true, lockedBy: 'Demo User' });
    const rename = await t.call('PUT', `/api/2.0/files/file/${file}`, { headers: irene, body: { title: 'Mine.xlsx' } });
    expect(rename.status).toBe(403);
    expect(rename.json.error.message).toBe('The file is currently locked by another user');
    const unlocked = await t.response('PUT', `/api/2.0/files/file/${file}/lock`, { body: { lockFile: false } });
    expect(unlocked).toMatchObject({ comment: 'The file is unlocked' });
    expect(unlocked.locked).toBeUndefined();
    expect(
      (await t.call('PUT', `/api/2.0/files/file/${DEMO_FILES.oldDraft}/lock`, { body: { lockFile: true } })).status,
    ).toBe(403);
  });
});

describe('history logs', () => {
  it('a file log lists what was done to it, newest first, as HistoryDto', async () => {
    const folder = DEMO_FOLDERS.campaigns2026;
    const created = await t.response('POST', `/api/2.0/files/${folder}/file`, { body: { title: 'Log me.docx' } });
    await t.response('PUT', `/api/2.0/files/file/${created.id}`, { body: { title: 'Logged.docx' } });
    const res = await t.call('GET', `/api/2.0/files/file/${created.id}/log`);
    expect(res.json).toMatchObject({ count: 2, total: 2 });
    const [renamed, made] = res.json.response;
    expect(renamed).toMatchObject({
      action: { id: 5001, key: 'FileRenamed' },
      initiator: { displayName: 'Demo User' },
      data: { oldTitle: 'Log me.docx', newTitle: 'Logged.docx', parentId: folder, id: created.id },
    });
    expect(renamed.data.viewUrl).toContain(`fileid=${created.id}`);
    expect(made).toMatchObject({ action: { id: 5000, key: 'FileCreated' }, data: { title: 'Log me.docx' } });
    expect((await t.call('GET', '/api/2.0/files/file/abc/log')).status).toBe(404);
  });

  it('a room log includes what happened inside it and its members', async () => {
    const items: Array<{ action: { key: string }; data: unknown }> = [];
    for (let startIndex = 0; ; startIndex += 100) {
      const res = await t.call(
        'GET',
        `/api/2.0/files/folder/${DEMO_ROOMS.marketing.id}/log?count=100&startIndex=${startIndex}`,
      );
      expect(res.status).toBe(200);
      items.push(...res.json.response);
      if (startIndex + 100 >= res.json.total) break;
    }
    const keys = items.map((h) => h.action.key);
    expect(keys).toEqual(expect.arrayContaining(['RoomCreated', 'RoomCreateUser', 'FolderCreated', 'FileUploaded']));
    const member = items.find((h) => h.action.key === 'RoomCreateUser');
    expect(member?.data).toMatchObject({ access: expect.any(String), user: { id: expect.any(String) } });
    const seededVersions = await t.response('GET', `/api/2.0/files/file/${DEMO_FILES.q1LaunchPlan}/log`);
    const updates = seededVersions.filter((h: { action: { key: string } }) => h.action.key === 'UserFileUpdated');
    // Two seeded later versions, plus the restore of the test above.
    expect(updates).toHaveLength(3);
  });

  it('copies by one person into one folder in the same minute are one item with related ones', async () => {
    t.sandbox.tuning.fileOperationItemMs = 0;
    const target = await t.response('POST', `/api/2.0/files/folder/${DEMO_SECTIONS.my.id}`, {
      body: { title: 'Copies land here' },
    });
    await t.response('PUT', '/api/2.0/files/fileops/copy', {
      body: { fileIds: [DEMO_FILES.q1Budget, DEMO_FILES.campaignCalendar], destFolderId: target.id },
    });
    const res = await t.call('GET', `/api/2.0/files/folder/${target.id}/log`);
    const copies = res.json.response.filter((h: { action: { key: string } }) => h.action.key === 'FileCopied');
    expect(copies).toHaveLength(1);
    expect(copies[0].related).toHaveLength(1);
    expect(res.json.total).toBe(res.json.response.length + 1);
  });
});

describe('previews and links', () => {
  it('thumbnailUrl serves a real PNG for documents and images', async () => {
    for (const id of [DEMO_FILES.q1LaunchPlan, 330]) {
      const file = await t.response('GET', `/api/2.0/files/file/${id}`);
      const res = await t.call('GET', file.thumbnailUrl, { headers: null });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(res.bytes.readUInt32BE(16)).toBeGreaterThan(0); // IHDR width
    }
  });

  it('presigned: FileLink {filetype, url, token}; the url streams the file without credentials', async () => {
    const link = await t.response('GET', `/api/2.0/files/file/${DEMO_FILES.q1Budget}/presigned`);
    expect(link).toMatchObject({ filetype: 'xlsx', token: expect.stringMatching(/^eyJ/) });
    const res = await t.call('GET', link.url, { headers: null });
    expect(res.status).toBe(200);
    expect(res.bytes.length).toBe(31_744);
  });
});

describe('partial responses (fields=)', () => {
  it('prunes the response as DynamicIgnoreConverter does', async () => {
    const listing = await t.call('GET', `/api/2.0/files/${DEMO_FOLDERS.q1}?fields=files.id,files.title,total`);
    expect(Object.keys(listing.json.response).sort()).toEqual(['files', 'total']);
    expect(Object.keys(listing.json.response.files[0]).sort()).toEqual(['id', 'title']);
    expect(listing.json).toMatchObject({ count: 1, statusCode: 200 });
    const whole = await t.call('GET', `/api/2.0/files/${DEMO_FOLDERS.q1}?fields=files`);
    expect(whole.json.response.files[0].security).toBeDefined();
    const nested = await t.response(
      'GET',
      `/api/2.0/files/file/${DEMO_FILES.q1Budget}?fields=id,createdBy.displayName`,
    );
    expect(nested).toEqual({ id: DEMO_FILES.q1Budget, createdBy: { displayName: 'Demo User' } });
    const list = await t.response('GET', '/api/2.0/files/rooms?fields[]=folders.title&fields[]=total');
    expect(list.folders[0]).toEqual({ title: expect.any(String) });
    // A field that does not exist leaves an empty object; other envelopes are not touched.
    expect(await t.response('GET', `/api/2.0/files/file/${DEMO_FILES.q1Budget}?fields=nothing`)).toEqual({});
    expect((await t.response('GET', `/api/2.0/files/${DEMO_SECTIONS.my.id}?fields=Total`)) ?? {}).toEqual({});
  });
});

// Room members, invitations and sharing with people: who is listed, which roles each room type and
// user type allows, what members see, resend, and file sharing in My documents.
import { describe, expect, it } from 'vitest';
import { DEMO_FILES, DEMO_ROOMS, DEMO_USER_ID } from '../../sandbox/server.ts';
import { SANDBOX_GROUPS, SANDBOX_PEOPLE } from '../../sandbox/seed-people.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox();
const P = SANDBOX_PEOPLE;
const basic = (p: { email: string; password: string }) => ({
  Authorization: `Basic ${Buffer.from(`${p.email}:${p.password}`).toString('base64')}`,
});
const ROLE_ERROR = 'The role is not available for this user type';

describe('room members', () => {
  it('GET rooms/{id}/share: the owner first (ReadWrite, isOwner), then users and groups, with count and total', async () => {
    const res = await t.call('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.marketing.id}/share`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ count: 4, total: 4 });
    const [ownerAce, manager, editor, group] = res.json.response;
    expect(ownerAce).toMatchObject({ access: 1, isOwner: true, canEditAccess: false, subjectType: 0 });
    expect(ownerAce.sharedToUser.id).toBe(DEMO_USER_ID);
    expect(manager).toMatchObject({ access: 9, subjectType: 0, sharedToUser: { id: P.roomAdmin.userId } });
    expect(editor).toMatchObject({ access: 10, sharedToUser: { email: P.user.email, isCollaborator: true } });
    expect(group).toMatchObject({
      access: 11,
      subjectType: 2,
      sharedToGroup: { id: SANDBOX_GROUPS.marketing.id, name: 'Marketing team', manager: 'robert.stone' },
    });
    const groups = await t.call('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.marketing.id}/share?filterType=32`);
    expect(groups.json).toMatchObject({ total: 1, response: [{ subjectType: 2 }] });
    const byName = await t.call('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.marketing.id}/share?filterValue=irene`);
    expect(byName.json.response.map((s: { sharedToUser: { id: string } }) => s.sharedToUser.id)).toEqual([
      P.user.userId,
    ]);
    const links = await t.call('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.pressKit.id}/share?filterType=8`);
    expect(links.json.response).toEqual([expect.objectContaining({ subjectType: 4, sharedLink: expect.any(Object) })]);
  });

  it('PUT rooms/{id}/share adds, updates and removes members; roles follow the room type and the user type', async () => {
    const room = DEMO_ROOMS.design.id; // Custom room
    const added = await t.response('PUT', `/api/2.0/files/rooms/${room}/share`, {
      body: { invitations: [{ id: P.user.userId, access: 5 }], notify: false },
    });
    expect(added).toEqual({ members: [expect.objectContaining({ access: 5, subjectType: 0 })], error: 0 });
    const updated = await t.response('PUT', `/api/2.0/files/rooms/${room}/share`, {
      body: { invitations: [{ id: P.user.userId, access: 10 }] },
    });
    expect(updated.members[0].access).toBe(10);
    // A plain user cannot be a room manager; a public room has no Editing role; groups are never managers.
    const manager = await t.call('PUT', `/api/2.0/files/rooms/${room}/share`, {
      body: { invitations: [{ id: P.user.userId, access: 9 }] },
    });
    expect(manager.status).toBe(403);
    expect(manager.json.error).toMatchObject({ message: ROLE_ERROR, type: 'System.InvalidOperationException' });
    const publicEditing = await t.call('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.pressKit.id}/share`, {
      body: { invitations: [{ id: P.user.userId, access: 10 }] },
    });
    expect(publicEditing.json.error.message).toBe(ROLE_ERROR);
    const groupManager = await t.call('PUT', `/api/2.0/files/rooms/${room}/share`, {
      body: { invitations: [{ id: SANDBOX_GROUPS.legal.id, access: 9 }] },
    });
    expect(groupManager.json.error.message).toBe(ROLE_ERROR);
    expect(
      (
        await t.response('PUT', `/api/2.0/files/rooms/${room}/share`, {
          body: { invitations: [{ id: P.roomAdmin.userId, access: 9 }] },
        })
      ).members[0].access,
    ).toBe(9);
    const removed = await t.response('PUT', `/api/2.0/files/rooms/${room}/share`, {
      body: { invitations: [{ id: P.user.userId, access: 0 }] },
    });
    expect(removed).toEqual({ members: [], error: 0 });
    expect(await t.response('PUT', `/api/2.0/files/rooms/${room}/share`, { body: { invitations: [] } })).toEqual({
      error: 0,
    });
  });

  it('members see the rooms they are in, with their access; others get 404; only managers change members', async () => {
    const user = basic(P.user);
    const rooms = await t.response('GET', '/api/2.0/files/rooms', { headers: user });
    const ids = rooms.folders.map((f: { id: number }) => f.id).sort();
    expect(ids).toEqual([DEMO_ROOMS.marketing.id, DEMO_ROOMS.contracts.id, DEMO_ROOMS.sales.id].sort());
    expect(rooms.folders.find((f: { id: number }) => f.id === DEMO_ROOMS.contracts.id).access).toBe(2);
    // Sales: through the group membership.
    expect(rooms.folders.find((f: { id: number }) => f.id === DEMO_ROOMS.sales.id).access).toBe(10);
    expect((await t.call('GET', `/api/2.0/files/rooms/${DEMO_ROOMS.design.id}`, { headers: user })).status).toBe(404);
    expect((await t.call('GET', `/api/2.0/files/${DEMO_ROOMS.pressKit.id}`, { headers: user })).status).toBe(404);
    const denied = await t.call('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.marketing.id}/share`, {
      headers: user,
      body: { invitations: [{ id: P.guest.userId, access: 2 }] },
    });
    expect(denied.status).toBe(403);
    expect(denied.json.error.message).toBe('Access denied');
    // The room admin manages Marketing.
    const managed = await t.call('PUT', `/api/2.0/files/rooms/${DEMO_ROOMS.marketing.id}/share`, {
      headers: basic(P.roomAdmin),
      body: { invitations: [{ id: P.guest.userId, access: 2 }] },
    });
    expect(managed.status).toBe(200);
  });

  it('an e-mail invitation makes a pending guest; resend re-sends to pending members only', async () => {
    const room = DEMO_ROOMS.onboarding.id;
    const invited = await t.response('PUT', `/api/2.0/files/rooms/${room}/share`, {
      body: { invitations: [{ email: 'new.person@partner.example', access: 7 }] },
    });
    expect(invited.members[0]).toMatchObject({
      access: 7,
      sharedToUser: { email: 'new.person@partner.example', isVisitor: true, activationStatus: 2 },
    });
    const bad = await t.response('PUT', `/api/2.0/files/rooms/${room}/share`, {
      body: { invitations: [{ email: 'not-an-email', access: 7 }] },
    });
    expect(bad).toMatchObject({ members: [], warning: 'Incorrect email: not-an-email', error: 0 });
    const before = t.sandbox.store.historyEvents.length;
    const res = await t.call('POST', `/api/2.0/files/rooms/${room}/resend`, { body: { resendAll: true } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ count: 0, statusCode: 200 });
    expect(res.json.response).toBeUndefined();
    const events = t.sandbox.store.historyEvents.slice(before);
    expect(events.map((e) => e.action)).toEqual([5118]);
  });
});

describe('sharing files and folders with people', () => {
  it('a file in My documents: shared with a user, who then sees it in Shared with me with that access', async () => {
    const file = DEMO_FILES.budget2026;
    const shared = await t.call('PUT', `/api/2.0/files/file/${file}/share`, {
      body: { share: [{ shareTo: P.user.userId, access: 6 }], notify: false },
    });
    expect(shared.status).toBe(200);
    expect(shared.json.response).toEqual([expect.objectContaining({ access: 6, subjectType: 0 })]);
    const list = await t.call('GET', `/api/2.0/files/file/${file}/share`);
    expect(list.json).toMatchObject({ total: 2, response: [{ isOwner: true }, { access: 6 }] });
    const user = basic(P.user);
    const section = await t.response('GET', '/api/2.0/files/@share', { headers: user });
    expect(section.files.map((f: { id: number; access: number }) => [f.id, f.access])).toEqual([[file, 6]]);
    expect((await t.call('GET', `/api/2.0/files/file/${file}`, { headers: user })).status).toBe(200);
    // Room admins may not be given room roles on a file; files in rooms take no people at all.
    const role = await t.call('PUT', `/api/2.0/files/file/${file}/share`, {
      body: { share: [{ shareTo: P.user.userId, access: 9 }] },
    });
    expect(role.json.error.message).toBe(ROLE_ERROR);
    const inRoom = await t.call('PUT', `/api/2.0/files/file/${DEMO_FILES.q1Budget}/share`, {
      body: { share: [{ shareTo: P.user.userId, access: 2 }] },
    });
    expect(inRoom.json.error.message).toBe(ROLE_ERROR);
    // Guests may not read share lists (SecurityException before anything else).
    const guest = await t.call('GET', `/api/2.0/files/file/${file}/share`, { headers: basic(P.guest) });
    expect(guest.status).toBe(403);
    expect(guest.json.error.message).toBe('Access denied');
  });
});

// The people directory: profiles by id, user name and e-mail; filter, search and room lists; who may
// browse; EmployeeFullDto rules (isAdmin is false for the owner, groups, department).
import { describe, expect, it } from 'vitest';
import { DEMO_ROOMS, DEMO_USER_ID } from '../../sandbox/server.ts';
import { SANDBOX_GROUPS, SANDBOX_PEOPLE } from '../../sandbox/seed-people.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox();
const P = SANDBOX_PEOPLE;
const basic = (p: { email: string; password: string }) => ({
  Authorization: `Basic ${Buffer.from(`${p.email}:${p.password}`).toString('base64')}`,
});
const ids = (list: Array<{ id: string }>) => list.map((u) => u.id);

describe('profiles', () => {
  it('the owner is not "isAdmin" (isOwner instead); types map to isAdmin/isRoomAdmin/isCollaborator/isVisitor', async () => {
    expect(await t.response('GET', '/api/2.0/people/@self')).toMatchObject({ isOwner: true, isAdmin: false });
    expect(await t.response('GET', `/api/2.0/people/${P.tfaAdmin.userId}`)).toMatchObject({
      isAdmin: true,
      isOwner: false,
      groups: [{ id: SANDBOX_GROUPS.legal.id, name: 'Legal' }],
      department: 'Legal',
    });
    expect(await t.response('GET', `/api/2.0/people/${P.roomAdmin.userId}`)).toMatchObject({ isRoomAdmin: true });
    expect(await t.response('GET', `/api/2.0/people/${P.user.userId}`)).toMatchObject({ isCollaborator: true });
    expect(await t.response('GET', `/api/2.0/people/${P.guest.userId}`)).toMatchObject({
      isVisitor: true,
      hasPersonalFolder: false,
    });
  });

  it('by user name, by e-mail; unknown ones 404 with the error body', async () => {
    expect((await t.response('GET', '/api/2.0/people/irene.collins')).id).toBe(P.user.userId);
    expect((await t.response('GET', `/api/2.0/people/email?email=${P.user.email}`)).id).toBe(P.user.userId);
    const missing = await t.call('GET', '/api/2.0/people/email?email=nobody@docspace.sandbox');
    expect(missing.status).toBe(404);
    expect(missing.json.error).toEqual({
      message: 'The user could not be found',
      type: 'ASC.Common.Web.ItemNotFoundException',
      stack: null,
      hresult: 0,
    });
    expect((await t.call('GET', '/api/2.0/people/email')).status).toBe(400);
  });
});

describe('directory', () => {
  it('people/filter is not people/{id}: filters by type, status, group, text, with count and total', async () => {
    const all = await t.call('GET', '/api/2.0/people/filter');
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ count: 7, total: 7 });
    const guests = await t.call('GET', '/api/2.0/people/filter?employeeType=Guest');
    expect(ids(guests.json.response)).toEqual([P.guest.userId]);
    const admins = await t.call('GET', '/api/2.0/people/filter?isAdministrator=true');
    expect(ids(admins.json.response).sort()).toEqual([DEMO_USER_ID, P.tfaAdmin.userId].sort());
    const disabled = await t.call('GET', '/api/2.0/people/filter?employeeStatus=2');
    expect(ids(disabled.json.response)).toEqual([P.disabled.userId]);
    const pending = await t.call('GET', '/api/2.0/people/filter?activationStatus=2');
    expect(ids(pending.json.response)).toEqual([P.invited.userId]);
    const sales = await t.call('GET', `/api/2.0/people/filter?groupId=${SANDBOX_GROUPS.sales.id}`);
    expect(ids(sales.json.response).sort()).toEqual([P.user.userId, P.invited.userId].sort());
    const text = await t.call('GET', '/api/2.0/people/filter?filterValue=stone');
    expect(ids(text.json.response)).toEqual([P.roomAdmin.userId]);
    const paged = await t.call('GET', '/api/2.0/people/filter?count=2&startIndex=2&sortBy=firstname');
    expect(paged.json).toMatchObject({ count: 2, total: 7 });
    expect((await t.call('GET', '/api/2.0/people/filter?employeeType=Wizard')).status).toBe(400);
  });

  it('sorted by first name, active people first; descending on request', async () => {
    const asc = (await t.response('GET', '/api/2.0/people/filter')) as Array<{ firstName: string; status: number }>;
    const active = asc.filter((u) => u.status === 1).map((u) => u.firstName);
    expect(active.slice(0, 3)).toEqual(['Demo', 'Grace', 'Irene']);
    expect(asc.at(-1)?.firstName).toBe('Diana'); // disabled last
    const desc = (await t.response('GET', '/api/2.0/people/filter?sortOrder=1')) as Array<{ firstName: string }>;
    expect(desc[0]?.firstName).toBe('Tfa');
  });

  it('plain users and guests may not browse the directory or search (403)', async () => {
    for (const who of [P.user, P.guest]) {
      const res = await t.call('GET', '/api/2.0/people/filter', { headers: basic(who) });
      expect(res.status).toBe(403);
      expect(res.json.error.message).toBe('Access denied');
    }
    expect((await t.call('GET', '/api/2.0/people/search?query=a', { headers: basic(P.roomAdmin) })).status).toBe(403);
    // Room admins may browse.
    expect((await t.call('GET', '/api/2.0/people/filter', { headers: basic(P.roomAdmin) })).status).toBe(200);
  });

  it('people/search and people/@search/{query}: active users matching the query', async () => {
    const search = await t.call('GET', '/api/2.0/people/search?query=docspace.sandbox');
    expect(search.status).toBe(200);
    expect(ids(search.json.response)).not.toContain(P.disabled.userId);
    expect(ids(search.json.response)).toContain(P.user.userId);
    const path = await t.response('GET', '/api/2.0/people/@search/grace');
    expect(ids(path)).toEqual([P.guest.userId]);
  });

  it('people/room/{id}: everyone, with `shared` telling who has access', async () => {
    const res = await t.call('GET', `/api/2.0/people/room/${DEMO_ROOMS.marketing.id}`);
    expect(res.status).toBe(200);
    const shared = Object.fromEntries(
      (res.json.response as Array<{ id: string; shared: boolean }>).map((u) => [u.id, u.shared]),
    );
    expect(shared[P.roomAdmin.userId]).toBe(true);
    expect(shared[P.user.userId]).toBe(true);
    expect(shared[P.guest.userId]).toBe(false);
    const onlyShared = await t.call('GET', `/api/2.0/people/room/${DEMO_ROOMS.marketing.id}?includeShared=true`);
    expect((onlyShared.json.response as Array<{ shared: boolean }>).every((u) => u.shared)).toBe(true);
    const notShared = await t.call('GET', `/api/2.0/people/room/${DEMO_ROOMS.marketing.id}?excludeShared=true`);
    expect(ids(notShared.json.response)).toContain(P.guest.userId);
    expect(notShared.json.total).toBe(notShared.json.response.length);
  });
});

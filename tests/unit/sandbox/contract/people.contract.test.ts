// Contract: the people directory, profiles and active connections against the OpenAPI spec + wire
// exceptions.
import { expect, it } from 'vitest';
import { DEMO_ROOMS } from '../../../sandbox/server.ts';
import { SANDBOX_PEOPLE } from '../../../sandbox/seed-people.ts';
import { contractSuite } from './harness.ts';

contractSuite('people', (c) => {
  it('directory, searches, profiles', async () => {
    await c.ok('GET', '/api/2.0/people');
    const filter = await c.ok('GET', '/api/2.0/people/filter', { query: { employeeType: 'User', count: 5 } });
    expect(filter.json.total).toBeGreaterThan(0);
    await c.ok('GET', '/api/2.0/people/simple/filter');
    await c.ok('GET', '/api/2.0/people/search', { query: { query: 'irene' } });
    await c.ok('GET', '/api/2.0/people/@search/{query}', { params: { query: 'stone' } });
    await c.ok('GET', '/api/2.0/people/email', { query: { email: SANDBOX_PEOPLE.guest.email } });
    await c.ok('GET', '/api/2.0/people/room/{id}', { params: { id: DEMO_ROOMS.marketing.id } });
    await c.ok('GET', '/api/2.0/people/{userid}', { params: { userid: SANDBOX_PEOPLE.tfaAdmin.userId } });
    expect((await c.call('GET', '/api/2.0/people/{userid}', { params: { userid: 'nobody' } })).status).toBe(404);
  });

  it('active connections: list, end one, end all but this, end all of a user', async () => {
    const login = await c.ok('POST', '/api/2.0/authentication', {
      headers: null,
      body: { userName: SANDBOX_PEOPLE.roomAdmin.email, password: SANDBOX_PEOPLE.roomAdmin.password },
    });
    const cookie = { Cookie: `asc_auth_key=${login.json.response.token}` };
    const list = await c.ok('GET', '/api/2.0/security/activeconnections', { headers: cookie });
    await c.ok('PUT', '/api/2.0/security/activeconnections/logoutallexceptthis', { headers: cookie });
    await c.ok('PUT', '/api/2.0/security/activeconnections/logout/{loginEventId}', {
      params: { loginEventId: list.json.response.loginEvent },
      headers: cookie,
    });
    await c.ok('PUT', '/api/2.0/security/activeconnections/logoutall/{userId}', {
      params: { userId: SANDBOX_PEOPLE.roomAdmin.userId },
    });
  });
});

contractSuite('members', (c) => {
  it('room members: list, invite, resend', async () => {
    await c.ok('GET', '/api/2.0/files/rooms/{id}/share', { params: { id: DEMO_ROOMS.marketing.id } });
    await c.ok('GET', '/api/2.0/files/rooms/{id}/share', {
      params: { id: DEMO_ROOMS.pressKit.id },
      query: { filterType: 15 },
    });
    await c.ok('PUT', '/api/2.0/files/rooms/{id}/share', {
      params: { id: DEMO_ROOMS.design.id },
      body: {
        invitations: [
          { id: SANDBOX_PEOPLE.user.userId, access: 10 },
          { email: 'invitee@partner.example', access: 2 },
        ],
      },
    });
    await c.ok('POST', '/api/2.0/files/rooms/{id}/resend', {
      params: { id: DEMO_ROOMS.design.id },
      body: { resendAll: true },
    });
    const denied = await c.call('PUT', '/api/2.0/files/rooms/{id}/share', {
      params: { id: DEMO_ROOMS.design.id },
      body: { invitations: [{ id: SANDBOX_PEOPLE.user.userId, access: 9 }] },
    });
    expect(denied.status).toBe(403);
  });

  it('sharing a file and a folder of My documents with people', async () => {
    const my = await c.ok('GET', '/api/2.0/files/@my');
    const file = my.json.response.files[0];
    const folder = my.json.response.folders[0];
    await c.ok('PUT', '/api/2.0/files/file/{fileId}/share', {
      params: { fileId: file.id },
      body: { share: [{ shareTo: SANDBOX_PEOPLE.user.userId, access: 2 }] },
    });
    await c.ok('GET', '/api/2.0/files/file/{id}/share', { params: { id: file.id } });
    await c.ok('PUT', '/api/2.0/files/folder/{folderId}/share', {
      params: { folderId: folder.id },
      body: { share: [{ shareTo: SANDBOX_PEOPLE.roomAdmin.userId, access: 10 }] },
    });
    await c.ok('GET', '/api/2.0/files/folder/{id}/share', { params: { id: folder.id } });
  });
});

// Sign-in sessions as the server keeps them (issue 14 item 6): logout only ends the asc_auth_key
// cookie's connection; one connection is ended with security/activeconnections/logout/{id}; the
// current connection is known from the cookie only; an expired token is refused.
import { describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../../sandbox/server.ts';
import { SANDBOX_PEOPLE } from '../../sandbox/seed-people.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox();

async function signIn(email = DEMO_EMAIL, password = DEMO_PASSWORD, userAgent = 'vitest'): Promise<string> {
  const res = await t.call('POST', '/api/2.0/authentication', {
    headers: { 'User-Agent': userAgent },
    body: { userName: email, password },
  });
  expect(res.status).toBe(200);
  return res.json.response.token as string;
}

describe('active connections', () => {
  it('lists each sign-in; loginEvent and people/@self.loginEventId name the cookie connection', async () => {
    const first = await signIn(DEMO_EMAIL, DEMO_PASSWORD, 'Mozilla/5.0 (Windows NT 10.0) Chrome/120.0.0.0 Safari/537');
    const second = await signIn();
    const viaCookie = await t.response('GET', '/api/2.0/security/activeconnections', {
      headers: { Cookie: `asc_auth_key=${first}` },
    });
    expect(viaCookie.loginEvent).toBeGreaterThan(0);
    expect(viaCookie.items[0]).toMatchObject({ id: viaCookie.loginEvent, browser: 'Other', platform: 'Other' });
    const ids = viaCookie.items.map((i: { id: number }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(viaCookie.items.length).toBeGreaterThanOrEqual(2);
    const windows = viaCookie.items.find((i: { id: number }) => i.id === viaCookie.loginEvent);
    expect(windows).toMatchObject({ tenantId: 1, ip: expect.stringContaining('127.0.0.1') });

    const me = await t.response('GET', '/api/2.0/people/@self', { headers: { Cookie: `asc_auth_key=${first}` } });
    expect(me.loginEventId).toBe(viaCookie.loginEvent);
    // The server reads the current connection from the cookie only: a header token gets 0.
    const viaHeader = await t.response('GET', '/api/2.0/security/activeconnections', {
      headers: { Authorization: second },
    });
    expect(viaHeader.loginEvent).toBe(0);
    expect(
      (await t.response('GET', '/api/2.0/people/@self', { headers: { Authorization: second } })).loginEventId,
    ).toBe(0);
  });

  it('logout/{id} ends that connection and its token, nothing else; an unknown or ended one is false', async () => {
    const keep = await signIn();
    const end = await signIn();
    const list = await t.response('GET', '/api/2.0/security/activeconnections', {
      headers: { Cookie: `asc_auth_key=${end}` },
    });
    const endId: number = list.loginEvent;
    expect(await t.response('PUT', `/api/2.0/security/activeconnections/logout/${endId}`)).toBe(true);
    expect((await t.call('GET', '/api/2.0/people/@self', { headers: { Authorization: end } })).status).toBe(401);
    expect((await t.call('GET', '/api/2.0/people/@self', { headers: { Authorization: keep } })).status).toBe(200);
    expect(await t.response('PUT', `/api/2.0/security/activeconnections/logout/${endId}`)).toBe(false);
    expect(await t.response('PUT', '/api/2.0/security/activeconnections/logout/999999')).toBe(false);
    expect((await t.call('PUT', '/api/2.0/security/activeconnections/logout/abc')).status).toBe(404);
  });

  it("another user's connection: 403 for a plain user, allowed for a DocSpace admin", async () => {
    const adminToken = await signIn();
    const adminEvents = await t.response('GET', '/api/2.0/security/activeconnections', {
      headers: { Cookie: `asc_auth_key=${adminToken}` },
    });
    const userToken = await signIn(SANDBOX_PEOPLE.user.email, SANDBOX_PEOPLE.user.password);
    const denied = await t.call('PUT', `/api/2.0/security/activeconnections/logout/${adminEvents.loginEvent}`, {
      headers: { Authorization: userToken },
    });
    expect(denied.status).toBe(403);
    expect(denied.json.error).toMatchObject({ message: 'Access denied', stack: null, hresult: 0 });
    const userEvents = await t.response('GET', '/api/2.0/security/activeconnections', {
      headers: { Cookie: `asc_auth_key=${userToken}` },
    });
    expect(
      await t.response('PUT', `/api/2.0/security/activeconnections/logout/${userEvents.loginEvent}`, {
        headers: { Authorization: adminToken },
      }),
    ).toBe(true);
    expect((await t.call('GET', '/api/2.0/people/@self', { headers: { Authorization: userToken } })).status).toBe(401);
  });

  it('an expired session token is a 401 (tuning.sessionTokenLifetimeMs)', async () => {
    const saved = t.sandbox.tuning.sessionTokenLifetimeMs;
    t.sandbox.tuning.sessionTokenLifetimeMs = 150;
    try {
      const res = await t.call('POST', '/api/2.0/authentication', {
        body: { userName: DEMO_EMAIL, password: DEMO_PASSWORD },
        headers: null,
      });
      const token = res.json.response.token as string;
      expect(Date.parse(res.json.response.expires) - Date.now()).toBeLessThan(1000);
      expect((await t.call('GET', '/api/2.0/people/@self', { headers: { Authorization: token } })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const late = await t.call('GET', '/api/2.0/people/@self', { headers: { Authorization: token } });
      expect(late.status).toBe(401);
      expect(late.text).toBe('');
    } finally {
      t.sandbox.tuning.sessionTokenLifetimeMs = saved;
    }
  });

  it('a disabled user cannot sign in', async () => {
    const res = await t.call('POST', '/api/2.0/authentication', {
      headers: null,
      body: { userName: SANDBOX_PEOPLE.disabled.email, password: SANDBOX_PEOPLE.disabled.password },
    });
    expect(res.status).toBe(401);
  });
});

// Two-factor sign-in and the API key lifecycle (create → use → revoke/delete → 401).
import { describe, expect, it } from 'vitest';
import { DEMO_EXTRA_KEYS, TFA_USER } from '../../sandbox/server.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox();
const tfaLogin = { userName: TFA_USER.email, password: TFA_USER.password };

describe('two-factor sign-in', () => {
  it('the password step answers {tfa, confirmUrl} without a token or cookie', async () => {
    const res = await t.call('POST', '/api/2.0/authentication', { headers: null, body: tfaLogin });
    expect(res.status).toBe(200);
    expect(res.json.response).toEqual({
      sms: false,
      tfa: true,
      confirmUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/confirm\/TfaAuth\?type=TfaAuth&key=/),
    });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('the code step issues a working token; a wrong code or password is 401', async () => {
    const ok = await t.call('POST', `/api/2.0/authentication/${TFA_USER.code}`, {
      headers: null,
      body: { ...tfaLogin, code: TFA_USER.code },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.response).toMatchObject({ token: expect.any(String), sms: false, tfa: true });
    expect(ok.headers.get('set-cookie')).toContain('asc_auth_key=');
    const me = await t.response('GET', '/api/2.0/people/@self', { headers: { Authorization: ok.json.response.token } });
    expect(me).toMatchObject({ email: TFA_USER.email, tfaAppEnabled: true, isOwner: false });

    const codeInPathOnly = await t.call('POST', `/api/2.0/authentication/${TFA_USER.code}`, {
      headers: null,
      body: tfaLogin,
    });
    expect(codeInPathOnly.status).toBe(200);

    const badCode = await t.call('POST', '/api/2.0/authentication/654321', {
      headers: null,
      body: { ...tfaLogin, code: '654321' },
    });
    expect(badCode.status).toBe(401);
    expect(badCode.json).toEqual({
      error: { message: 'User authentication failed', type: null, stack: null, hresult: 0 },
      status: 1,
      statusCode: 401,
    });
    const badPassword = await t.call('POST', `/api/2.0/authentication/${TFA_USER.code}`, {
      headers: null,
      body: { ...tfaLogin, password: 'nope', code: TFA_USER.code },
    });
    expect(badPassword.status).toBe(401);
  });

  it('a user without a TFA app cannot use the code endpoint (401)', async () => {
    const res = await t.call('POST', `/api/2.0/authentication/${TFA_USER.code}`, {
      headers: null,
      body: { userName: t.sandbox.demo.email, password: t.sandbox.demo.password, code: TFA_USER.code },
    });
    expect(res.status).toBe(401);
  });

  it('Basic auth of the TFA user still works (no second factor on Basic), and its sections are its own', async () => {
    const basic = {
      Authorization: `Basic ${Buffer.from(`${TFA_USER.email}:${TFA_USER.password}`).toString('base64')}`,
    };
    const my = await t.response('GET', '/api/2.0/files/@my', { headers: basic });
    expect(my).toMatchObject({ total: 0, current: { title: 'My documents' } });
    expect((await t.call('GET', '/api/2.0/files/3', { headers: basic })).status).toBe(404);
  });
});

describe('API keys', () => {
  it('create → use → deactivate → 401 → reactivate → delete → 401', async () => {
    const created = await t.response('POST', '/api/2.0/keys', { body: { name: 'Lifecycle', permissions: ['*'] } });
    expect(created).toMatchObject({
      name: 'Lifecycle',
      permissions: [],
      isActive: true,
      keyPostfix: created.key.slice(-4),
    });
    expect(created.key).toMatch(/^sk-[0-9a-f]{64}$/);
    const auth = { Authorization: `Bearer ${created.key}` };
    expect((await t.call('GET', '/api/2.0/people/@self', { headers: auth })).status).toBe(200);

    const listed = await t.response('GET', '/api/2.0/keys');
    const mine = listed.find((k: { id: string }) => k.id === created.id);
    expect(mine).toMatchObject({ keyPostfix: created.key.slice(-4), lastUsed: expect.any(String) });
    expect(mine.key).toBeUndefined();
    expect(await t.response('GET', '/api/2.0/keys/@self', { headers: auth })).toMatchObject({ id: created.id });

    expect(await t.response('PUT', `/api/2.0/keys/${created.id}`, { body: { isActive: false } })).toBe(true);
    const refused = await t.call('GET', '/api/2.0/people/@self', { headers: auth });
    expect(refused.status).toBe(401);
    expect(refused.text).toBe('');
    expect(await t.response('PUT', `/api/2.0/keys/${created.id}`, { body: { isActive: true } })).toBe(true);
    expect((await t.call('GET', '/api/2.0/people/@self', { headers: auth })).status).toBe(200);

    expect(await t.response('DELETE', `/api/2.0/keys/${created.id}`)).toBe(true);
    expect((await t.call('GET', '/api/2.0/people/@self', { headers: auth })).status).toBe(401);
  });

  it('scoped and expiring keys; invalid permissions (400); the permission list', async () => {
    const scoped = await t.response('POST', '/api/2.0/keys', {
      body: { name: 'Read files', permissions: ['files:read'], expiresInDays: 1 },
    });
    expect(scoped.expiresAt).toEqual(expect.any(String));
    const auth = { Authorization: `Bearer ${scoped.key}` };
    expect((await t.call('GET', '/api/2.0/files/@my', { headers: auth })).status).toBe(200);
    expect((await t.call('POST', '/api/2.0/files/folder/3', { headers: auth, body: { title: 'x' } })).status).toBe(403);
    const bad = await t.call('POST', '/api/2.0/keys', { body: { name: 'Bad', permissions: ['files:delete'] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('Permissions are not valid.');
    expect(await t.response('GET', '/api/2.0/keys/permissions')).toContain('rooms:write');
    for (const key of [DEMO_EXTRA_KEYS.expired, DEMO_EXTRA_KEYS.revoked]) {
      expect(
        (await t.call('GET', '/api/2.0/people/@self', { headers: { Authorization: `Bearer ${key}` } })).status,
      ).toBe(401);
    }
  });
});

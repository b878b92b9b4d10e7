// Contract: portal and identity endpoints (capabilities, version, authentication incl. two-factor,
// portal, profile, API keys, files settings) against the OpenAPI spec + wire exceptions.
import { expect, it } from 'vitest';
import { TFA_USER } from '../../../sandbox/server.ts';
import { contractSuite } from './harness.ts';

contractSuite('portal', (c) => {
  it('anonymous portal checks', async () => {
    await c.ok('GET', '/api/2.0/capabilities', { headers: null });
    const build = await c.ok('GET', '/api/2.0/settings/version/build', { headers: null });
    expect(build.json.response.docSpace).toMatch(/^\d+\.\d+/);
    expect((await c.ok('GET', '/api/2.0/authentication', { headers: null })).json.response).toBe(false);
    expect((await c.ok('GET', '/api/2.0/authentication')).json.response).toBe(true);
  });

  it('password login, profile, portal, logout', async () => {
    const login = await c.ok('POST', '/api/2.0/authentication', {
      headers: null,
      body: { userName: c.sandbox.demo.email, password: c.sandbox.demo.password },
    });
    const token: string = login.json.response.token;
    expect(login.json.response).toMatchObject({ sms: false, tfa: false });
    await c.ok('GET', '/api/2.0/people/@self', { headers: { Authorization: token } });
    await c.ok('GET', '/api/2.0/portal', { headers: { Authorization: token } });
    await c.ok('POST', '/api/2.0/authentication/logout', { headers: { Authorization: token } });
  });

  it('two-factor login: {tfa, confirmUrl} without a token, then the code', async () => {
    const first = await c.ok('POST', '/api/2.0/authentication', {
      headers: null,
      body: { userName: TFA_USER.email, password: TFA_USER.password },
    });
    expect(first.json.response).toEqual({
      sms: false,
      tfa: true,
      confirmUrl: expect.stringContaining('/confirm/TfaAuth?'),
    });
    const second = await c.ok('POST', '/api/2.0/authentication/{code}', {
      params: { code: TFA_USER.code },
      headers: null,
      body: { userName: TFA_USER.email, password: TFA_USER.password, code: TFA_USER.code },
    });
    expect(second.json.response).toMatchObject({ tfa: true, token: expect.any(String) });
    const bad = await c.call('POST', '/api/2.0/authentication/{code}', {
      params: { code: '000000' },
      headers: null,
      body: { userName: TFA_USER.email, password: TFA_USER.password, code: '000000' },
    });
    expect(bad.status).toBe(401);
  });

  it('API keys: create, list, @self, permissions, update, delete', async () => {
    const created = await c.ok('POST', '/api/2.0/keys', {
      body: { name: 'Contract key', permissions: ['files:read'], expiresInDays: 30 },
    });
    const key = created.json.response;
    expect(key.key).toMatch(/^sk-[0-9a-f]{64}$/);
    await c.ok('GET', '/api/2.0/keys');
    await c.ok('GET', '/api/2.0/keys/permissions');
    await c.ok('GET', '/api/2.0/keys/@self');
    await c.ok('PUT', '/api/2.0/keys/{keyId}', {
      params: { keyId: key.id },
      body: { name: 'Renamed', isActive: false },
    });
    await c.ok('DELETE', '/api/2.0/keys/{keyId}', { params: { keyId: key.id } });
  });

  it('files settings', async () => {
    const res = await c.ok('GET', '/api/2.0/files/settings');
    expect(res.json.response).toMatchObject({
      chunkUploadSize: 10_485_760,
      maxUploadThreadCount: 15,
      recentSection: true,
      favoritesSection: true,
    });
  });

  it('error bodies validate against the error envelope', async () => {
    const res = await c.call('POST', '/api/2.0/authentication', {
      headers: null,
      body: { userName: c.sandbox.demo.email, password: 'wrong' },
    });
    expect(res.status).toBe(401);
    expect(c.validatedErrors.has('POST /api/2.0/authentication')).toBe(true);
  });
});

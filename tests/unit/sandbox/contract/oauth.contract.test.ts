// Contract: the OAuth client registry, scopes and the token endpoint against the OpenAPI documents
// (api-docs.json, and oauth.json for /oauth2/*) + wire exceptions.
import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { contractSuite } from './harness.ts';

const REDIRECT = 'https://sandbox-contract.example/cb';
const CLIENT = {
  name: 'Contract client',
  description: 'for the contract tests',
  logo: 'data:image/png;base64,iVBORw0KGgo=',
  website_url: 'https://example.com',
  terms_url: 'https://example.com/terms',
  policy_url: 'https://example.com/policy',
  logout_redirect_uri: 'https://example.com/bye',
  redirect_uris: [REDIRECT],
  allowed_origins: ['https://example.com'],
  scopes: ['files:read'],
  allow_pkce: true,
};

contractSuite('oauth', (c) => {
  it('client lifecycle and scopes', async () => {
    const created = await c.ok('POST', '/api/2.0/clients', { body: CLIENT }, 201);
    const clientId: string = created.json.client_id;
    await c.ok('GET', '/api/2.0/clients', { query: { limit: 10 } });
    await c.ok('GET', '/api/2.0/clients/{clientId}', { params: { clientId } });
    await c.ok('GET', '/api/2.0/clients/{clientId}/info', { params: { clientId } });
    await c.ok('GET', '/api/2.0/clients/{clientId}/public/info', { params: { clientId }, headers: null });
    await c.ok('PUT', '/api/2.0/clients/{clientId}', { params: { clientId }, body: { name: 'Renamed client' } });
    await c.ok('PATCH', '/api/2.0/clients/{clientId}/regenerate', { params: { clientId } });
    await c.ok('PATCH', '/api/2.0/clients/{clientId}/activation', { params: { clientId }, body: { status: true } });
    await c.ok('DELETE', '/api/2.0/clients/{clientId}/revoke', { params: { clientId } });
    await c.ok('GET', '/api/2.0/scopes');
    const bad = await c.call('POST', '/api/2.0/clients', { body: { ...CLIENT, scopes: ['nope'] } });
    expect(bad.status).toBe(400);
    expect(c.validatedErrors.has('POST /api/2.0/clients')).toBe(true);
    expect((await c.call('GET', '/api/2.0/clients/{clientId}', { params: { clientId: 'missing' } })).status).toBe(404);
    await c.ok('DELETE', '/api/2.0/clients/{clientId}', { params: { clientId } });
  });

  it('token endpoint: code with PKCE', async () => {
    const created = await c.ok('POST', '/api/2.0/clients', { body: CLIENT }, 201);
    const clientId: string = created.json.client_id;
    const verifier = randomBytes(48).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorize = new URL(`${c.sandbox.url}/oauth2/authorize`);
    for (const [k, v] of Object.entries({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope: 'files:read',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }))
      authorize.searchParams.set(k, v);
    // A signed-in caller with consent given: straight to the redirect with a code.
    c.sandbox.store.oauthConsents.set(`${clientId}:${c.sandbox.demo.userId}`, {
      clientId,
      userId: c.sandbox.demo.userId,
      scopes: ['files:read'],
      modifiedOn: new Date(),
    });
    const res = await fetch(authorize, { redirect: 'manual', headers: c.apiKeyHeaders });
    const code = new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: clientId,
      code_verifier: verifier,
    });
    const token = await c.ok('POST', '/oauth2/token', {
      raw: body.toString(),
      contentType: 'application/x-www-form-urlencoded',
      headers: {},
    });
    expect(token.json).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
  });
});

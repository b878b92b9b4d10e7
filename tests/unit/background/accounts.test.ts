// Several accounts, sign-out against removal, how an API key is described, two-factor sign-in, credentials kept
// for the browser session only, and OAuth with PKCE and refresh: the background's real handlers against the sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OAUTH_SCOPES } from '../../../src/sessions/oauth.ts';
import { credentialsItem, sessionCredentialsItem } from '../../../src/storage/schema.ts';
import { memoryAreas } from '../../../src/storage/storage-area.ts';
import { TFA_USER } from '../../sandbox/demo-account.ts';
import { DEMO_EXTRA_KEYS } from '../../sandbox/seed-demo-catalog.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { fakePlatform, OAUTH_REDIRECT } from './fake-platform.ts';
import { sandboxLog, send, signInWithKey, startBackground, waitFor, type Sandbox } from './harness.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  await fetch(`${sandbox.url}/__sandbox/tuning`, { method: 'POST', body: JSON.stringify({ reset: true }) });
});

async function createKey(permissions: string[]): Promise<string> {
  const response = await fetch(`${sandbox.url}/api/2.0/keys`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandbox.demo.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Reader', permissions }),
  });
  return ((await response.json()) as { response: { key: string } }).response.key;
}

describe('accounts in the background', () => {
  it('signing out keeps the account (signed out), deletes its credentials, and a new sign-in brings it back in place', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const first = await signInWithKey(background, sandbox);
    const second = await send(background, 'signIn', {
      url: sandbox.url,
      method: 'password',
      email: TFA_USER.email,
      password: TFA_USER.password,
      code: TFA_USER.code,
    });
    await send(background, 'renamePortal', { portalId: first.id, label: 'Work' });
    let state = await send(background, 'signOut', { portalId: first.id });
    expect(state.portals.map((p) => [p.id, p.status, p.label])).toEqual([
      [first.id, 'signedOut', 'Work'],
      [second.id, 'signedIn', undefined],
    ]);
    expect(await background.storage.get(credentialsItem, first.id)).toBeNull();
    await expect(send(background, 'listRooms', { portalId: first.id })).rejects.toMatchObject({ key: 'signInAgain' });
    expect(fake.removedOrigins).toEqual([]);

    await signInWithKey(background, sandbox);
    state = await send(background, 'getState', {});
    expect(state.portals.map((p) => [p.id, p.status, p.label])).toEqual([
      [first.id, 'signedIn', 'Work'],
      [second.id, 'signedIn', undefined],
    ]);
    expect((await send(background, 'listRooms', { portalId: first.id })).entries.length).toBeGreaterThan(0);
  });

  it('renames, reorders and switches accounts; removing one keeps the site access another account there needs', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const a = await signInWithKey(background, sandbox);
    const b = await send(background, 'signIn', {
      url: sandbox.url,
      method: 'password',
      email: TFA_USER.email,
      password: TFA_USER.password,
      code: TFA_USER.code,
    });
    let state = await send(background, 'movePortal', { portalId: b.id, by: -1 });
    expect(state.portals.map((p) => p.id)).toEqual([b.id, a.id]);
    state = await send(background, 'movePortal', { portalId: b.id, by: -1 });
    expect(state.portals.map((p) => p.id)).toEqual([b.id, a.id]);
    state = await send(background, 'setActivePortal', { portalId: a.id });
    expect(state.activePortalId).toBe(a.id);
    state = await send(background, 'renamePortal', { portalId: a.id, label: '  Personal  ' });
    expect(state.portals.find((p) => p.id === a.id)?.label).toBe('Personal');
    state = await send(background, 'renamePortal', { portalId: a.id, label: '' });
    expect(state.portals.find((p) => p.id === a.id)?.label).toBeUndefined();
    expect(await send(background, 'removalImpact', { portalId: a.id })).toEqual({ runningJobs: 0, sharesOrigin: true });
    state = await send(background, 'removePortal', { portalId: a.id });
    expect(state.portals.map((p) => p.id)).toEqual([b.id]);
    expect(state.activePortalId).toBe(b.id);
    expect(fake.removedOrigins).toEqual([]);
    await send(background, 'removePortal', { portalId: b.id });
    expect(fake.removedOrigins).toEqual([sandbox.url]);
  });

  it('describes the API key: its name and permissions; a read-only key signs in with every write off', async () => {
    const background = startBackground(fakePlatform());
    const full = await signInWithKey(background, sandbox);
    expect(full.keyInfo).toMatchObject({ name: 'Demo key', scopes: [] });
    expect(full.readOnly).toBe(false);

    const reader = await send(background, 'signIn', {
      url: sandbox.url,
      method: 'apiKey',
      apiKey: await createKey(['*:read']),
    });
    expect(reader).toMatchObject({ keyInfo: { name: 'Reader', scopes: ['*:read'] }, readOnly: true });
    const rooms = await send(background, 'listRooms', { portalId: reader.id });
    expect(rooms.readOnly).toBe(true);
    expect(rooms.entries.length).toBeGreaterThan(0);
    expect(rooms.entries.every((e) => !e.can.rename && !e.can.delete && !e.can.move && !e.can.create)).toBe(true);
    // A write asked for anyway (an older page, a job) is refused with the reason, and the portal never sees it.
    const writes = async () => (await sandboxLog(sandbox)).filter((e) => e.method !== 'GET').length;
    const before = await writes();
    await expect(
      send(background, 'renameEntry', { portalId: reader.id, entry: { kind: 'folder', id: 206 }, title: 'X' }),
    ).rejects.toMatchObject({ key: 'readOnlyAccount' });
    expect(await writes()).toBe(before);
  });

  it('a key that cannot even read its owner says which permissions it has and needs, and stores nothing', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    await expect(
      send(background, 'signIn', { url: sandbox.url, method: 'apiKey', apiKey: DEMO_EXTRA_KEYS.filesReadOnly }),
    ).rejects.toMatchObject({ key: 'apiKeyScopeTooNarrow', params: ['Files read-only', 'files:read'] });
    expect((await send(background, 'getState', {})).portals).toEqual([]);
  });

  it('an empty key and a malformed one are caught before the portal sees them', async () => {
    const background = startBackground(fakePlatform());
    const writes = async () => (await sandboxLog(sandbox)).filter((e) => e.method !== 'GET').length;
    const before = await writes();
    await expect(
      send(background, 'signIn', { url: sandbox.url, method: 'apiKey', apiKey: '  ' }),
    ).rejects.toMatchObject({ key: 'apiKeyEmpty' });
    await expect(
      send(background, 'signIn', { url: sandbox.url, method: 'apiKey', apiKey: 'sk-xyz' }),
    ).rejects.toMatchObject({ key: 'apiKeyMalformed' });
    expect((await sandboxLog(sandbox)).length).toBe(before);
  });

  it('two-factor: the portal asks for the code, a wrong one is refused, the right one signs in', async () => {
    const background = startBackground(fakePlatform());
    const request = {
      url: sandbox.url,
      method: 'password' as const,
      email: TFA_USER.email,
      password: TFA_USER.password,
    };
    await expect(send(background, 'signIn', request)).rejects.toMatchObject({ key: 'twoFactorRequired' });
    await expect(send(background, 'signIn', { ...request, code: '000000' })).rejects.toMatchObject({
      key: 'twoFactorCodeRejected',
    });
    const portal = await send(background, 'signIn', { ...request, code: ` ${TFA_USER.code} ` });
    expect(portal).toMatchObject({ status: 'signedIn', authMethod: 'password', user: { email: TFA_USER.email } });
  });

  it('credentials kept until the browser closes live in session storage; after a restart the account asks to sign in', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await send(background, 'signIn', {
      url: sandbox.url,
      method: 'apiKey',
      apiKey: sandbox.demo.apiKey,
      remember: false,
    });
    expect(portal.remember).toBe(false);
    expect(await background.storage.get(credentialsItem, portal.id)).toBeNull();
    expect(await background.storage.get(sessionCredentialsItem, portal.id)).toMatchObject({ kind: 'apiKey' });
    expect((await send(background, 'listRooms', { portalId: portal.id })).entries.length).toBeGreaterThan(0);

    // The browser restarts: local and IndexedDB stay, session storage is empty.
    const restarted = fakePlatform({ areas: { ...fake.areas, session: memoryAreas().session } });
    const next = startBackground(restarted);
    const state = await send(next, 'getState', {});
    expect(state.portals.map((p) => p.status)).toEqual(['signInRequired']);
  });

  describe('OAuth 2.0 with PKCE', () => {
    async function registerApp(): Promise<{ client_id: string; client_secret: string }> {
      const response = await fetch(`${sandbox.url}/api/2.0/clients`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sandbox.demo.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: 'Power Tools',
          logo: 'data:image/png;base64,iVBORw0KGgo=',
          website_url: 'https://example.com',
          terms_url: 'https://example.com/terms',
          policy_url: 'https://example.com/policy',
          redirect_uris: [OAUTH_REDIRECT],
          allowed_origins: ['https://example.com'],
          logout_redirect_uri: 'https://example.com',
          scopes: [...OAUTH_SCOPES],
          allow_pkce: true,
        }),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { client_id: string; client_secret: string };
    }

    /** The browser window: signed in to the portal, it shows the consent page, the user allows every scope. */
    async function consentInBrowser(authorizeUrl: string, allow = true): Promise<string> {
      const login = await fetch(`${sandbox.url}/api/2.0/authentication`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userName: sandbox.demo.email, password: sandbox.demo.password }),
      });
      const token = ((await login.json()) as { response: { token: string } }).response.token;
      const headers = { Cookie: `asc_auth_key=${token}`, 'X-Disable-Redirect': 'true' };
      const consent = new URL((await fetch(authorizeUrl, { headers })).headers.get('X-Redirect-URI')!);
      const form = new URLSearchParams({
        client_id: consent.searchParams.get('client_id')!,
        state: consent.searchParams.get('state')!,
        scope: allow ? OAUTH_SCOPES.join(' ') : '',
      });
      const answer = await fetch(`${sandbox.url}/oauth2/authorize`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      return answer.headers.get('X-Redirect-URI')!;
    }

    it('signs in through the consent page, and renews the access token with the refresh token before it expires', async () => {
      await fetch(`${sandbox.url}/__sandbox/tuning`, {
        method: 'POST',
        body: JSON.stringify({ oauthAccessTokenTtlMs: 7_000, oauthClockSkewMs: 0 }),
      });
      const app = await registerApp();
      const seen: string[] = [];
      const fake = fakePlatform({
        authorize: (url) => {
          seen.push(url);
          return consentInBrowser(url);
        },
      });
      const background = startBackground(fake);
      const portal = await send(background, 'signIn', {
        url: sandbox.url,
        method: 'oauth',
        clientId: app.client_id,
        clientSecret: app.client_secret,
      });
      expect(portal).toMatchObject({ authMethod: 'oauth', status: 'signedIn', readOnly: false });
      const asked = new URL(seen[0]!);
      expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
      expect(asked.searchParams.get('redirect_uri')).toBe(OAUTH_REDIRECT);
      const stored = await background.storage.get(credentialsItem, portal.id);
      expect(stored).toMatchObject({ kind: 'oauth', clientId: app.client_id });
      const firstToken = stored?.kind === 'oauth' ? stored.accessToken : '';

      await send(background, 'listRooms', { portalId: portal.id });
      // Inside the last seconds of its life the token is renewed before the next request goes out.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await send(background, 'listFolder', { portalId: portal.id, folderId: 206 });
      const renewed = await background.storage.get(credentialsItem, portal.id);
      expect(renewed?.kind === 'oauth' && renewed.accessToken).not.toBe(firstToken);
      const refreshes = (await sandboxLog(sandbox)).filter((e) => e.path === '/oauth2/token');
      expect(refreshes.map((e) => e.status)).toEqual([200, 200]);
      expect((await send(background, 'getState', {})).portals[0]?.status).toBe('signedIn');

      // Signing out revokes the grant: neither token works any more.
      const last = await background.storage.get(credentialsItem, portal.id);
      await send(background, 'signOut', { portalId: portal.id });
      expect((await sandboxLog(sandbox)).filter((e) => e.path === '/oauth2/revoke').map((e) => e.status)).toEqual([
        200,
      ]);
      const self = await fetch(`${sandbox.url}/api/2.0/people/@self`, {
        headers: { Authorization: `Bearer ${last?.kind === 'oauth' ? last.accessToken : ''}` },
      });
      expect(self.status).toBe(401);
    });

    it('a PKCE-only app gets no refresh token: once the token expires the account asks to sign in again', async () => {
      await fetch(`${sandbox.url}/__sandbox/tuning`, {
        method: 'POST',
        body: JSON.stringify({ oauthAccessTokenTtlMs: 1_000, oauthClockSkewMs: 0 }),
      });
      const app = await registerApp();
      const background = startBackground(fakePlatform({ authorize: (url) => consentInBrowser(url) }));
      const portal = await send(background, 'signIn', { url: sandbox.url, method: 'oauth', clientId: app.client_id });
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      await expect(send(background, 'listRooms', { portalId: portal.id })).rejects.toMatchObject({
        key: 'signInAgain',
      });
      await waitFor(
        () => send(background, 'getState', {}),
        (state) => state.portals[0]?.status === 'signInRequired',
      );
    });

    it('a denied consent says what happened and stores nothing; an empty client id is caught at once', async () => {
      const app = await registerApp();
      const denied = startBackground(fakePlatform({ authorize: (url) => consentInBrowser(url, false) }));
      await expect(
        send(denied, 'signIn', { url: sandbox.url, method: 'oauth', clientId: app.client_id }),
      ).rejects.toMatchObject({ key: 'oauthDenied' });
      expect((await send(denied, 'getState', {})).portals).toEqual([]);
      const empty = startBackground(fakePlatform());
      await expect(send(empty, 'signIn', { url: sandbox.url, method: 'oauth', clientId: '  ' })).rejects.toMatchObject({
        key: 'oauthClientIdEmpty',
      });
    });
  });
});

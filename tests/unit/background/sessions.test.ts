import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { budgetItem, credentialsItem, jobItem, limitsItem } from '../../../src/storage/schema.ts';
import { MemoryStorageArea, memoryAreas } from '../../../src/storage/storage-area.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { V1_JOB } from '../storage/job-migration.test.ts';
import { english } from '../support/english.ts';
import { fakePlatform } from './fake-platform.ts';
import { fault, sandboxLog, send, signInWithKey, startBackground, waitFor, type Sandbox } from './harness.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
});

describe('portal sessions in the background', () => {
  it('signs in by key; the secret lives under its own key, never in the portal list', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    expect(portal).toMatchObject({ status: 'signedIn', authMethod: 'apiKey', user: { email: sandbox.demo.email } });
    expect(JSON.stringify((fake.areas.local as MemoryStorageArea).data.get('portals'))).not.toContain(
      sandbox.demo.apiKey,
    );
    expect(await background.storage.get(credentialsItem, portal.id)).toEqual({
      kind: 'apiKey',
      apiKey: sandbox.demo.apiKey,
    });
    expect(fake.of('stateChanged').at(-1)?.activePortalId).toBe(portal.id);
  });

  it('a hostile 10,000-character portal name, or an empty one, is stored as something a view can show', async () => {
    for (const [name, expected] of [
      ['N'.repeat(10_000), 120],
      ['   ', new URL(sandbox.url).hostname.length],
    ] as const) {
      const renaming: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input).endsWith('/api/2.0/settings')) return response;
        const body = (await response.json()) as { response: Record<string, unknown> };
        body.response.greetingSettings = name;
        return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
      };
      const background = startBackground(fakePlatform({ fetch: renaming }));
      const portal = await signInWithKey(background, sandbox);
      expect(portal.name.length).toBe(expected);
    }
  });

  it('a second listing of the same view comes from the cache, without a request', async () => {
    const background = startBackground(fakePlatform());
    const portal = await signInWithKey(background, sandbox);
    const before = (await sandboxLog(sandbox)).length;
    const first = await send(background, 'listRooms', { portalId: portal.id });
    const second = await send(background, 'listRooms', { portalId: portal.id });
    expect(second.entries).toEqual(first.entries);
    expect((await sandboxLog(sandbox)).length - before).toBe(1);
  });

  it('a revoked key is decided once: the account stops, pages hear it, nothing else is sent with it', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    await fault(sandbox, { type: 'expireTokens', apiKeys: true });
    const error = await send(background, 'listFolder', { portalId: portal.id, folderId: 101 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized', key: 'sessionRejected' });
    expect(english(error as never)).toContain('sign in again');
    expect(fake.of('stateChanged').at(-1)?.portals[0]?.status).toBe('signInRequired');
    const sent = (await sandboxLog(sandbox)).length;
    const again = await send(background, 'listFolder', { portalId: portal.id, folderId: 102 }).catch((e: unknown) => e);
    expect(again).toMatchObject({ key: 'signInAgain' });
    expect((await sandboxLog(sandbox)).length).toBe(sent);
  });

  it('a session token past its expiry date is not sent: the account asks for a new sign-in', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await send(background, 'signIn', {
      url: sandbox.url,
      method: 'password',
      email: sandbox.demo.email,
      password: sandbox.demo.password,
    });
    const stored = await background.storage.get(credentialsItem, portal.id);
    expect(stored?.kind).toBe('token');
    await background.storage.set(credentialsItem, portal.id, {
      ...(stored as object),
      expires: '2020-01-01T00:00:00Z',
    } as never);
    // A new worker reads the stored credentials afresh.
    const next = startBackground(fakePlatform({ areas: fake.areas }));
    const before = (await sandboxLog(sandbox)).length;
    await expect(send(next, 'listRooms', { portalId: portal.id })).rejects.toMatchObject({ key: 'signInAgain' });
    expect((await sandboxLog(sandbox)).length).toBe(before);
    expect((await send(next, 'getState', {})).portals[0]?.status).toBe('signInRequired');
  });

  it('a listing that failed (a malformed answer) is not cached: once the portal recovers, trying again shows it', async () => {
    const background = startBackground(fakePlatform());
    const portal = await signInWithKey(background, sandbox);
    await fault(sandbox, { type: 'malformedJson', path: '/api/2.0/files/102' });
    await expect(send(background, 'listFolder', { portalId: portal.id, folderId: 102 })).rejects.toMatchObject({
      code: expect.any(String),
    });
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    const page = await send(background, 'listFolder', { portalId: portal.id, folderId: 102 });
    expect(page.entries.length).toBeGreaterThan(0);
  });

  it('signing out of a password session ends its token on the server (a header token is not the cookie connection)', async () => {
    const background = startBackground(fakePlatform());
    const portal = await send(background, 'signIn', {
      url: sandbox.url,
      method: 'password',
      email: sandbox.demo.email,
      password: sandbox.demo.password,
    });
    const stored = await background.storage.get(credentialsItem, portal.id);
    const token = stored?.kind === 'token' ? stored.token : '';
    const self = () => fetch(`${sandbox.url}/api/2.0/people/@self`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await self()).status).toBe(200);
    await send(background, 'signOut', { portalId: portal.id });
    expect((await self()).status).toBe(401);
  });

  it('removing an account deletes its credentials, limits, budget, jobs, session and site access', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    await send(background, 'setLimits', { portalId: portal.id, limits: { requestsPer10s: 300 } });
    await send(background, 'listRooms', { portalId: portal.id });
    const job = await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: 206,
      parentTitle: 'U',
      titles: ['A'],
    });
    await waitFor(
      () => send(background, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'done',
    );
    await waitFor(
      () => background.storage.get(budgetItem, portal.id),
      (budget) => budget !== null,
    );
    const state = await send(background, 'removePortal', { portalId: portal.id });
    expect(state.portals).toEqual([]);
    expect(fake.removedOrigins).toEqual([sandbox.url]);
    expect(await background.storage.get(credentialsItem, portal.id)).toBeNull();
    expect(await background.storage.get(limitsItem, portal.id)).toEqual({});
    expect(await background.storage.get(budgetItem, portal.id)).toBeNull();
    expect(await background.storage.get(jobItem, job.id)).toBeNull();
    expect(await send(background, 'listJobs', {})).toEqual([]);
    const left = [...(fake.areas.local as MemoryStorageArea).data.keys()].filter((key) => key.includes(portal.id));
    expect(left).toEqual([]);
    await expect(send(background, 'listRooms', { portalId: portal.id })).rejects.toMatchObject({
      key: 'portalNotInList',
    });
  });

  it('refuses out-of-range limits and malformed commands, changing nothing', async () => {
    const background = startBackground(fakePlatform());
    const portal = await signInWithKey(background, sandbox);
    await expect(
      send(background, 'setLimits', { portalId: portal.id, limits: { concurrentReads: 0 } }),
    ).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(send(background, 'listRooms', { portalId: portal.id, count: -1 } as never)).rejects.toMatchObject({
      key: 'commandInvalid',
    });
    expect(await background.storage.get(limitsItem, portal.id)).toEqual({});
  });

  it('a worker of the previous version: its portal, key and running job are migrated and the job finishes', async () => {
    const local = new MemoryStorageArea();
    const portalId = `${sandbox.url}|${sandbox.demo.userId}`;
    await local.set({
      portals: [
        {
          id: portalId,
          origin: sandbox.url,
          name: 'Sandbox',
          version: '3.7',
          user: { id: sandbox.demo.userId, displayName: 'Demo', email: sandbox.demo.email },
          authMethod: 'apiKey',
          addedAt: '2026-11-30T10:00:00.000Z',
          needsSignIn: false,
        },
      ],
      activePortalId: portalId,
      [`credentials/${portalId}`]: { kind: 'apiKey', apiKey: sandbox.demo.apiKey },
      // What that version's scheduler had written: a quiet account.
      [`budget/${portalId}`]: {
        v: 2,
        savedAt: Date.now() - 60_000,
        completed: [],
        daily: [],
        sensitive: {},
        inFlight: [],
        pause: null,
        factors: { read: 1, write: 1 },
        slowestMs: 200,
      },
      'jobs/index': ['old-job'],
      'job/old-job': { ...V1_JOB, portalId, items: V1_JOB.items.slice(1, 3) },
    });
    const areas = { ...memoryAreas(), local };
    const background = startBackground(fakePlatform({ areas }));
    const [job] = await waitFor(
      () => send(background, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'done',
    );
    expect(job).toMatchObject({ id: 'old-job', done: 2, failed: 0, title: { params: ['Unsorted'] } });
    const page = await send(background, 'listFolder', { portalId, folderId: 206 });
    expect(page.entries.map((e) => e.title).sort()).toEqual(['Not yet', 'On the wire']);
    // The key left storage.local, which content scripts can read, for the extension's own database.
    expect(JSON.stringify([...local.data.entries()])).not.toContain(sandbox.demo.apiKey);
    expect(areas.secure.data.get(`credentials/${portalId}`)).toEqual({ kind: 'apiKey', apiKey: sandbox.demo.apiKey });
  });
});

describe('the interactive reserve follows the extension pages', () => {
  it('is held while a page is open and let go (after the last click) once every page is closed', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    expect((await send(background, 'getActivity', { portalId: portal.id }))?.reserveHeld).toBe(true);
    fake.setPagesOpen(false);
    // The last interactive request holds the reserve a few seconds more (a user between two clicks).
    const released = await waitFor(
      () => send(background, 'getActivity', { portalId: portal.id }),
      (snapshot) => snapshot?.reserveHeld === false,
      10_000,
    );
    expect(released?.reserveHeld).toBe(false);
    fake.setPagesOpen(true);
    expect((await send(background, 'getActivity', { portalId: portal.id }))?.reserveHeld).toBe(true);
  }, 20_000);
});

describe('"Resume now" on a portal pause', () => {
  it('lifts an hour-long pause the portal asked for and sends what waited', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    await fault(sandbox, { type: 'storm503', retryAfter: 3_600, method: 'GET', durationMs: 300 });
    const listing = send(background, 'listRooms', { portalId: portal.id });
    const paused = await waitFor(
      () => send(background, 'getActivity', { portalId: portal.id }),
      (snapshot) => (snapshot?.pause?.until ?? 0) > Date.now() + 60_000,
    );
    expect(paused?.pause?.reason).toBe('retryAfter');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const resumed = await send(background, 'resumeRequests', { portalId: portal.id });
    expect(resumed?.pause).toBeNull();
    await expect(listing).resolves.toMatchObject({ entries: expect.any(Array) });
  });
});

describe('download as one archive', () => {
  it('the portal packs the entries; the browser downloads the archive from the portal with the sign-in', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    await send(background, 'downloadArchive', {
      portalId: portal.id,
      entries: [
        { kind: 'file', id: 301 },
        { kind: 'folder', id: 202 },
      ],
    });
    expect(fake.downloads).toHaveLength(1);
    const [download] = fake.downloads;
    expect(new URL(download!.url).origin).toBe(new URL(sandbox.url).origin);
    const archive = await fetch(download!.url, {
      headers: Object.fromEntries(download!.headers.map((h) => [h.name, h.value])),
    });
    expect(archive.status).toBe(200);
    expect(new Uint8Array(await archive.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });

  it('without the downloads permission nothing is packed, and the message says what to do', async () => {
    const fake = fakePlatform({ downloadsAllowed: false });
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    const refused = await send(background, 'downloadArchive', {
      portalId: portal.id,
      entries: [{ kind: 'file', id: 301 }],
    }).catch((error: unknown) => error);
    expect(english(refused as never)).toMatch(/did not allow downloads/);
    const packed = (await sandboxLog(sandbox)).filter((e) => e.path.endsWith('/fileops/bulkdownload'));
    expect(packed).toEqual([]);
  });
});

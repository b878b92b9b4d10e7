import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tabRequest } from '../../../src/scheduler/tab-request.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { fakePlatform } from './fake-platform.ts';
import { send, signInWithKey, startBackground, waitFor, type Sandbox } from './harness.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
});

const OWN = 'chrome-extension://test/';

describe('the user’s DocSpace tabs in the background', () => {
  it('watches the signed-in portal’s origin and counts its tab requests in the Activity windows', async () => {
    const fake = fakePlatform({ tabTraffic: true });
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    await waitFor(
      () => fake.tabWatch.origins,
      (origins) => origins.includes(portal.origin),
    );
    const before = await send(background, 'getActivity', { portalId: portal.id });
    expect(before?.tabsObserved).toBe(true);
    expect(before?.windows.every((w) => (w.tabs ?? 0) === 0)).toBe(true);

    const base = { url: `${sandbox.url}/api/2.0/files/@my`, method: 'GET', tabId: 5, initiator: sandbox.url };
    const feed = (id: string, phase: 'start' | 'end', statusCode?: number) => {
      const request = tabRequest({ ...base, requestId: id, timeStamp: Date.now(), statusCode }, phase, OWN);
      if (request) fake.tabWatch.listener?.(request);
    };
    for (const id of ['1', '2', '3']) feed(id, 'start');
    const busy = await send(background, 'getActivity', { portalId: portal.id });
    expect(busy?.concurrency.read.tabs).toBe(3);
    for (const id of ['1', '2', '3']) feed(id, 'end', 200);
    const after = await send(background, 'getActivity', { portalId: portal.id });
    expect(after?.concurrency.read.tabs).toBe(0);
    // Answered, they still count in every window for one window's length.
    expect(after?.windows.map((w) => w.tabs)).toEqual(after?.windows.map(() => 3));

    // Another portal's traffic (here: the same host on another port) is not this account's.
    const elsewhere = tabRequest(
      { ...base, url: 'http://127.0.0.1:1/api/2.0/files/@my', requestId: '7', timeStamp: Date.now() },
      'start',
      OWN,
    );
    if (elsewhere) fake.tabWatch.listener?.(elsewhere);
    const unchanged = await send(background, 'getActivity', { portalId: portal.id });
    expect(unchanged?.concurrency.read.tabs).toBe(0);

    // The extension's own request (its background, no tab) is never counted twice.
    const own = tabRequest(
      { ...base, requestId: '9', tabId: -1, initiator: 'chrome-extension://test', timeStamp: Date.now() },
      'start',
      OWN,
    );
    expect(own).toBe(null);
  });

  it('without the optional permission observes nothing and says so; everything else works', async () => {
    const fake = fakePlatform({ tabTraffic: false });
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    expect(fake.tabWatch.listener).toBe(null);
    const activity = await send(background, 'getActivity', { portalId: portal.id });
    expect(activity?.tabsObserved).toBe(false);
    await expect(send(background, 'listRooms', { portalId: portal.id })).resolves.toMatchObject({
      entries: expect.any(Array),
    });
  });

  it('tells open pages at once when the tabs start being counted (the permission granted later)', async () => {
    const fake = fakePlatform({ tabTraffic: false });
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    expect((await send(background, 'getActivity', { portalId: portal.id }))?.tabsObserved).toBe(false);
    fake.setTabTraffic(true);
    background.permissionsChanged();
    const pushed = await waitFor(
      () => fake.of('schedulerChanged').at(-1),
      (snapshot) => snapshot?.tabsObserved === true,
    );
    expect(pushed?.key).toBe(portal.id);
  });

  it('stops watching a portal once it is removed', async () => {
    const fake = fakePlatform({ tabTraffic: true });
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    await waitFor(
      () => fake.tabWatch.origins,
      (origins) => origins.includes(portal.origin),
    );
    await send(background, 'signOut', { portalId: portal.id });
    await waitFor(
      () => fake.tabWatch.origins,
      (origins) => origins.length === 0,
    );
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { limitsItem, portalPrefsItem, settingsItem } from '../../../src/storage/schema.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { fakePlatform } from './fake-platform.ts';
import { send, signInWithKey, startBackground, type Sandbox } from './harness.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
});

describe('settings in the background', () => {
  it('stores the theme and language, tells every page, and exports them with the portal’s behaviour, no secret', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    expect(await send(background, 'setSettings', { theme: 'dark' })).toEqual({ theme: 'dark', language: 'system' });
    expect(fake.of('settingsChanged').at(-1)).toEqual({ theme: 'dark', language: 'system' });
    await send(background, 'setPortalBehaviour', {
      portalId: portal.id,
      prefs: { limitProfile: 'custom', popupSections: ['rooms', 'my'] },
      limits: { requestsPer10s: 100 },
    });
    expect((await send(background, 'getActivity', { portalId: portal.id }))?.windows[0]?.limit).toBe(100);
    const file = await send(background, 'exportSettings', {});
    expect(file.portals).toEqual([
      {
        origin: sandbox.url,
        limits: { requestsPer10s: 100 },
        prefs: { limitProfile: 'custom', popupSections: ['rooms', 'my'] },
      },
    ]);
    const diagnostics = JSON.stringify(await send(background, 'exportDiagnostics', { extensionVersion: '1' }));
    for (const text of [JSON.stringify(file), diagnostics]) {
      expect(text).not.toContain(sandbox.demo.apiKey);
      expect(text).not.toContain(sandbox.demo.email);
    }
  });

  it('a refused number changes neither the limits nor the preferences', async () => {
    const background = startBackground(fakePlatform());
    const portal = await signInWithKey(background, sandbox);
    await expect(
      send(background, 'setPortalBehaviour', {
        portalId: portal.id,
        prefs: { popupSections: ['trash'] },
        limits: { requestsPer10s: 10_000_000 },
      }),
    ).rejects.toMatchObject({ key: 'limitOutOfRange' });
    expect(await background.storage.get(portalPrefsItem, portal.id)).toEqual({});
    expect(await background.storage.get(limitsItem, portal.id)).toEqual({});
  });

  it('an import with one bad portal writes nothing; a good one applies to the portals it names', async () => {
    const background = startBackground(fakePlatform());
    const portal = await signInWithKey(background, sandbox);
    const file = await send(background, 'exportSettings', {});
    const bad = {
      ...file,
      settings: { theme: 'light' as const, language: 'ru' as const },
      portals: [
        { origin: sandbox.url, limits: { requestsPer10s: 50 }, prefs: {} },
        { origin: 'https://other.example.com', limits: { concurrentReads: 100_000 }, prefs: {} },
      ],
    };
    await expect(send(background, 'importSettings', { file: bad })).rejects.toMatchObject({ key: 'limitOutOfRange' });
    expect(await background.storage.get(settingsItem)).toEqual({ theme: 'system', language: 'system' });
    expect(await background.storage.get(limitsItem, portal.id)).toEqual({});

    const good = { ...bad, portals: [bad.portals[0]!, { ...bad.portals[1]!, limits: {} }] };
    expect(await send(background, 'importSettings', { file: good })).toEqual({
      settings: { theme: 'light', language: 'ru' },
      applied: 1,
      unknown: 1,
    });
    expect(await background.storage.get(limitsItem, portal.id)).toEqual({ requestsPer10s: 50 });
    expect((await send(background, 'getActivity', { portalId: portal.id }))?.windows[0]?.limit).toBe(50);
  });
});

import 'fake-indexeddb/auto';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Browser } from 'webextension-polyfill';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundPlatform } from '../../../extension/platform/background-platform.ts';
import type { CommandHandlers } from '../../../src/protocol/index.ts';
import type { CommandContext } from '../../../extension/platform/ports.ts';

// The real adapters over @webext-core/fake-browser's in-memory browser: what the worker's entry point wires.
const browser = fakeBrowser as unknown as Browser;
const ownPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('extension/popup/index.html') };

beforeEach(() => fakeBrowser.reset());

describe('background platform', () => {
  it('reads and writes storage.local and storage.session through the storage port', async () => {
    const levels: unknown[] = [];
    (fakeBrowser.storage.session as unknown as { setAccessLevel: unknown }).setAccessLevel = async (level: unknown) =>
      void levels.push(level);
    const { storage } = createBackgroundPlatform(browser);
    expect(levels).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
    await storage.local.set({ a: { n: 1 } });
    await storage.session.set({ hot: 2 });
    expect(await storage.local.get(['a', 'missing'])).toEqual({ a: { n: 1 } });
    expect(await fakeBrowser.storage.session.get('hot')).toEqual({ hot: 2 });
    await storage.local.remove(['a']);
    expect(await storage.local.get(null)).toEqual({});
  });

  it('keeps the worker waking every 30 s while asked, and only its own alarms wake it', async () => {
    const platform = createBackgroundPlatform(browser);
    const woken: string[] = [];
    platform.onWake((name) => woken.push(name));
    platform.alarms.keepWaking('jobs', true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await fakeBrowser.alarms.get('wake/jobs')).toMatchObject({ periodInMinutes: 0.5 });
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'wake/jobs',
      scheduledTime: Date.now(),
      persistAcrossSessions: true,
    });
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'someone-else',
      scheduledTime: Date.now(),
      persistAcrossSessions: true,
    });
    expect(woken).toEqual(['jobs']);
    platform.alarms.keepWaking('jobs', false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await fakeBrowser.alarms.get('wake/jobs')).toBeUndefined();
  });

  it('answers commands from its own pages only, after ready, with errors as data', async () => {
    const platform = createBackgroundPlatform(browser);
    let release!: () => void;
    const ready = new Promise<void>((resolve) => (release = resolve));
    const handlers = {
      getState: async () => ({ portals: [], activePortalId: null }),
    } as unknown as CommandHandlers<CommandContext>;
    platform.serveCommands(handlers, ready);
    const listener = (fakeBrowser.runtime.onMessage as unknown as { trigger(...args: unknown[]): Promise<unknown[]> })
      .trigger;
    const message = { type: 'dpt/command', name: 'getState', payload: {} };
    const pending = listener(message, ownPage);
    let answered = false;
    void pending.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    release();
    expect(await pending).toEqual([{ ok: true, value: { portals: [], activePortalId: null } }]);
    const fromContentScript = await listener(message, { id: fakeBrowser.runtime.id, url: 'https://evil.example/page' });
    expect(fromContentScript).toEqual([undefined]);
    const fromOtherExtension = await listener(message, { id: 'other', url: 'chrome-extension://other/x.html' });
    expect(fromOtherExtension).toEqual([undefined]);
  });
});

describe('the secure area', () => {
  it('keeps values in the extension IndexedDB, with the storage port semantics', async () => {
    const { storage } = createBackgroundPlatform(browser);
    await storage.secure.set({ 'credentials/p': { kind: 'apiKey', apiKey: 'sk-x' }, other: 1 });
    expect(await storage.secure.get(['credentials/p', 'missing'])).toEqual({
      'credentials/p': { kind: 'apiKey', apiKey: 'sk-x' },
    });
    await storage.secure.remove(['other']);
    expect(await storage.secure.get(null)).toEqual({ 'credentials/p': { kind: 'apiKey', apiKey: 'sk-x' } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

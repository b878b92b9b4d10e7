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

describe('observing the user’s DocSpace tabs', () => {
  type Listener = (details: unknown) => void;
  /** A webRequest event that records its listeners with their filters, since fake-browser has no webRequest. */
  const event = () => {
    const listeners = new Map<Listener, { urls: string[]; types?: string[] }>();
    return {
      listeners,
      addListener: (listener: Listener, filter: { urls: string[]; types?: string[] }) =>
        void listeners.set(listener, filter),
      removeListener: (listener: Listener) => void listeners.delete(listener),
      fire: (details: unknown) => listeners.forEach((_filter, listener) => listener(details)),
    };
  };
  const withWebRequest = (granted: boolean) => {
    const webRequest = { onBeforeRequest: event(), onCompleted: event(), onErrorOccurred: event() };
    const permissions = {
      ...fakeBrowser.permissions,
      contains: async (p: { permissions?: string[] }) => granted || !p.permissions?.includes('webRequest'),
    };
    return { browser: { ...fakeBrowser, webRequest, permissions } as unknown as Browser, webRequest };
  };
  const tab = { requestId: '1', method: 'GET', tabId: 4, timeStamp: 5, initiator: 'https://team.example.com' };

  it('watches only the portals’ /api/ paths, never blocking, and hands on what a tab sent', async () => {
    const { browser: withApi, webRequest } = withWebRequest(true);
    const platform = createBackgroundPlatform(withApi, { observeTabs: true });
    const seen: unknown[] = [];
    expect(await platform.tabRequests.watch(['https://team.example.com:8443'], (r) => void seen.push(r))).toBe(true);
    const [filter] = [...webRequest.onBeforeRequest.listeners.values()];
    expect(filter).toEqual({ urls: ['https://team.example.com/api/*'], types: ['xmlhttprequest'] });
    webRequest.onBeforeRequest.fire({ ...tab, url: 'https://team.example.com:8443/api/2.0/files/@my' });
    // The extension's own request, from its background.
    webRequest.onBeforeRequest.fire({
      ...tab,
      tabId: -1,
      initiator: fakeBrowser.runtime.getURL('').replace(/\/$/, ''),
      url: 'https://team.example.com:8443/api/2.0/files/@my',
    });
    webRequest.onCompleted.fire({ ...tab, url: 'https://team.example.com:8443/api/2.0/files/@my', statusCode: 200 });
    expect(seen).toEqual([
      { origin: 'https://team.example.com:8443', event: expect.objectContaining({ id: 'tab:1', phase: 'start' }) },
      {
        origin: 'https://team.example.com:8443',
        event: expect.objectContaining({ id: 'tab:1', phase: 'end', status: 200 }),
      },
    ]);
    // A new watch replaces the old one; none at all removes every listener.
    expect(await platform.tabRequests.watch([], () => undefined)).toBe(false);
    expect(webRequest.onBeforeRequest.listeners.size + webRequest.onCompleted.listeners.size).toBe(0);
  });

  it('an event page (no service worker, as in Firefox) observes nothing, so it can still be suspended', async () => {
    const { browser: granted, webRequest } = withWebRequest(true);
    expect(await createBackgroundPlatform(granted).tabRequests.watch(['https://a.example'], () => undefined)).toBe(
      false,
    );
    expect(webRequest.onBeforeRequest.listeners.size).toBe(0);
  });

  it('observes nothing without the optional permission, or where the browser has no webRequest', async () => {
    const { browser: refused, webRequest } = withWebRequest(false);
    expect(
      await createBackgroundPlatform(refused, { observeTabs: true }).tabRequests.watch(
        ['https://a.example'],
        () => undefined,
      ),
    ).toBe(false);
    expect(webRequest.onBeforeRequest.listeners.size).toBe(0);
    expect(
      await createBackgroundPlatform(browser, { observeTabs: true }).tabRequests.watch(
        ['https://a.example'],
        () => undefined,
      ),
    ).toBe(false);
  });
});

import { appError } from '../../src/errors/index.ts';
import type { Browser, Runtime, WebRequest } from 'webextension-polyfill';
import { dispatchCommand } from '../../src/messaging/dispatch.ts';
import { isOwnPage } from '../../src/messaging/sender.ts';
import { EVENTS_PORT_NAME, type EventMessage } from '../../src/protocol/index.ts';
import { tabRequest, type WebRequestDetails } from '../../src/scheduler/tab-request.ts';
import type { BackgroundListeners, BackgroundPlatform } from './ports.ts';
import { feedbackPort, listenForFeedback } from './feedback-platform.ts';
import { originPattern } from './origin-pattern.ts';
import { storageAreas } from './storage-areas.ts';
import { uploadBlobStore } from './upload-blob-store.ts';

const WAKE_PREFIX = 'wake/';

/** The worker's view of the browser: storage, alarms, permissions, fetch, and messages to and from pages. */
/**
 * `observeTabs`: whether the user's DocSpace tabs are observed (webRequest). Off where the background is an event
 * page (Firefox): there, with the listeners registered, Firefox stopped terminating the restarted page (the
 * bulk-job e2e's "Terminate background script" had no effect after the first restart), so the page would never
 * be suspended. A service worker (Chromium) is suspended with them as without.
 */
const IS_SERVICE_WORKER =
  typeof (globalThis as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope !== 'undefined';

export function createBackgroundPlatform(
  browser: Browser,
  { observeTabs = IS_SERVICE_WORKER }: { observeTabs?: boolean } = {},
): BackgroundPlatform & BackgroundListeners {
  const ownBaseUrl = (): string => browser.runtime.getURL('');
  const fromOwnPage = (sender: Runtime.MessageSender): boolean =>
    isOwnPage(
      { id: sender.id, url: sender.url, origin: (sender as { origin?: string }).origin },
      browser.runtime.id,
      ownBaseUrl(),
    );
  const ports = new Set<Runtime.Port>();
  const pageListeners: Array<(open: boolean) => void> = [];
  const portsChanged = (wasOpen: boolean): void => {
    if (wasOpen !== ports.size > 0) for (const listener of pageListeners) listener(ports.size > 0);
  };

  const tabRequests: BackgroundPlatform['tabRequests'] = observeTabs
    ? watchTabRequests(browser, ownBaseUrl)
    : { watch: () => Promise.resolve(false) };

  return {
    storage: storageAreas(browser),
    fetch: (input, init) => fetch(input, init),
    alarms: {
      wakeAt: (name, when) => void browser.alarms.create(`${WAKE_PREFIX}${name}`, { when }),
      keepWaking: (name, on) =>
        void (on
          ? browser.alarms.create(`${WAKE_PREFIX}${name}`, { periodInMinutes: 0.5 })
          : browser.alarms.clear(`${WAKE_PREFIX}${name}`)),
    },
    permissions: {
      hasOrigin: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
      async removeOrigin(origin) {
        await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
      },
    },
    identity: {
      redirectUrl: () => (browser.identity ? browser.identity.getRedirectURL() : null),
      async authorize(url) {
        if (!browser.identity) throw appError('oauthUnavailable', {});
        try {
          return await browser.identity.launchWebAuthFlow({ url, interactive: true });
        } catch (error) {
          // The window was closed, or the browser could not show it: nothing was granted.
          throw appError('oauthCancelled', {}, { cause: error });
        }
      },
    },
    uploads: uploadBlobStore(),
    downloads: {
      allowed: () => browser.permissions.contains({ permissions: ['downloads'] }),
      async start(url, headers) {
        await browser.downloads.download({ url, headers: headers.map((h) => ({ ...h })) });
      },
    },
    tabRequests,
    feedback: feedbackPort(browser),
    events: {
      broadcast(name, payload) {
        const message: EventMessage<typeof name> = { type: 'dpt/event', name, payload };
        for (const port of ports) {
          try {
            port.postMessage(message);
          } catch {
            ports.delete(port);
            portsChanged(true);
          }
        }
      },
      pagesOpen: () => ports.size > 0,
      onPagesChanged: (listener) => void pageListeners.push(listener),
    },

    serveCommands(handlers, ready) {
      browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
        if (!fromOwnPage(sender)) return undefined;
        return ready.then(() => dispatchCommand(handlers, message, { senderUrl: sender.url ?? '' }));
      });
    },
    acceptEventPorts() {
      browser.runtime.onConnect.addListener((port) => {
        if (port.name !== EVENTS_PORT_NAME || !port.sender || !fromOwnPage(port.sender)) {
          port.disconnect();
          return;
        }
        const wasOpen = ports.size > 0;
        ports.add(port);
        portsChanged(wasOpen);
        port.onDisconnect.addListener(() => {
          const before = ports.size > 0;
          ports.delete(port);
          portsChanged(before);
        });
      });
    },
    onWake(listener) {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name.startsWith(WAKE_PREFIX)) listener(alarm.name.slice(WAKE_PREFIX.length));
      });
    },
    acceptCommands() {
      type SidePanel = { open(options: { windowId: number }): Promise<void> };
      const sidePanel = (browser as unknown as { sidePanel?: SidePanel }).sidePanel;
      const onCommand = (command: string, tab?: { windowId?: number }) => {
        // Firefox opens its sidebar with its own built-in command; Chrome's panel is opened here, in the gesture.
        if (command === 'open-side-panel' && sidePanel && tab?.windowId !== undefined) {
          void sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
        }
      };
      browser.commands?.onCommand.addListener(onCommand);
      return onCommand;
    },
    acceptFeedback: (listeners) => listenForFeedback(browser, listeners),
    onPermissionsChanged(listener) {
      browser.permissions.onAdded.addListener(listener);
      browser.permissions.onRemoved.addListener(listener);
    },
  };
}

/**
 * The webRequest observation behind `tabRequests`. Listeners are added after the worker started, not at its
 * top level, on purpose: a DocSpace tab's requests must never wake a stopped background (with none running,
 * there is no bulk work to slow down). The filter names only the portals' `/api/` paths, so no other site's
 * request reaches the extension.
 */
function watchTabRequests(browser: Browser, ownBaseUrl: () => string): BackgroundPlatform['tabRequests'] {
  type Listener = (details: WebRequestDetails) => void;
  let generation = 0;
  let stop = (): void => undefined;
  return {
    async watch(origins, listener) {
      const mine = ++generation;
      stop();
      stop = () => undefined;
      // The API exists only while the optional permission is granted (Chrome) or at all (a browser without it).
      const webRequest = (browser as { webRequest?: WebRequest.Static }).webRequest;
      if (origins.length === 0 || !webRequest) return false;
      const granted = await Promise.resolve()
        .then(() => browser.permissions.contains({ permissions: ['webRequest'] }))
        .catch(() => false);
      if (!granted || mine !== generation) return false;
      const filter: WebRequest.RequestFilter = {
        urls: [...new Set(origins.map(apiPattern))],
        types: ['xmlhttprequest'],
      };
      const base = ownBaseUrl();
      const on =
        (phase: 'start' | 'end'): Listener =>
        (details) => {
          const request = tabRequest(details, phase, base);
          if (request) listener(request);
        };
      const start = on('start');
      const end = on('end');
      try {
        webRequest.onBeforeRequest.addListener(start, filter);
        webRequest.onCompleted.addListener(end, filter, ['responseHeaders']);
        webRequest.onErrorOccurred.addListener(end, filter);
      } catch (error) {
        console.warn('Cannot observe the DocSpace tabs’ requests:', String(error));
        return false;
      }
      stop = () => {
        webRequest.onBeforeRequest.removeListener(start);
        webRequest.onCompleted.removeListener(end);
        webRequest.onErrorOccurred.removeListener(end);
      };
      return true;
    },
  };
}

/** A match pattern for an origin's API paths; like host permissions, without the port (see origin-pattern.ts). */
function apiPattern(origin: string): string {
  return originPattern(origin).replace(/\/\*$/, '/api/*');
}

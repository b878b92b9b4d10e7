import { memoryBlobStore } from '../../../src/jobs/kinds/upload-blobs.ts';
import type { BackgroundPlatform } from '../../../extension/platform/ports.ts';
import type { EventName, Events } from '../../../src/protocol/index.ts';
import type { TabRequest } from '../../../src/scheduler/tab-request.ts';
import { memoryAreas } from '../../../src/storage/storage-area.ts';
import type { Areas } from '../../../src/storage/typed-storage.ts';

/** What Chrome's identity.getRedirectURL() looks like; the OAuth app in a test registers it. */
export const OAUTH_REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

export interface RecordedEvent {
  name: EventName;
  payload: unknown;
}

/**
 * The background's ports over memory: storage that outlives a "worker" (pass the same areas to the next
 * one), the events it broadcast, the alarms it asked for, and a fetch the test may wrap.
 */
export function fakePlatform(
  options: {
    areas?: Areas;
    fetch?: BackgroundPlatform['fetch'];
    granted?: (origin: string) => boolean;
    downloadsAllowed?: boolean;
    /** The optional webRequest permission is granted (default: not). */
    tabTraffic?: boolean;
    /** Plays the browser's OAuth window: given the authorize URL, answers the address the portal sent it to. */
    authorize?: (url: string) => Promise<string>;
    /** How the fake browser reads omnibox descriptions and whether its notifications have buttons (Chrome's). */
    omniboxMarkup?: 'xml' | 'plain';
    noticeButtons?: boolean;
  } = {},
) {
  const areas = options.areas ?? memoryAreas();
  const events: RecordedEvent[] = [];
  const wakes: Array<{ name: string; when: number }> = [];
  const waking = new Set<string>();
  const downloads: Array<{ url: string; headers: Array<{ name: string; value: string }> }> = [];
  /** What the background asked to observe now, and the listener a test feeds tab requests to. */
  let tabTraffic = options.tabTraffic ?? false;
  /** Grants or takes back the optional webRequest permission (the background hears it through permissionsChanged). */
  const setTabTraffic = (on: boolean): void => {
    tabTraffic = on;
  };
  const tabWatch: { origins: string[]; listener: ((request: TabRequest) => void) | null } = {
    origins: [],
    listener: null,
  };
  const presence = { open: true, listeners: [] as Array<(open: boolean) => void> };
  /** Opens or closes "every extension page" for the background (the fake starts with one open). */
  const setPagesOpen = (open: boolean): void => {
    if (presence.open === open) return;
    presence.open = open;
    for (const listener of presence.listeners) listener(open);
  };
  const uploads = memoryBlobStore();
  const removedOrigins: string[] = [];
  /** What the background showed outside its pages, in order. */
  const feedback = {
    badges: [] as Array<{ text: string; color: string; title: string }>,
    notices: [] as Array<{ id: string; title: string; message: string; buttons: string[] }>,
    cleared: [] as string[],
    opened: [] as Array<{ url: string; where?: string }>,
    options: 0,
    copied: [] as string[],
  };
  const platform: BackgroundPlatform = {
    storage: areas,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    alarms: {
      wakeAt: (name, when) => void wakes.push({ name, when }),
      keepWaking: (name, on) => void (on ? waking.add(name) : waking.delete(name)),
    },
    permissions: {
      hasOrigin: async (origin) => options.granted?.(origin) ?? true,
      removeOrigin: async (origin) => void removedOrigins.push(origin),
    },
    identity: {
      redirectUrl: () => OAUTH_REDIRECT,
      authorize: (url) => (options.authorize ? options.authorize(url) : Promise.reject(new Error('no OAuth window'))),
    },
    uploads: { ...uploads, sweep: async () => undefined },
    downloads: {
      allowed: async () => options.downloadsAllowed ?? true,
      start: async (url, headers) => void downloads.push({ url, headers: [...headers] }),
    },
    tabRequests: {
      async watch(origins, listener) {
        const on = tabTraffic && origins.length > 0;
        tabWatch.origins = on ? [...origins] : [];
        tabWatch.listener = on ? listener : null;
        return on;
      },
    },
    feedback: {
      // The key and its substitutions, so tests read which message was meant in any language.
      t: (key, params) => (params && params.length > 0 ? `${key}(${params.join('|')})` : key),
      omniboxMarkup: options.omniboxMarkup ?? 'xml',
      noticeButtons: options.noticeButtons ?? true,
      setBadge: async (badge) => void feedback.badges.push({ ...badge }),
      notify: async (notice) => void feedback.notices.push({ ...notice, buttons: [...notice.buttons] }),
      clearNotice: async (id) => void feedback.cleared.push(id),
      openUrl: async (url, where) => void feedback.opened.push(where ? { url, where } : { url }),
      openPage: async (path, where) => void feedback.opened.push(where ? { url: path, where } : { url: path }),
      openOptions: async () => void feedback.options++,
      copyText: async (text) => void feedback.copied.push(text),
    },
    events: {
      broadcast<K extends EventName>(name: K, payload: Events[K]) {
        events.push({ name, payload: structuredClone(payload) });
      },
      pagesOpen: () => presence.open,
      onPagesChanged: (listener) => void presence.listeners.push(listener),
    },
  };
  const of = <K extends EventName>(name: K): Array<Events[K]> =>
    events.filter((e) => e.name === name).map((e) => e.payload as Events[K]);
  return {
    platform,
    areas,
    events,
    of,
    wakes,
    waking,
    setPagesOpen,
    downloads,
    tabWatch,
    setTabTraffic,
    uploads,
    removedOrigins,
    feedback,
  };
}

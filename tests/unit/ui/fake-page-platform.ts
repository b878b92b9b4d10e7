import { readFileSync } from 'node:fs';
import type { PagePlatform } from '../../../extension/platform/ports.ts';
import { renderMessage } from '../support/english.ts';

const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Parameters<typeof renderMessage>[0];

/** What a page gets from the browser, in memory: English messages from `_locales/en`, recorded tab opens. */
export function fakePagePlatform(
  options: { grant?: boolean; tabTraffic?: boolean; tabTrafficSupported?: boolean } = {},
) {
  let tabTraffic = options.tabTraffic ?? true;
  const opened: Array<{ url: string; active: boolean }> = [];
  const copied: string[] = [];
  const downloaded: string[] = [];
  const permissionRequests: string[] = [];
  /** Whether each host request also asked for webRequest (the user's DocSpace tabs). */
  const tabTrafficAsked: boolean[] = [];
  let optionsOpened = 0;
  /** Files a page stored for an upload, by key. */
  const stored = new Map<string, Blob>();
  const saved: Array<{ name: string; text: string }> = [];
  const platform: PagePlatform = {
    t: (key, substitutions) => {
      if (!en[key]) return key;
      return renderMessage(en, key, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []));
    },
    uiLanguage: () => 'en',
    openUrl: async (url, o) => void opened.push({ url, active: o?.active ?? true }),
    openOptionsPage: async () => void optionsOpened++,
    requestHostPermission: async (origin, o) => {
      permissionRequests.push(origin);
      tabTrafficAsked.push(o?.tabTraffic ?? false);
      return options.grant ?? true;
    },
    tabTraffic: {
      supported: options.tabTrafficSupported ?? true,
      allowed: async () => tabTraffic,
      allow: async () => (tabTraffic = options.grant ?? true),
    },
    copyText: async (text) => void copied.push(text),
    download: async (url) => void downloaded.push(url),
    allowDownloads: async () => options.grant ?? true,
    openSidePanel: async () => true,
    storeUploads: async (files) =>
      files.map((file) => {
        const key = `k${stored.size}`;
        stored.set(key, file);
        return key;
      }),
    discardUploads: async (keys) => keys.forEach((key) => stored.delete(key)),
    loadMessages: async (language) =>
      JSON.parse(readFileSync(`public/_locales/${language}/messages.json`, 'utf8')) as ReturnType<
        PagePlatform['loadMessages']
      > extends Promise<infer M>
        ? M
        : never,
    shortcuts: async () => [{ name: '_execute_action', description: '', shortcut: 'Alt+Shift+D' }],
    openShortcutSettings: async () => {
      opened.push({ url: 'chrome://extensions/shortcuts', active: true });
      return true;
    },
    saveFile: (name, text) => void saved.push({ name, text }),
    extensionVersion: () => '0.0.0-test',
  };
  return {
    platform,
    opened,
    copied,
    downloaded,
    permissionRequests,
    tabTrafficAsked,
    stored,
    saved,
    optionsOpened: () => optionsOpened,
  };
}

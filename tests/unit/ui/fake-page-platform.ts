import { readFileSync } from 'node:fs';
import type { PagePlatform } from '../../../extension/platform/ports.ts';
import { renderMessage } from '../support/english.ts';

const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Parameters<typeof renderMessage>[0];

/** What a page gets from the browser, in memory: English messages from `_locales/en`, recorded tab opens. */
export function fakePagePlatform(options: { grant?: boolean } = {}) {
  const opened: Array<{ url: string; active: boolean }> = [];
  const copied: string[] = [];
  const downloaded: string[] = [];
  const permissionRequests: string[] = [];
  let optionsOpened = 0;
  /** Files a page stored for an upload, by key. */
  const stored = new Map<string, Blob>();
  const platform: PagePlatform = {
    t: (key, substitutions) => {
      if (!en[key]) return key;
      return renderMessage(en, key, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []));
    },
    uiLanguage: () => 'en',
    openUrl: async (url, o) => void opened.push({ url, active: o?.active ?? true }),
    openOptionsPage: async () => void optionsOpened++,
    requestHostPermission: async (origin) => {
      permissionRequests.push(origin);
      return options.grant ?? true;
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
  };
  return { platform, opened, copied, downloaded, permissionRequests, stored, optionsOpened: () => optionsOpened };
}

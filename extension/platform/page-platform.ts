import type { Browser } from 'webextension-polyfill';
import { originPattern } from './origin-pattern.ts';
import type { PagePlatform } from './ports.ts';

/** An extension page's view of the browser: messages from `_locales`, tabs, and host permission requests. */
export function createPagePlatform(browser: Browser): PagePlatform {
  return {
    t: (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key,
    uiLanguage: () => browser.i18n.getUILanguage(),
    async openUrl(url, options) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new Error(`Refusing to open ${parsed.protocol} URL`);
      }
      await browser.tabs.create({ url: parsed.toString(), active: options?.active ?? true });
    },
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    async requestHostPermission(origin) {
      try {
        return await browser.permissions.request({ origins: [originPattern(origin)] });
      } catch {
        return false;
      }
    },
  };
}

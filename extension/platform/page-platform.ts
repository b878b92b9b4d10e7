import type { Permissions } from 'webextension-polyfill';
import type { Browser } from 'webextension-polyfill';
import { originPattern } from './origin-pattern.ts';
import type { PagePlatform } from './ports.ts';
import type { PageUploadStore } from './upload-blob-store.ts';

const LOCALES = import.meta.glob('../../public/_locales/*/messages.json', { import: 'default' });

type SidePanelApi = { open(options: { windowId: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

/** An extension page's view of the browser: messages, tabs, permissions, clipboard, downloads, side panel. */
export function createPagePlatform(browser: Browser): PagePlatform {
  const openUrl: PagePlatform['openUrl'] = async (url, options) => {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new Error(`Refusing to open ${parsed.protocol} URL`);
    }
    await browser.tabs.create({ url: parsed.toString(), active: options?.active ?? true });
  };
  // Loaded at the first upload: idb is not needed to paint the list.
  let uploads: Promise<PageUploadStore> | undefined;
  const store = () => (uploads ??= import('./upload-blob-store.ts').then((m) => m.uploadBlobStore()));
  // Chrome opens its side panel only inside the click's user gesture, which an await before open() can lose:
  // the window is looked up when the page loads, so the click calls open() at once.
  const chromeSide = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  let windowId: number | undefined;
  if (chromeSide)
    void browser.windows.getCurrent().then(
      (current) => (windowId = current.id),
      () => undefined,
    );
  return {
    storeUploads: async (files) => (await store()).put(files),
    discardUploads: async (keys) => (await store()).remove(keys),
    t: (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key,
    uiLanguage: () => browser.i18n.getUILanguage(),
    openUrl,
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    async requestHostPermission(origin, options) {
      const optionalPermissions = (browser.runtime.getManifest().optional_permissions ?? []) as string[];
      try {
        return await browser.permissions.request({
          origins: [originPattern(origin)],
          // The polyfill's list of optional permissions predates identity's.
          permissions: [
            ...(options?.tabTraffic ? ['webRequest'] : []),
            // Where identity is not optional (Firefox) it is granted at install, and asking for it would fail.
            ...(options?.identity && optionalPermissions.includes('identity') ? ['identity'] : []),
          ] as Permissions.Permissions['permissions'],
        });
      } catch {
        return false;
      }
    },
    tabTraffic: {
      // Observed only where the background is a service worker (see createBackgroundPlatform's observeTabs).
      supported: Boolean(
        (browser.runtime.getManifest().background as { service_worker?: string } | undefined)?.service_worker,
      ),
      allowed: () => browser.permissions.contains({ permissions: ['webRequest'] }).catch(() => false),
      allow: () => browser.permissions.request({ permissions: ['webRequest'] }).catch(() => false),
    },
    copyText: (text) => navigator.clipboard.writeText(text),
    async download(url) {
      const granted = await browser.permissions.request({ permissions: ['downloads'] }).catch(() => false);
      if (granted && browser.downloads) await browser.downloads.download({ url });
      else await openUrl(url, { active: false });
    },
    allowDownloads: () => browser.permissions.request({ permissions: ['downloads'] }).catch(() => false),
    // Bundled as chunks loaded on first use: the pages' CSP lets them fetch no extension file, and only a
    // user who picked a language other than the browser's pays for one.
    async loadMessages(language) {
      const load = LOCALES[`../../public/_locales/${language}/messages.json`];
      if (!load) throw new Error(`No messages for ${language}`);
      return (await load()) as Awaited<ReturnType<PagePlatform['loadMessages']>>;
    },
    async shortcuts() {
      const commands = (await browser.commands?.getAll().catch(() => [])) ?? [];
      return commands.map((c) => ({
        name: c.name ?? '',
        description: c.description ?? '',
        shortcut: c.shortcut ?? '',
      }));
    },
    async openShortcutSettings() {
      // Firefox has no page of its own for them (about:addons › ⚙ › Manage Extension Shortcuts) and refuses to open about: URLs.
      if (!(browser.runtime.getManifest().background as { service_worker?: string } | undefined)?.service_worker)
        return false;
      // A link cannot open chrome:// pages; tabs.create can.
      await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
      return true;
    },
    saveFile(name, text, type) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    extensionVersion: () => browser.runtime.getManifest().version,
    async openSidePanel() {
      const firefoxSide = (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
      if (chromeSide) {
        const id = windowId ?? (await browser.windows.getCurrent()).id;
        if (id === undefined) return false;
        await chromeSide.open({ windowId: id });
        return true;
      }
      if (firefoxSide) {
        await firefoxSide.open();
        return true;
      }
      return false;
    },
  };
}

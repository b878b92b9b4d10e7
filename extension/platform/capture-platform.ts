import type { Browser, Menus, Tabs } from 'webextension-polyfill';
import type { MenuItem } from '../../src/capture/menu-items.ts';
import {
  isFileActionRequest,
  menuRequestFor,
  type MenuClick,
  type MenuRequest,
} from '../../src/capture/save-request.ts';
import { appError } from '../../src/errors/index.ts';
import type { CapturePorts } from './ports.ts';
import { originPattern } from './origin-pattern.ts';
import { uploadBlobStore } from './upload-blob-store.ts';
import { pageSnapshot } from './injected/page-snapshot.ts';
import { readableArticle } from './injected/readable-article.ts';
import { selectionHtml } from './injected/selection-html.ts';

/** Copied into the build from @mozilla/readability (vite.config.ts): injected before readableArticle. */
const READABILITY_FILE = 'vendor/readability.js';
const PICKER_PAGE = 'extension/capture/index.html';
/** The manifest's command that saves the current page to the default folder. */
export const QUICK_SAVE_COMMAND = 'quick-save';

type PageCapture = { saveAsMHTML(details: { tabId: number }): Promise<Blob | undefined> };

/**
 * What saving from pages needs from the browser: the context menu, reading a tab (only through
 * scripting.executeScript, which the menu click's activeTab allows), Chrome's page capture, permissions asked in
 * the click, the browser's fetch for links and images, and the picker page.
 */
export function capturePorts(browser: Browser): CapturePorts & {
  /**
   * The one menu listener, registered at top level. The permissions a save needs are asked for synchronously
   * inside the click (browsers grant only within the gesture); the listener gets the request and that answer.
   */
  onMenuClick(listener: (request: MenuRequest | null, click: MenuClick, granted: Promise<boolean>) => void): void;
  /** The quick-save keyboard command, with page capture asked for in its gesture. */
  onQuickSave(listener: (tab: Tabs.Tab, granted: Promise<boolean>) => void): void;
  /** The extension was installed or updated, or the browser started: the menu is built again. */
  onMenusNeeded(listener: () => void): void;
} {
  const pageCaptureApi = (): PageCapture | undefined =>
    (browser as unknown as { pageCapture?: PageCapture }).pageCapture;
  // Chrome has page capture (its optional permission is asked at first use); Firefox has none.
  const hasPageCapture = (): boolean => isChromium();
  const script = async <T>(tabId: number, func: () => T | Promise<T>, frameId?: number): Promise<T | null> => {
    const target = frameId !== undefined && frameId > 0 ? { tabId, frameIds: [frameId] } : { tabId };
    try {
      const [first] = await browser.scripting.executeScript({ target, func: func as () => T });
      return (first?.result as T | undefined) ?? null;
    } catch (error) {
      throw appError('saveCannotReadPage', { detail: String(error instanceof Error ? error.message : error) });
    }
  };

  return {
    menus: {
      async replace(items: MenuItem[]) {
        await browser.contextMenus.removeAll();
        for (const item of items) {
          const properties: Menus.CreateCreatePropertiesType = {
            id: item.id,
            title: item.title || ' ',
            contexts: item.contexts,
            ...(item.parentId ? { parentId: item.parentId } : {}),
            ...(item.type === 'separator' ? { type: 'separator' } : {}),
            ...(item.documentUrlPatterns ? { documentUrlPatterns: item.documentUrlPatterns } : {}),
            ...(item.targetUrlPatterns ? { targetUrlPatterns: item.targetUrlPatterns } : {}),
          };
          await new Promise<void>((resolve) => {
            browser.contextMenus.create(properties, () => {
              // One entry the browser refuses (a pattern it cannot read) leaves the others in place.
              const refused = browser.runtime.lastError;
              if (refused) console.warn(`The menu entry ${item.id} was refused:`, refused.message);
              resolve();
            });
          });
        }
      },
    },
    page: {
      hasPageCapture,
      async mhtml(tabId) {
        const api = pageCaptureApi();
        if (!api) return null;
        // The capture's blob is backed by a temporary file that Chrome sometimes drops before the worker reads it
        // ("A requested file or directory could not be found", about one run in six here): it is read into memory
        // at once, captured again up to three times, and otherwise the HTML snapshot is used (null).
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            const blob = await api.saveAsMHTML({ tabId });
            if (!blob) return null;
            return new Blob([await blob.arrayBuffer()], { type: 'multipart/related' });
          } catch (error) {
            if (!(error instanceof DOMException) || error.name !== 'NotFoundError') {
              throw appError('saveCannotReadPage', { detail: String(error instanceof Error ? error.message : error) });
            }
          }
        }
        return null;
      },
      snapshotHtml: async (tabId) => (await script(tabId, pageSnapshot)) ?? '',
      async article(tabId) {
        try {
          await browser.scripting.executeScript({ target: { tabId }, files: [READABILITY_FILE] });
        } catch (error) {
          throw appError('saveCannotReadPage', { detail: String(error instanceof Error ? error.message : error) });
        }
        return script(tabId, readableArticle);
      },
      selection: (tabId, frameId) => script(tabId, selectionHtml, frameId),
    },
    permissions: {
      hasOrigin: (url) => browser.permissions.contains({ origins: [originPattern(new URL(url).origin)] }),
    },
    async fetchFile(url, signal) {
      const origin = new URL(url).origin;
      if (!(await browser.permissions.contains({ origins: [originPattern(origin)] })))
        throw appError('saveNeedsAccess', { origin });
      // The user's cookies go with it: a linked file behind the site's sign-in is what they see on the page.
      const response = await fetch(url, { credentials: 'include', signal, redirect: 'follow' });
      if (!response.ok) return { status: response.status };
      return {
        blob: await response.blob(),
        contentDisposition: response.headers.get('content-disposition'),
        contentType: response.headers.get('content-type'),
        url: response.url || url,
      };
    },
    blobs: uploadBlobStore(),
    async openTab(url, beside) {
      // Next to the tab the menu was clicked in (and counted as opened from it), in front.
      await browser.tabs.create({
        url,
        active: true,
        ...(beside?.index !== undefined ? { index: beside.index + 1 } : {}),
        ...(beside?.windowId !== undefined ? { windowId: beside.windowId } : {}),
        ...(beside ? { openerTabId: beside.id } : {}),
      });
    },
    async openPicker(query) {
      await browser.tabs.create({ url: browser.runtime.getURL(`${PICKER_PAGE}?${query}`) });
    },
    t: (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key,

    onMenuClick(listener) {
      browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
        const click: MenuClick = { ...info, menuItemId: info.menuItemId };
        const request = menuRequestFor(click, tab);
        listener(request, click, askInGesture(browser, request, hasPageCapture()));
      });
    },
    onQuickSave(listener) {
      browser.commands?.onCommand.addListener((command, tab) => {
        if (command !== QUICK_SAVE_COMMAND || !tab) return;
        const granted = hasPageCapture()
          ? browser.permissions.request({ permissions: ['pageCapture'] as never }).catch(() => false)
          : Promise.resolve(false);
        listener(tab, granted);
      });
    },
    onMenusNeeded(listener) {
      browser.runtime.onInstalled.addListener(() => listener());
      browser.runtime.onStartup.addListener(() => listener());
    },
  };
}

/**
 * Called synchronously in the click: a linked file's or an image's origin (the fetch), Chrome's page capture
 * (a snapshot). Already granted resolves true without a prompt.
 */
function askInGesture(browser: Browser, request: MenuRequest | null, pageCapture: boolean): Promise<boolean> {
  if (!request) return Promise.resolve(false);
  // The file entries act on a portal the extension already has access to.
  if (isFileActionRequest(request)) return Promise.resolve(true);
  try {
    if ((request.what === 'linkFile' || request.what === 'image') && request.targetUrl) {
      return browser.permissions
        .request({ origins: [originPattern(new URL(request.targetUrl).origin)] })
        .catch(() => false);
    }
    if (request.what === 'pageSnapshot' && pageCapture) {
      return browser.permissions.request({ permissions: ['pageCapture'] as never }).catch(() => false);
    }
  } catch {
    return Promise.resolve(false);
  }
  return Promise.resolve(true);
}

function isChromium(): boolean {
  return typeof (globalThis as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope !== 'undefined';
}

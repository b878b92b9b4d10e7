/**
 * The browser capabilities the background and the pages get, as injected objects. The entry points build
 * them from the real browser (`background-platform.ts`, `page-platform.ts`); tests build them over fakes,
 * so no handler, job or component needs a browser to be tested. Types only: importing this loads nothing.
 */
import type { MenuItem } from '../../src/capture/menu-items.ts';
import type { FetchLike } from '../../src/docspace/client.ts';
import type { OmniboxSuggestion } from '../../src/feedback/omnibox-suggestions.ts';
import type { OmniboxMarkup } from '../../src/feedback/omnibox-text.ts';
import type { FetchedFile } from '../../src/jobs/kinds/save.ts';
import type { UploadBlobStore } from '../../src/jobs/kinds/upload-blobs.ts';
import type { CommandHandlers, EventName, Events } from '../../src/protocol/index.ts';
import type { TabRequest } from '../../src/scheduler/tab-request.ts';
import type { Areas } from '../../src/storage/typed-storage.ts';

export interface CommandContext {
  /** The extension page that sent the command (already checked to be one of ours). */
  senderUrl: string;
}

export interface BackgroundPlatform {
  storage: Areas;
  fetch: FetchLike;
  alarms: {
    /** Wakes the worker at `when` (epoch ms) under this name. */
    wakeAt(name: string, when: number): void;
    /** While on, wakes the worker every 30 s: a stopped worker is followed by one that picks the work up. */
    keepWaking(name: string, on: boolean): void;
  };
  permissions: {
    hasOrigin(origin: string): Promise<boolean>;
    /** Gives the site access back (a removed portal); an access granted at install cannot be and stays. */
    removeOrigin(origin: string): Promise<void>;
  };
  identity: {
    /** The address the portal sends the browser back to after an OAuth sign-in; null without the identity API. */
    redirectUrl(): string | null;
    /**
     * Shows the portal's sign-in and consent pages in a browser window and resolves with the address the portal
     * sent the browser back to; rejects when the user closed the window. Needs the optional identity permission.
     */
    authorize(url: string): Promise<string>;
  };
  downloads: {
    /** The optional downloads permission is granted (a page asks for it inside the user's click). */
    allowed(): Promise<boolean>;
    /** Saves a URL with the browser's downloads, sending these headers (the portal's sign-in) with it. */
    start(url: string, headers: ReadonlyArray<{ name: string; value: string }>): Promise<void>;
  };
  tabRequests: {
    /**
     * Observes (never blocks, never reads a body or a request header) the requests the browser sends to these
     * origins' `/api/` paths from web pages, the extension's own left out, while this background runs. Replaces
     * the previous watch. False when the optional webRequest permission is not granted or the API is missing:
     * then nothing is observed and everything else works as before.
     */
    watch(origins: readonly string[], listener: (request: TabRequest) => void): Promise<boolean>;
  };
  /** The files pages stored for upload jobs (IndexedDB of the extension origin). */
  uploads: UploadBlobStore & {
    /** Deletes stored files no job holds that are older than `graceMs`. */
    sweep(kept: ReadonlySet<string>, graceMs: number): Promise<void>;
  };
  /** What the user sees of the background outside its pages: the toolbar badge, notifications, new tabs. */
  feedback: FeedbackPort;
  /** Saving from pages (context menus, page reading); absent in tests that do not save. */
  capture?: CapturePorts;
  events: {
    broadcast<K extends EventName>(name: K, payload: Events[K]): void;
    /** Whether an extension page (popup, side panel, options) is open now: it holds the interactive reserve. */
    pagesOpen(): boolean;
    /** Called when the first page opens and when the last one closes. */
    onPagesChanged(listener: (open: boolean) => void): void;
  };
}

export interface FeedbackPort {
  /** A message from `_locales` in the browser's UI language. */
  t(key: string, substitutions?: string[]): string;
  /** How this browser reads an omnibox description: XML (Chrome) or plain text (Firefox). */
  readonly omniboxMarkup: OmniboxMarkup;
  /** Whether notifications show buttons here (Chrome); elsewhere a click on the notification is the one action. */
  readonly noticeButtons: boolean;
  setBadge(badge: { text: string; color: 'accent' | 'failed'; title: string }): Promise<void>;
  /**
   * Shows a notification; `buttons` are dropped where the browser has none. `change`: the notification is
   * changed in place if it is still there (no new pop-up); `ifShown`: and not shown again if it is gone.
   */
  notify(
    notice: { id: string; title: string; message: string; buttons: string[] },
    how?: 'new' | 'change' | 'ifShown',
  ): Promise<void>;
  clearNotice(id: string): Promise<void>;
  /** Opens an http(s) address: in the current tab when the user asked so (the omnibox's Enter), else a new one. */
  openUrl(url: string, where?: 'currentTab' | 'newForegroundTab' | 'newBackgroundTab'): Promise<void>;
  /** Opens one of the extension's pages (a path with its query) the same way. */
  openPage(path: string, where?: 'currentTab' | 'newForegroundTab' | 'newBackgroundTab'): Promise<void>;
  openOptions(): Promise<void>;
  /** Puts text on the clipboard from the background (Chrome: an offscreen document; a background page: itself). */
  copyText(text: string): Promise<void>;
}

/** What the user does outside the extension's pages, delivered to the background. */
export interface FeedbackListeners {
  /** Null: newer input came meanwhile, and this answer must not replace its suggestions. */
  omniboxInput(text: string): Promise<{ suggestions: OmniboxSuggestion[]; defaultDescription: string } | null>;
  omniboxEnter(text: string, where: 'currentTab' | 'newForegroundTab' | 'newBackgroundTab'): Promise<void>;
  omniboxCancelled(): void;
  noticeClicked(id: string): Promise<void>;
  noticeButton(id: string, index: number): Promise<void>;
}

/** What saving from pages needs from the browser (extension/platform/capture-platform.ts). */
export interface CapturePorts {
  menus: { replace(items: MenuItem[]): Promise<void> };
  page: {
    /** Whether this browser has page capture (MHTML): Chrome; Firefox gets the HTML snapshot. */
    hasPageCapture(): boolean;
    /** The tab as MHTML, or null without page capture. */
    mhtml(tabId: number): Promise<Blob | null>;
    /** A self-contained HTML snapshot of the tab (injected/page-snapshot.ts). */
    snapshotHtml(tabId: number): Promise<string>;
    /** The tab's main text by Readability, or null when it has none. */
    article(tabId: number): Promise<{ title: string; content: string; byline: string | null } | null>;
    /** The selection's HTML, or null when nothing is selected. */
    selection(tabId: number, frameId?: number): Promise<string | null>;
  };
  permissions: { hasOrigin(url: string): Promise<boolean> };
  /** The browser's fetch of a link or an image (see SaveDeps.fetchFile). */
  fetchFile(url: string, signal: AbortSignal): Promise<FetchedFile | { status: number }>;
  blobs: UploadBlobStore & { put(blobs: readonly Blob[]): Promise<string[]> };
  /** Opens the folder picker page with this query string. */
  openPicker(query: string): Promise<void>;
  /** Opens an http(s) address in a new tab in front, next to `beside` (the tab a menu was clicked in) when given. */
  openTab(url: string, beside?: { id: number; index?: number; windowId?: number }): Promise<void>;
  /** A message from _locales for the menu's titles. */
  t(key: string, substitutions?: string[]): string;
}

/** Listener registration: only the worker's entry point calls these, synchronously, at top level. */
export interface BackgroundListeners {
  serveCommands(handlers: CommandHandlers<CommandContext>, ready: Promise<void>): void;
  acceptEventPorts(): void;
  onWake(listener: (name: string) => void): void;
  onPermissionsChanged(listener: () => void): void;
  /** Keyboard commands of the manifest that the worker answers (the side panel's); returns their handler. */
  acceptCommands(): (command: string, tab?: { windowId?: number }) => void;
  /** The omnibox keyword and notification clicks; `listeners` may wait for the background to be ready. */
  acceptFeedback(listeners: FeedbackListeners): void;
}

export interface PagePlatform {
  /** A message from `_locales`; a missing key shows the key itself so it is noticed, not hidden. */
  t(key: string, substitutions?: string | string[]): string;
  uiLanguage(): string;
  /** Opens an http(s) URL in a new tab. */
  openUrl(url: string, options?: { active?: boolean }): Promise<void>;
  openOptionsPage(): Promise<void>;
  /**
   * Must be called straight from a click handler: browsers grant host access only inside a user gesture.
   * `tabTraffic`: the optional webRequest permission is asked for in the same prompt (to see the user's own
   * DocSpace tabs' requests), `identity` the OAuth sign-in window's; refusing the prompt refuses all.
   */
  requestHostPermission(origin: string, options?: { tabTraffic?: boolean; identity?: boolean }): Promise<boolean>;
  /** The user's DocSpace tabs' requests may be observed (the optional webRequest permission; one for all portals). */
  tabTraffic: {
    /** Whether this browser's background can observe them at all (not an event page: Firefox, for now). */
    supported: boolean;
    allowed(): Promise<boolean>;
    /** Asks for it; inside a click. */
    allow(): Promise<boolean>;
  };
  copyText(text: string): Promise<void>;
  /**
   * Downloads a URL with the browser's downloads (the optional permission is asked for at first use, inside
   * the click); without it, the URL opens in a tab, which downloads it too.
   */
  download(url: string): Promise<void>;
  /** Asks for the optional downloads permission (inside the click); true when granted. */
  allowDownloads(): Promise<boolean>;
  /** Stores picked files where the background's upload job reads them; one key per file, in order. */
  storeUploads(files: readonly Blob[]): Promise<string[]>;
  /** Deletes stored files that were not handed to a job after all. */
  discardUploads(keys: readonly string[]): Promise<void>;
  /** Opens this app in the browser's side panel (Chrome) or sidebar (Firefox); false where there is none. */
  openSidePanel(): Promise<boolean>;
  /** A language's `_locales` messages, read from the package (the i18n API only speaks the browser's language). */
  loadMessages(
    language: string,
  ): Promise<Record<string, { message: string; placeholders?: Record<string, { content: string }> }>>;
  /** The extension's keyboard shortcuts as the browser has them now (the user may have changed them). */
  shortcuts(): Promise<Array<{ name: string; description: string; shortcut: string }>>;
  /**
   * Opens the browser's shortcut settings: true where a tab could be opened there (Chromium's
   * chrome://extensions/shortcuts), false where the page must say where they are (Firefox's add-ons manager).
   */
  openShortcutSettings(): Promise<boolean>;
  /** Saves text as a file the user downloads (a JSON export). */
  saveFile(name: string, text: string, type: string): void;
  extensionVersion(): string;
}

/**
 * What a shared end-to-end test needs from a browser, so one test body runs in Chromium (Playwright) and in
 * Firefox (puppeteer over WebDriver BiDi). Everything here answers at once: reads never wait, and the shared
 * assertions (see.ts) poll them with a timeout, so both browsers wait the same way.
 */

import type { PutFiles } from './files.ts';

/** An element, found the way a user would name it. Names and texts match exactly unless a RegExp is given. */
export type Target =
  | { testId: string }
  | {
      role:
        'button' | 'tab' | 'navigation' | 'alert' | 'menuitem' | 'menuitemradio' | 'dialog' | 'textbox' | 'searchbox';
      name?: string;
    }
  /** A form control by the text of its label. */
  | { label: string }
  /** CSS, optionally only the elements whose whitespace-normalised text is `text` (or matches it). */
  | { css: string; text?: string | RegExp };

export interface ExtensionPage {
  /** Replaces a control's value, as typing would (the page sees an input event). */
  fill(target: Target, value: string): Promise<void>;
  /** Chooses the option whose text is `option` in a <select>, as a user would (the page sees change). */
  select(target: Target, option: string): Promise<void>;
  /** Clicks the first match once it is visible (waits up to a few seconds for it). */
  click(target: Target): Promise<void>;
  /** Calls element.click() in the page: a click that neither scrolls nor moves a pointer. */
  clickInPage(target: Target): Promise<void>;
  /** Gives the first match files as a user would: picked in a file input, or dropped onto it (see files.ts). */
  putFiles(target: Target, input: PutFiles): Promise<void>;
  /** Scrolls a scrollable element to its end. */
  scrollToEnd(css: string): Promise<void>;
  /** The first match's text with whitespace collapsed, or null when nothing matches. */
  text(target: Target): Promise<string | null>;
  count(target: Target): Promise<number>;
  /** Whether the first match is rendered (has a box and is not hidden). False when nothing matches. */
  visible(target: Target): Promise<boolean>;
  attribute(target: Target, name: string): Promise<string | null>;
  /** A form control's current value (the property, which a page sets without touching the attribute). */
  value(target: Target): Promise<string | null>;
  /**
   * Presses a key (or a chord such as "Control+a", "Shift+ArrowDown") on whatever has focus, as a user would.
   * Keys follow KeyboardEvent.key names.
   */
  press(key: string): Promise<void>;
  /** What has focus now: its text (collapsed), its role attribute or tag, and the listed attribute. */
  focused(attribute?: string): Promise<{ text: string; tag: string; attribute: string | null } | null>;
  /** Runs axe-core on the page (Chromium only; null where the driver cannot): serious and critical count. */
  accessibilityViolations?(): Promise<Array<{ id: string; impact: string | null; nodes: number; targets: string[] }>>;
  /** Emulates the system's light or dark preference (Chromium only). */
  colorScheme?(scheme: 'light' | 'dark'): Promise<void>;
  /** Sends a protocol command from this page, as the popup would, and returns the background's reply. */
  command<T = unknown>(name: string, payload: unknown): Promise<T>;
  /** A fetch made by the page itself: proves the page-request recorder sees what a page sends. */
  fetchFromPage(url: string): Promise<void>;
  close(): Promise<void>;
}

/** A web page in a tab of its own (not the extension's): a page of the portal standing in for a DocSpace tab. */
export interface WebPage {
  /** Evaluates a JavaScript expression in the page; its value comes back as JSON. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface ExtensionDriver {
  readonly browserName: 'chromium' | 'firefox';
  /** Opens an http(s) page in a new tab, waiting for it to load. */
  openWebPage(url: string): Promise<WebPage>;
  openOptions(): Promise<ExtensionPage>;
  openPopup(): Promise<ExtensionPage>;
  /** The side panel's (Chrome) or sidebar's (Firefox) page, opened as a tab of side-panel size. */
  openSidePanel(): Promise<ExtensionPage>;
  /** Runs `action` and returns the URL of the tab it opened. */
  urlOfTabOpenedBy(action: () => Promise<void>): Promise<string>;
  /** Stops the background the way the browser itself stops an idle one; resolves once it is stopped. */
  stopBackground(): Promise<void>;
  backgroundRunning(): Promise<boolean>;
  /**
   * Quits the browser and starts it again on the same profile (Chromium only): stored data survives, pages and
   * the background's memory do not. ExtensionPages opened before are closed.
   */
  restartBrowser?(): Promise<void>;
  /**
   * Runs a function in the background's global scope (the worker in Chromium, the event page in Firefox) and
   * returns its JSON value: `fn` is the source of `(scope) => value`, as the browser's own events would call the
   * background's listeners (`scope.dptFeedback`), or to read what only the background sees (the badge).
   */
  inBackground<T = unknown>(fn: string): Promise<T>;
  /**
   * Calls a function the background exposes on its global scope for tests (the context menus' click handler:
   * native menus cannot be clicked by any automation tool) with JSON arguments; resolves with its JSON result.
   */
  callBackground<T = unknown>(name: string, args: unknown[]): Promise<T>;
  /** The browser's tab showing this address, as a menu click hands it to the background. */
  tabOf(url: string): Promise<{ id: number; url: string; title: string; index: number; windowId: number }>;
  /**
   * The text on the system clipboard, as a user pasting it would get it. `origin`: a web origin the driver may
   * open a page of to read it (Chromium reads there, with the clipboard-read permission granted to that origin).
   */
  readClipboard(origin: string): Promise<string>;
  /** Every URL an extension page (not the background) requested: the product promises none goes to the portal. */
  readonly pageRequests: readonly string[];
}

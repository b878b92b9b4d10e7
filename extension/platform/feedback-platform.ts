import type { Browser } from 'webextension-polyfill';
import type { OmniboxSuggestion } from '../../src/feedback/omnibox-suggestions.ts';
import type { FeedbackListeners, FeedbackPort } from './ports.ts';
import { OFFSCREEN_COPY, type OffscreenCopy } from './offscreen-message.ts';

/** The badge's colours: the pages' accent and danger colours (light theme: the toolbar is drawn by the browser). */
const BADGE_COLORS = { accent: '#2459c9', failed: '#b3261e' } as const;
const OFFSCREEN_PATH = 'extension/platform/offscreen-clipboard.html';

type Where = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

interface ChromeOffscreen {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

/** Only Firefox has getBrowserInfo; it is also the browser without notification buttons and omnibox markup. */
const isFirefox = (browser: Browser): boolean =>
  typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';

export function feedbackPort(browser: Browser): FeedbackPort {
  const firefox = isFirefox(browser);
  const open = async (url: string, where: Where = 'newForegroundTab'): Promise<void> => {
    if (where === 'currentTab') await browser.tabs.update({ url });
    else await browser.tabs.create({ url, active: where === 'newForegroundTab' });
  };
  let copying: Promise<void> = Promise.resolve();

  return {
    t: (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key,
    omniboxMarkup: firefox ? 'plain' : 'xml',
    noticeButtons: !firefox,
    async setBadge({ text, color, title }) {
      const action = browser.action;
      await Promise.all([
        action.setBadgeText({ text }),
        action.setBadgeBackgroundColor({ color: BADGE_COLORS[color] }),
        action.setTitle({ title }),
        // Older browsers without a badge text colour pick one themselves; the badge still reads.
        (action as { setBadgeTextColor?: (d: { color: string }) => Promise<void> })
          .setBadgeTextColor?.({ color: '#ffffff' })
          ?.catch(() => undefined),
      ]);
    },
    async notify({ id, title, message, buttons }, how = 'new') {
      const options = {
        type: 'basic' as const,
        iconUrl: browser.runtime.getURL('icons/icon-128.png'),
        title,
        message,
        // Chrome shows at most two; an empty list is given too, so a change takes the old buttons away.
        ...(firefox ? {} : { buttons: buttons.slice(0, 2).map((b) => ({ title: b })) }),
      };
      // create() of an id that is shown clears it and pops a new one up; update() changes it where it is.
      const update = (browser.notifications as { update?: (id: string, o: object) => Promise<boolean> }).update;
      if (how !== 'new' && update) {
        const changed = await update(id, options).catch(() => false);
        if (changed || how === 'ifShown') return;
      } else if (how === 'ifShown') return;
      await browser.notifications.create(id, options);
    },
    clearNotice: async (id) => void (await browser.notifications.clear(id)),
    openUrl: (url, where) => open(url, where),
    openPage: (path, where) => open(browser.runtime.getURL(path), where),
    openOptions: () => browser.runtime.openOptionsPage(),
    copyText(text) {
      // One copy at a time: the offscreen document is shared and closed after each.
      const next = copying.then(() => copyWith(browser, text));
      copying = next.catch(() => undefined);
      return next;
    },
  };
}

/**
 * A service worker has no clipboard: Chrome's offscreen document (reason CLIPBOARD) copies for it. A background
 * page (Firefox) has a document of its own and copies there.
 */
async function copyWith(browser: Browser, text: string): Promise<void> {
  const offscreen = (globalThis as { chrome?: { offscreen?: ChromeOffscreen } }).chrome?.offscreen;
  if (!offscreen) {
    await navigator.clipboard.writeText(text);
    return;
  }
  if (!(await offscreen.hasDocument?.().catch(() => false))) {
    await offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['CLIPBOARD'],
        justification: 'Copies the share link the user asked for from a notification.',
      })
      .catch((error: unknown) => {
        // Created meanwhile by another copy: it is there, which is all that is needed.
        if (!String(error).includes('single offscreen')) throw error;
      });
  }
  try {
    const message: OffscreenCopy = { type: OFFSCREEN_COPY, text };
    const copied = (await browser.runtime.sendMessage(message)) as { copied?: boolean; detail?: string } | undefined;
    if (!copied?.copied) throw new Error(`The clipboard refused the text: ${copied?.detail ?? 'no answer'}`);
  } finally {
    await offscreen.closeDocument().catch(() => undefined);
  }
}

/** The omnibox keyword and the notifications' clicks, registered at the worker's top level. */
export function listenForFeedback(browser: Browser, listeners: FeedbackListeners): void {
  // The same listeners, reachable from the worker's own console (and the e2e tests evaluating there): the
  // browser's omnibox and notifications cannot be typed into or clicked by automation.
  (globalThis as { dptFeedback?: FeedbackListeners }).dptFeedback = listeners;
  const omnibox = browser.omnibox as Browser['omnibox'] | undefined;
  if (omnibox) {
    omnibox.onInputChanged.addListener((text: string, suggest: (s: OmniboxSuggestion[]) => void) => {
      void listeners.omniboxInput(text).then(
        (answer) => {
          if (!answer) return;
          omnibox.setDefaultSuggestion({ description: answer.defaultDescription });
          suggest(answer.suggestions);
        },
        () => suggest([]),
      );
    });
    omnibox.onInputEntered.addListener((text: string, where: string) => {
      void listeners.omniboxEnter(text, where as Where).catch(() => undefined);
    });
    omnibox.onInputCancelled.addListener(() => listeners.omniboxCancelled());
  }
  const notifications = browser.notifications as Browser['notifications'] | undefined;
  if (notifications) {
    notifications.onClicked.addListener((id: string) => void listeners.noticeClicked(id).catch(() => undefined));
    notifications.onButtonClicked?.addListener(
      (id: string, index: number) => void listeners.noticeButton(id, index).catch(() => undefined),
    );
  }
}

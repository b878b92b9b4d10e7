// The popup's last view, kept in the page origin's localStorage as the markup it was drawn with, so the next
// opening shows it in the first frame, before the app's code has loaded (~100 ms on a busy machine) and before
// the background answers. It is a picture only: inert, hidden from screen readers, gone once the app has drawn
// the same view live. Its markup is this extension's own serialised DOM (server strings in it are escaped text),
// read back through a <template> with anything active stripped; the extension's CSP allows no inline script.

import { ATTR_SCROLL, readSnapshot, restoreScroll, type SnapshotKey } from './snapshot-store.ts';

/** What never goes into the picture: anything that runs, loads, or shows a passing state. */
const STRIP = 'script, iframe, object, embed, link, style, [role="dialog"], [role="menu"], .toast-area > *';

/** Removes what may not be shown again from parsed markup: active elements, event-handler and URL attributes. */
export function sanitize(root: DocumentFragment | Element): void {
  root.querySelectorAll(STRIP).forEach((el) => el.remove());
  root.querySelectorAll('*').forEach((el) => {
    for (const { name, value } of [...el.attributes]) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || lower === 'autofocus') el.removeAttribute(name);
      else if (lower === 'href' && !/^https?:/i.test(value.trim())) el.removeAttribute(name);
      // Only the extension's own images (the header's icon): a thumbnail's blob: address is dead by then.
      else if ((lower === 'src' || lower === 'srcset') && !/^\/[^/]/.test(value.trim())) el.removeAttribute(name);
    }
  });
}

/**
 * Draws the kept view into `container` (the app's mount point, still empty): called by the page's first, tiny
 * script. Returns whether there was one.
 */
export function paintSnapshot(container: HTMLElement, key: SnapshotKey, now = Date.now()): boolean {
  const stored = readSnapshot(key, now);
  if (!stored) return false;
  const template = document.createElement('template');
  template.innerHTML = stored.html;
  sanitize(template.content);
  container.replaceChildren(template.content);
  container.setAttribute(ATTR_SCROLL, String(stored.scrollTop));
  restoreScroll(container, stored.scrollTop);
  return true;
}

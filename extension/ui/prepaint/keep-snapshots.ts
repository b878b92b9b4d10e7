// Keeps the picture of the popup's view up to date (see paint-snapshot.ts), loaded once the app has drawn.
import { sanitize } from './paint-snapshot.ts';
import { clearSnapshots, MAX_SNAPSHOT_HTML, SCROLLER, writeSnapshot, type SnapshotKey } from './snapshot-store.ts';

/** What to do with the view a page shows now: keep its picture, leave the last one, or forget it (signed out). */
export type SnapshotVerdict = 'keep' | 'skip' | 'forget';

/** Keeps the picture of the view `container` shows, a moment after it changes, as `decide` says. */
export function keepSnapshots(
  container: HTMLElement,
  key: SnapshotKey,
  decide: (app: HTMLElement) => SnapshotVerdict,
  delayMs = 300,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The first ready view is kept at once (a popup is often closed a moment after it showed what was wanted);
  // later changes a moment after they settle.
  let kept = false;
  const save = (): void => {
    timer = undefined;
    const verdict = decide(container);
    if (verdict === 'forget') return clearSnapshots();
    if (verdict === 'skip') return;
    kept = true;
    const copy = container.cloneNode(true) as HTMLElement;
    sanitize(copy);
    const html = copy.innerHTML;
    if (html.length > MAX_SNAPSHOT_HTML) return;
    const scrollTop = container.querySelector<HTMLElement>(SCROLLER)?.scrollTop ?? 0;
    writeSnapshot(key, { v: 1, html, scrollTop, savedAt: Date.now() });
  };
  let frame: number | undefined;
  const soon = (): void => {
    if (timer !== undefined || frame !== undefined) return;
    if (kept) timer = setTimeout(save, delayMs);
    // Not before the frame that shows the view: copying it would hold that frame back.
    else
      frame = requestAnimationFrame(() => {
        frame = undefined;
        timer = setTimeout(save, 0);
      });
  };
  const observer = new MutationObserver(soon);
  observer.observe(container, { childList: true, subtree: true, characterData: true, attributes: true });
  // Scrolling moves the rows without always changing the DOM (a small scroll): it counts as a change too.
  container.addEventListener('scroll', soon, { capture: true, passive: true });
  // The view may be complete before this code loaded: it is kept without waiting for a change.
  soon();
  return () => {
    observer.disconnect();
    container.removeEventListener('scroll', soon, { capture: true });
    if (timer !== undefined) clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}

const SIGNED_OUT = '[data-testid="signed-out"], [data-testid="portal-needs-attention"]';

/** A listing with rows is kept (not a search: the next opening starts without one); no account, nothing kept. */
export function popupSnapshotVerdict(app: HTMLElement): SnapshotVerdict {
  if (app.querySelector(SIGNED_OUT)) return 'forget';
  if (app.querySelector('[data-testid="search-status"]')) return 'skip';
  return app.querySelector('.listing[data-status="ready"] .grid .row') ? 'keep' : 'skip';
}

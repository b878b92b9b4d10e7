// Hands the screen over from the kept picture (paint-snapshot.ts) to the app, without a frame showing neither.
import { ATTR_SCROLL, restoreScroll } from './snapshot-store.ts';

/**
 * Before the app renders into `container`: the picture moves out of it into an overlay over the page, so the
 * app starts from an empty mount point, and the overlay stays until `isLive` says the app shows its own view
 * (or `maxMs` passed). The move and the app's first render happen in one task: no frame shows neither.
 */
export function liftSnapshot(container: HTMLElement, isLive: (app: HTMLElement) => boolean, maxMs = 1_500): void {
  if (!container.firstChild || !container.hasAttribute(ATTR_SCROLL)) return;
  const scrollTop = Number(container.getAttribute(ATTR_SCROLL)) || 0;
  container.removeAttribute(ATTR_SCROLL);
  const overlay = document.createElement('div');
  overlay.className = 'prepaint';
  overlay.setAttribute('aria-hidden', 'true');
  overlay.inert = true;
  overlay.append(...container.childNodes);
  document.body.append(overlay);
  restoreScroll(overlay, scrollTop);
  let done = false;
  const drop = (): void => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    overlay.remove();
  };
  const observer = new MutationObserver(() => {
    if (isLive(container)) drop();
  });
  observer.observe(container, { childList: true, subtree: true, attributes: true });
  const timer = setTimeout(drop, maxMs);
}

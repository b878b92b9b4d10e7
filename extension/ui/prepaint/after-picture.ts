/**
 * Resolves once the kept picture (drawn by prepaint.js while the page was parsed) is on screen, so the app's
 * modules, evaluated after this, do not hold back the frame that shows it: a module script runs as soon as the
 * page is parsed, before the first frame. Without a picture, or on a page that is not shown (which gets no
 * frames), at once; never later than `capMs`.
 */
export function afterPicture(capMs = 100): Promise<void> {
  if (!performance.getEntriesByName('prepaint').length || document.visibilityState !== 'visible')
    return Promise.resolve();
  return new Promise((resolve) => {
    const cap = setTimeout(resolve, capMs);
    // A frame callback runs just before its paint; a task queued from it runs after.
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(cap);
        resolve();
      }, 0),
    );
  });
}

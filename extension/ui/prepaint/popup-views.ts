// Which of the popup's views (BrowseView, PopupApp) a picture may stand in for, read from their markup.

const SETTLED = [
  '.listing[data-status="ready"]',
  '.listing[data-status="error"]',
  '[data-testid="signed-out"]',
  '[data-testid="portal-needs-attention"]',
].join(', ');

/** The app shows its own view (rows, an empty folder, an error, a sign-in): the picture can go. */
export function popupIsLive(app: HTMLElement): boolean {
  return app.querySelector(SETTLED) !== null;
}

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * The popup's first frame shows its last view from the page's kept picture (ui/prepaint), before the app's code
 * has loaded; the app's own rows replace it; signing out takes the picture with it.
 */

/** In every page: when the picture's rows and the app's own rows were first in the document. */
function recordRows(): void {
  const seen = window as unknown as { __rows?: { picture?: number; live?: number; pictureText?: string } };
  seen.__rows = {};
  const observer = new MutationObserver(() => {
    const rows = seen.__rows!;
    // The picture is drawn into the mount point (marked while it holds it), then lifted into the overlay.
    const app = document.getElementById('app');
    const painted = app?.hasAttribute('data-prepaint-scroll') ? app : document.querySelector('.prepaint');
    const picture = painted?.querySelector('.grid .row');
    if (picture && rows.picture === undefined) {
      rows.picture = performance.now();
      rows.pictureText = picture.textContent ?? '';
    }
    const live = painted === app ? null : app?.querySelector('.grid .row');
    if (live && rows.live === undefined) rows.live = performance.now();
  });
  observer.observe(document, { childList: true, subtree: true });
}

type Rows = { picture?: number; live?: number; pictureText?: string };
const rowsOf = (page: Page) => page.evaluate(() => (window as unknown as { __rows: Rows }).__rows);

test('the popup opens on its last view at once, then the app takes over; signing out forgets it', async ({
  context,
  openPopup,
  signInWithApiKey,
}) => {
  const options = await signInWithApiKey();
  await expect(options.getByTestId('signin-success')).toBeVisible();
  await context.addInitScript(recordRows);

  // The first opening has nothing kept: the app draws alone, then keeps its view.
  const first = await openPopup();
  await expect(first.locator('#app .grid .row').first()).toBeVisible();
  expect((await rowsOf(first)).picture).toBeUndefined();
  const firstRow = (await first.locator('#app .grid .row').first().textContent()) ?? '';
  await expect.poll(() => first.evaluate(() => localStorage.getItem('dpt.prepaint.popup') !== null)).toBe(true);
  await first.close();

  // The next one shows the picture before the app's rows, and ends with the app's alone.
  const second = await openPopup();
  await expect(second.locator('#app .grid .row').first()).toBeVisible();
  await expect(second.locator('.prepaint')).toHaveCount(0);
  const rows = await rowsOf(second);
  expect(rows.picture).toBeDefined();
  expect(rows.picture!).toBeLessThan(rows.live!);
  expect(rows.pictureText).toBe(firstRow);
  // The app works as ever: "/" goes to its search box.
  await second.keyboard.press('/');
  await expect(second.getByRole('searchbox')).toBeFocused();
  await second.close();

  await options.getByRole('button', { name: 'Sign out' }).first().click();
  await expect.poll(() => options.evaluate(() => localStorage.getItem('dpt.prepaint.popup'))).toBeNull();
  const third = await openPopup();
  await expect(third.getByTestId('portal-needs-attention').or(third.getByTestId('signed-out'))).toBeVisible();
  expect((await rowsOf(third)).picture).toBeUndefined();
  await third.close();
});

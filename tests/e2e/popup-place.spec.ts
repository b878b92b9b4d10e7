import { expect, test } from './fixtures.ts';
import { openPath } from './popup-steps.ts';

// The popup opens where it was left: the same folder, scrolled to the same rows.
test('room logos and image thumbnails show; the popup reopens on the folder it showed, scrolled to the same row, even when closed right after scrolling', async ({
  openPopup,
  signedIn,
}) => {
  await signedIn();
  let popup = await openPopup();
  // A room with an uploaded logo shows it (fetched by the background); the others keep their coloured tiles.
  const pressKit = popup.locator('.grid .row', { hasText: 'Press kit' });
  await expect(pressKit.locator('img.room-logo')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(popup.locator('.grid .row', { hasText: 'Marketing' }).locator('svg.entry-icon rect')).toHaveAttribute(
    'fill',
    '#5299e0',
  );
  await openPath(popup, ['Marketing', 'Assets']);
  await expect(popup.getByTestId('entry-count')).toHaveText('50 of 180');
  // Images show their thumbnails, fetched by the background (the page holds only a data: URL, never a portal URL).
  await expect(popup.locator('.grid img.entry-thumb').first()).toBeVisible();
  const sources = await popup
    .locator('.grid img.entry-thumb')
    .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).src));
  expect(sources.length).toBeGreaterThan(3);
  for (const src of sources) expect(src).toMatch(/^data:image\//);
  expect(
    await popup
      .locator('.grid img.entry-thumb')
      .first()
      .evaluate((i) => (i as HTMLImageElement).naturalWidth),
  ).toBeGreaterThan(0);
  await popup.locator('.list-scroller').evaluate((scroller) => (scroller.scrollTop = 30 * 48));
  const firstShown = async () =>
    popup.evaluate(() => {
      const scroller = document.querySelector('.list-scroller')!;
      const top = scroller.getBoundingClientRect().top;
      const rows = [...document.querySelectorAll('.grid .row')].filter(
        (row) => row.getBoundingClientRect().bottom > top + 1,
      );
      return Math.min(...rows.map((row) => Number(row.getAttribute('aria-rowindex'))));
    });
  await expect.poll(firstShown).toBe(31);
  // Closed at once: the place is saved as the popup goes, not only a moment after scrolling stops.
  await popup.close({ runBeforeUnload: true });

  popup = await openPopup();
  await expect(popup.getByRole('navigation', { name: 'Location' })).toHaveText(/Marketing.*Assets$/);
  await expect.poll(firstShown, { timeout: 5_000 }).toBe(31);
});

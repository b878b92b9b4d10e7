import { expect, test } from './fixtures.ts';
import { openQ1 } from './popup-steps.ts';

// The mouse on the list, as a power user clicks: the check box selects (Shift extends a range, Ctrl or Cmd
// toggles one), and a row's name is a link: Ctrl-, Cmd- or middle-click opens DocSpace in a tab behind this one.

test('Shift-click on a check box selects the range, Ctrl-click toggles one', async ({ openPopup, signedIn }) => {
  await signedIn();
  const popup = await openPopup();
  await openQ1(popup);
  const box = (title: string) => popup.getByLabel(`Select ${title}`);
  const count = popup.getByTestId('selection-count');
  const files = popup.locator('.grid .row[data-kind=file] .row-title > .server-text');
  const [first, , third] = await files.allTextContents();
  await box(first!).click();
  await expect(count).toHaveText('1 selected');
  await box(third!).click({ modifiers: ['Shift'] });
  await expect(count).toHaveText('3 selected');
  const second = (await files.allTextContents())[1]!;
  await box(second).click({ modifiers: ['ControlOrMeta'] });
  await expect(count).toHaveText('2 selected');
  await expect(box(second)).not.toBeChecked();
  await expect(popup.locator('.grid .row[aria-selected=true]')).toHaveCount(2);
});

test('Ctrl-click and middle-click on a file open it in DocSpace in a background tab', async ({
  openPopup,
  context,
  worker,
  sandbox,
  signedIn,
}) => {
  await signedIn();
  const popup = await openPopup();
  await openQ1(popup);
  const link = popup.locator('.grid .row', { hasText: 'Q1 launch plan.docx' }).locator('a.row-link');
  await expect(link).toHaveAttribute('href', new RegExp(`^${sandbox.url}/doceditor\\?fileid=`));
  for (const click of [{ modifiers: ['ControlOrMeta'] as const }, { button: 'middle' as const }]) {
    const opened = context.waitForEvent('page');
    await link.click({ modifiers: click.modifiers ? [...click.modifiers] : [], button: click.button ?? 'left' });
    const tab = await opened;
    await expect.poll(() => tab.url()).toMatch(/doceditor\?fileid=/);
    const active = await worker.evaluate(async () => {
      const tabs = await (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<Array<{ url?: string; pendingUrl?: string }>> } };
        }
      ).chrome.tabs.query({ active: true, currentWindow: true });
      return tabs.map((t) => t.pendingUrl || t.url || '');
    });
    // The popup stays in front; the file waits in its tab.
    expect(active.some((url) => url.includes('doceditor'))).toBe(false);
    await tab.close();
  }
  // Nothing was selected or opened in the popup by those clicks.
  await expect(popup.getByTestId('selection-count')).toHaveCount(0);
});

import { expect, test } from './fixtures.ts';

// Chrome opens the side panel only inside the click's user gesture; an await before sidePanel.open() can lose
// it ("may only be called in response to a user gesture"). The spy records whether open() ran within the click.
test('"Open in side panel" opens Chrome\'s panel for this window from within the click, then closes the popup', async ({
  signedIn,
  openPopup,
}) => {
  await signedIn();
  const popup = await openPopup(() => {
    type Spy = { calls: Array<{ windowId: unknown; inClick: boolean }>; closed: boolean };
    const spy: Spy = { calls: [], closed: false };
    const scope = globalThis as unknown as {
      sidePanelSpy: Spy;
      chrome: { sidePanel: { open(options: { windowId: number }): Promise<void> } };
    };
    scope.sidePanelSpy = spy;
    let inClick = false;
    addEventListener('click', () => (inClick = true), true);
    addEventListener('click', () => (inClick = false));
    scope.chrome.sidePanel.open = async (options) => void spy.calls.push({ windowId: options.windowId, inClick });
    window.close = () => void (spy.closed = true);
  });
  await expect(popup.locator('.grid').getByText('Marketing').first()).toBeVisible();
  await popup.getByRole('button', { name: 'Open in side panel' }).click();
  await expect
    .poll(() => popup.evaluate(() => (globalThis as unknown as { sidePanelSpy: unknown }).sidePanelSpy))
    .toEqual({ calls: [{ windowId: expect.any(Number), inClick: true }], closed: true });
});

test('the side panel keyboard command opens the panel for the window it was pressed in', async ({ worker }) => {
  const opened = await worker.evaluate(async () => {
    type Panel = { open(options: { windowId: number }): Promise<void> };
    const scope = globalThis as unknown as {
      chrome: { sidePanel: Panel };
      browser?: { sidePanel: Panel };
      dptCommand(command: string, tab: { windowId: number }): void;
    };
    const calls: number[] = [];
    // Chromium has `browser` too; whichever the worker holds records the call.
    for (const panel of [scope.chrome.sidePanel, scope.browser?.sidePanel])
      if (panel) panel.open = async (options) => void calls.push(options.windowId);
    scope.dptCommand('quick-save-not-this', { windowId: 7 });
    scope.dptCommand('open-side-panel', { windowId: 7 });
    return calls;
  });
  expect(opened).toEqual([7]);
  // The command is the manifest's, with a key suggested.
  const manifest = await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { getManifest(): { commands: object } } } }
    ).chrome.runtime.getManifest(),
  );
  expect(manifest.commands).toMatchObject({ 'open-side-panel': { suggested_key: { default: 'Alt+Shift+S' } } });
});

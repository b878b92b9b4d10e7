import { expect, type Page } from '@playwright/test';

/** Opens each folder of `path` in turn by its row's link, as a click would. */
export async function openPath(popup: Page, path: string[]): Promise<void> {
  for (const folder of path)
    await popup.locator('.grid .row', { hasText: folder }).first().locator('a.row-link').click();
}

/** Marketing › Campaigns › 2026 › Q1, the demo's deepest folder with files, shown. */
export async function openQ1(popup: Page): Promise<void> {
  await openPath(popup, ['Marketing', 'Campaigns', '2026', 'Q1']);
  await expect(popup.locator('.grid .row', { hasText: 'Q1 kickoff.pptx' })).toBeVisible();
}

import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openQ1 } from './popup-steps.ts';

// Downloads need the optional "downloads" permission, which the browser asks the user for; automation cannot
// answer that prompt, so both sides get a granted permission and a recording chrome.downloads instead. What is
// checked is what the extension asks the browser to save.

type Recorded = { url: string; headers?: Array<{ name: string; value: string }> };
/** Chrome's API style: a callback when one is passed (webextension-polyfill passes one), else a promise. */
type Answer<T> = (arg: unknown, callback?: (value: T) => void) => Promise<T>;
type Api = {
  permissions: { request: Answer<boolean>; contains: Answer<boolean> };
  downloads?: { download(options: Recorded, callback?: (id: number) => void): Promise<number> };
};
/** Chromium 156 has the `browser` namespace too (the polyfill then uses it as it is): both get the stand-ins. */
type Scope = { recorded: Recorded[]; chrome: Api; browser?: Api };

function grant(): void {
  const scope = globalThis as unknown as Scope;
  scope.recorded = [];
  const yes: Answer<boolean> = async (_arg, callback) => (callback?.(true), true);
  for (const api of [scope.chrome, scope.browser]) {
    if (!api) continue;
    api.permissions.request = yes;
    api.permissions.contains = yes;
    api.downloads = {
      download: async (options, callback) => {
        const id = scope.recorded.push(options);
        callback?.(id);
        return id;
      },
    };
  }
}
const readRecorded = (): Recorded[] => (globalThis as unknown as Scope).recorded;
const grantDownloads = async (target: Page | Worker): Promise<void> =>
  'goto' in target ? target.evaluate(grant) : target.evaluate(grant);
const recorded = async (target: Page | Worker): Promise<Recorded[]> =>
  'goto' in target ? target.evaluate(readRecorded) : target.evaluate(readRecorded);

test('Download saves the file from the portal; two selected files download as one archive', async ({
  openPopup,
  worker,
  sandbox,
  signedIn,
}) => {
  await signedIn();
  const popup = await openPopup();
  await grantDownloads(popup);
  await grantDownloads(worker);
  await openQ1(popup);

  await popup.getByRole('button', { name: 'Actions for Q1 budget.xlsx' }).click();
  await popup.getByRole('menuitem', { name: 'Download' }).click();
  await expect.poll(() => recorded(popup)).toHaveLength(1);
  const [single] = await recorded(popup);
  expect(single!.url.startsWith(`${sandbox.url}/`)).toBe(true);
  // The link works without the extension's credentials (a browser download sends none).
  const file = await fetch(single!.url);
  expect(file.status).toBe(200);
  expect((await file.arrayBuffer()).byteLength).toBe(31_744);

  await popup.getByLabel('Select Q1 budget.xlsx').click();
  await popup.getByLabel('Select Q1 kickoff.pptx').click();
  await popup.locator('.selection-bar button', { hasText: 'Download as one archive' }).click();
  await expect.poll(() => recorded(worker), { timeout: 20_000 }).toHaveLength(1);
  const [archive] = await recorded(worker);
  expect(archive!.url.startsWith(`${sandbox.url}/`)).toBe(true);
  expect(archive!.headers?.map((h) => h.name)).toEqual(['Authorization']);
  const zip = await fetch(archive!.url, { headers: { Authorization: archive!.headers![0]!.value } });
  expect(zip.status).toBe(200);
  // A zip archive begins "PK".
  expect(
    Buffer.from(await zip.arrayBuffer())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
});

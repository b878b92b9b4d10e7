import { DEMO_HOSTILE_TITLE, DEMO_ROOMS } from '../sandbox/seed-demo.ts';
import { expect, test, type SandboxLogEntry } from './fixtures.ts';

const ANONYMOUS = new Set(['GET /api/2.0/settings', 'POST /api/2.0/authentication']);
const activeRooms = Object.values(DEMO_ROOMS).filter((room) => room.id !== DEMO_ROOMS.oldProjects.id);

test('before sign-in the popup says so and links to the options page', async ({ openPopup, context }) => {
  const popup = await openPopup();
  await expect(popup.getByTestId('signed-out')).toBeVisible();
  const optionsOpened = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Open options' }).click();
  expect((await optionsOpened).url()).toContain('/extension/options/index.html');
});

test('walks rooms → folders → files with breadcrumbs, and only the background talks to the portal', async ({
  signInWithApiKey,
  openPopup,
  sandbox,
  sandboxLog,
  pageRequests,
}) => {
  await signInWithApiKey();
  const popup = await openPopup();
  const list = popup.locator('.entries');
  for (const room of activeRooms) await expect(list.getByText(room.title, { exact: true })).toBeVisible();
  await expect(list.getByText(DEMO_ROOMS.oldProjects.title)).toHaveCount(0);
  await expect(list.locator('.entry').first()).toContainText(/room/i);

  await list.getByRole('button', { name: 'Open Marketing' }).click();
  await list.getByRole('button', { name: 'Open Campaigns' }).click();
  await list.getByRole('button', { name: 'Open 2026' }).click();
  await list.getByRole('button', { name: 'Open Q1' }).click();
  const crumbs = popup.getByRole('navigation', { name: 'Location' });
  await expect(crumbs).toHaveText(/Rooms.*Marketing.*Campaigns.*2026.*Q1/);
  const files = list.locator('.entry[data-kind=file]');
  await expect(files.first()).toBeVisible();
  await expect(files.first().locator('.entry-meta')).toContainText(/\d+(\.\d)? (B|KB|MB)/);

  await crumbs.getByRole('button', { name: 'Marketing' }).click();
  await expect(crumbs).toHaveText(/Rooms.*Marketing$/);
  await crumbs.getByRole('button', { name: 'Rooms' }).click();
  await expect(list.getByText('Contracts', { exact: true })).toBeVisible();

  const log = await sandboxLog();
  const fromExtension = log.filter((e: SandboxLogEntry) => !ANONYMOUS.has(`${e.method} ${e.path}`));
  expect(fromExtension.length).toBeGreaterThan(5);
  expect(fromExtension.filter((e) => !e.authPresent)).toEqual([]);
  expect(fromExtension.every((e) => e.status < 400)).toBe(true);
  expect(pageRequests.filter((url) => url.startsWith(sandbox.url))).toEqual([]);
});

test('pages through a 180-file folder: Load more, then scrolling to the end', async ({
  signInWithApiKey,
  openPopup,
  sandboxLog,
}) => {
  await signInWithApiKey();
  const popup = await openPopup();
  const list = popup.locator('.entries');
  await list.getByRole('button', { name: 'Open Marketing' }).click();
  await list.getByRole('button', { name: 'Open Assets' }).click();
  const count = popup.getByTestId('entry-count');
  await expect(count).toHaveText('50 of 180');
  // A click without scrolling: scrolling near the end loads the next page by itself (checked below).
  await popup.getByRole('button', { name: 'Load more' }).evaluate((button: HTMLButtonElement) => button.click());
  await expect(count).toHaveText('100 of 180');
  const scrollToEnd = () => popup.locator('.listing').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await scrollToEnd();
  await expect(count).toHaveText('150 of 180');
  await scrollToEnd();
  await expect(count).toHaveText('180 of 180');
  await expect(popup.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  await expect(list.locator('.entry')).toHaveCount(180);
  const pages = (await sandboxLog())
    .filter((e) => e.path === '/api/2.0/files/204')
    .map((e) => [e.query.startIndex, e.query.count]);
  expect(pages).toEqual([
    ['0', '50'],
    ['50', '50'],
    ['100', '50'],
    ['150', '50'],
  ]);
});

test('sections, an empty folder and a hostile file name shown as text', async ({ signInWithApiKey, openPopup }) => {
  await signInWithApiKey();
  const popup = await openPopup();
  await popup.getByRole('tab', { name: 'My documents' }).click();
  const hostile = popup.locator('.entry-title', { hasText: DEMO_HOSTILE_TITLE });
  await expect(hostile).toHaveText(DEMO_HOSTILE_TITLE);
  await expect(popup.locator('.entries img')).toHaveCount(0);

  await popup.getByRole('tab', { name: 'Trash' }).click();
  await expect(popup.locator('.entries .entry').first()).toBeVisible();
  await popup.getByRole('tab', { name: 'Favorites' }).click();
  await expect(popup.locator('.entries .entry').first()).toBeVisible();
  await popup.getByRole('tab', { name: 'Recent' }).click();
  await expect(popup.locator('.entries .entry').first()).toBeVisible();

  await popup.getByRole('tab', { name: 'Rooms' }).click();
  await popup.locator('.entries').getByRole('button', { name: 'Open Design' }).click();
  await popup.locator('.entries').getByRole('button', { name: 'Open Unsorted' }).click();
  await expect(popup.getByTestId('empty-state')).toHaveText(/This folder is empty/);
});

test('clicking a file opens its webUrl in a new tab', async ({ signInWithApiKey, openPopup, context, sandbox }) => {
  await signInWithApiKey();
  const popup = await openPopup();
  await popup.getByRole('tab', { name: 'My documents' }).click();
  const file = popup
    .locator('.entry[data-kind=file]')
    .filter({ hasNot: popup.locator('[disabled]') })
    .first();
  await expect(file).toBeVisible();
  const opened = context.waitForEvent('page');
  await file.getByRole('button').click();
  const tab = await opened;
  await tab.waitForLoadState();
  expect(tab.url().startsWith(sandbox.url)).toBe(true);
  expect(tab.url()).toMatch(/doceditor\?fileid=\d+|media\/view\/\d+|filehandler\.ashx/);
});

test('a revoked sign-in turns into "sign in again" without losing the portal', async ({
  signInWithPassword,
  openPopup,
  sandbox,
}) => {
  const options = await signInWithPassword();
  await expect(options.getByTestId('signin-success')).toBeVisible();
  // A reset drops every session token the sandbox issued, as a password change or a revoked session would.
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  const popup = await openPopup();
  await expect(popup.getByTestId('portal-needs-attention')).toContainText('Sign in again');
  await expect(options.getByTestId('portal-status')).toHaveText('Sign in again');
});

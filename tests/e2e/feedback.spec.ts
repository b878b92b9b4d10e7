// The omnibox keyword, the toolbar badge and the job notifications in the built extension. The shared bodies
// (omnibox, badge) run in Firefox too: see tests/e2e-shared/cases/feedback.ts. Notification buttons and the
// offscreen clipboard exist only in Chrome: the test below calls, inside the worker, the listener the browser calls
// for a button (`dptFeedback`) and spies on chrome.notifications.create there.
import type { Page } from '@playwright/test';
import { saveMenuId } from '../../src/capture/save-request.ts';
import { feedbackCases } from '../e2e-shared/cases/feedback.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { expect, test } from './fixtures.ts';

for (const shared of feedbackCases) test(shared.title, playwrightBody(shared));

const UNSORTED = 206; // Design / Unsorted: empty in the demo portal

type WorkerGlobal = {
  dptFeedback: { noticeButton(id: string, index: number): Promise<void> };
  created: unknown[][];
  chrome: { notifications: Record<'create' | 'update', (...args: unknown[]) => unknown> };
};

async function command(page: Page, name: string, payload: unknown): Promise<unknown> {
  type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
  const reply = (await page.evaluate(
    ([n, p]) =>
      (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'dpt/command', name: n, payload: p }),
    [name, payload] as const,
  )) as { ok: boolean; value?: unknown; error?: unknown };
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.value;
}

test('notification buttons: a finished job offers Copy link (the link lands on the clipboard) and Undo (what it made goes to the Trash)', async ({
  worker,
  context,
  signInWithApiKey,
  sandbox,
}) => {
  const options = await signInWithApiKey();
  await expect(options.getByTestId('signin-success')).toBeVisible();
  const { activePortalId } = (await command(options, 'getState', {})) as { activePortalId: string };
  await worker.evaluate(() => {
    const scope = globalThis as unknown as WorkerGlobal;
    scope.created = [];
    // Both: a notice is shown with create, and changed in place (Copy link, Undo) with update.
    for (const name of ['create', 'update'] as const) {
      const original = scope.chrome.notifications[name].bind(scope.chrome.notifications);
      scope.chrome.notifications[name] = (...args: unknown[]) => {
        const plain = JSON.parse(JSON.stringify(args.filter((a) => typeof a !== 'function'))) as unknown[];
        scope.created.push([...plain, name]);
        return original(...args);
      };
    }
  });
  const job = (await command(options, 'createFolders', {
    portalId: activePortalId,
    parentId: UNSORTED,
    parentTitle: 'Unsorted',
    titles: ['Alpha', 'Beta'],
  })) as { id: string };
  const created = () => worker.evaluate(() => (globalThis as unknown as WorkerGlobal).created);
  const press = (index: number) =>
    worker.evaluate(([noticeId, i]) => (globalThis as unknown as WorkerGlobal).dptFeedback.noticeButton(noticeId, i), [
      `dpt-job/${job.id}`,
      index,
    ] as const);
  await expect.poll(async () => (await created()).length, { timeout: 15_000 }).toBe(1);
  const [[id, notice, how]] = (await created()) as [[string, unknown, string]];
  expect(how).toBe('create');
  expect(id).toBe(`dpt-job/${job.id}`);
  expect(notice).toMatchObject({
    type: 'basic',
    title: 'New folders in Unsorted',
    message: 'Done: 2.',
    buttons: [{ title: 'Copy link' }, { title: 'Undo' }],
  });

  // Copy link: the worker copies through Chrome's offscreen document; the notice says it is on the clipboard.
  await press(0);
  // Changed in place: the notice is not popped up again.
  expect((await created()).at(-1)).toEqual([
    `dpt-job/${job.id}`,
    expect.objectContaining({ message: 'The share link is on the clipboard.' }),
    'update',
  ]);
  // Read back from a page of the portal's origin, where the test may grant reading the clipboard.
  await context.grantPermissions(['clipboard-read'], { origin: sandbox.url });
  const reader = await context.newPage();
  await reader.goto(`${sandbox.url}/__sandbox/log`);
  const copied = await reader.evaluate(() => navigator.clipboard.readText());
  await reader.close();
  expect(new URL(copied).origin).toBe(sandbox.url);

  // Undo: the two folders go to the Trash; the notice says so and offers Open instead.
  await press(1);
  const listing = (await (
    await fetch(`${sandbox.url}/api/2.0/files/${UNSORTED}?count=100&startIndex=0`, {
      headers: { Authorization: `Bearer ${sandbox.demo.apiKey}` },
    })
  ).json()) as { response: { total: number } };
  expect(listing.response.total).toBe(0);
  expect((await created()).at(-1)?.[1]).toMatchObject({
    message: expect.stringContaining('Moved to the Trash: 2.'),
    buttons: [{ title: 'Open' }, { title: 'Copy link' }],
  });
});

test('a save from the menu ends with a notice that copies the saved file’s link and undoes the save', async ({
  worker,
  driver,
  context,
  signInWithApiKey,
  sandbox,
}) => {
  const options = await signInWithApiKey();
  await expect(options.getByTestId('signin-success')).toBeVisible();
  const { activePortalId: portalId } = (await command(options, 'getState', {})) as { activePortalId: string };
  await command(options, 'setSaveSettings', {
    portalId,
    defaultFolder: { id: UNSORTED, title: 'Unsorted' },
    nameTemplate: '{title}',
    conflict: 'duplicate',
  });
  await worker.evaluate(() => {
    const scope = globalThis as unknown as WorkerGlobal;
    scope.created = [];
    for (const name of ['create', 'update'] as const) {
      const original = scope.chrome.notifications[name].bind(scope.chrome.notifications);
      scope.chrome.notifications[name] = (...args: unknown[]) => {
        const plain = JSON.parse(JSON.stringify(args.filter((a) => typeof a !== 'function'))) as unknown[];
        scope.created.push([...plain, name]);
        return original(...args);
      };
    }
  });
  const pageUrl = `${sandbox.url}/test-pages/article`;
  const page = await context.newPage();
  await page.goto(pageUrl);
  const tab = await driver.tabOf(pageUrl);
  const job = await driver.callBackground<{ id: string }>('dptSaveFromMenu', [
    { pageUrl, menuItemId: saveMenuId('pageLink', { kind: 'default', portalId }) },
    tab,
  ]);
  const created = () => worker.evaluate(() => (globalThis as unknown as WorkerGlobal).created);
  await expect.poll(async () => (await created()).length, { timeout: 15_000 }).toBe(1);
  expect((await created())[0]).toEqual([
    `dpt-job/${job.id}`,
    expect.objectContaining({ message: 'Done: 1.', buttons: [{ title: 'Copy link' }, { title: 'Undo' }] }),
    'create',
  ]);
  const listing = async () =>
    (
      (await (
        await fetch(`${sandbox.url}/api/2.0/files/${UNSORTED}?count=100&startIndex=0`, {
          headers: { Authorization: `Bearer ${sandbox.demo.apiKey}` },
        })
      ).json()) as { response: { files: Array<{ title: string }> } }
    ).response.files.map((f) => f.title);
  expect(await listing()).toEqual(['Harbour lights.url']);
  await worker.evaluate(([noticeId]) => (globalThis as unknown as WorkerGlobal).dptFeedback.noticeButton(noticeId, 1), [
    `dpt-job/${job.id}`,
  ] as const);
  expect(await listing()).toEqual([]);
  expect((await created()).at(-1)?.[1]).toMatchObject({ message: expect.stringContaining('Moved to the Trash: 1.') });
  await page.close();
});

test('omnibox Enter without a choice: the popup opens in a tab searching for the text', async ({
  driver,
  context,
  signInWithApiKey,
}) => {
  const options = await signInWithApiKey();
  await expect(options.getByTestId('signin-success')).toBeVisible();
  const url = await driver.urlOfTabOpenedBy(() =>
    driver.inBackground(`(scope) => scope.dptFeedback.omniboxEnter('Market', 'newForegroundTab')`),
  );
  const popup = context.pages().find((page) => page.url() === url)!;
  await expect(popup.getByRole('searchbox')).toHaveValue('Market');
  // Searched on the portal as if typed there (in the popup's scope: from the Rooms list, rooms by title).
  await expect(popup.getByTestId('search-status')).toHaveText(/1/);
});

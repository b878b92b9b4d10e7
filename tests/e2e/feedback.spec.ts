// The omnibox keyword, the toolbar badge and the job notifications in the built extension (Chromium). The
// address bar and notifications cannot be typed into or clicked by automation: the tests call, inside the
// worker, the very listeners the browser calls (`dptFeedback`), and read the badge and spy on notifications there.
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const UNSORTED = 206; // Design / Unsorted: empty in the demo portal

interface Listeners {
  omniboxInput(text: string): Promise<{ suggestions: Array<{ content: string; description: string }> } | null>;
  omniboxEnter(text: string, where: string): Promise<void>;
  noticeButton(id: string, index: number): Promise<void>;
}
type WorkerGlobal = {
  dptFeedback: Listeners;
  created: unknown[][];
  chrome: {
    notifications: { create: (...args: unknown[]) => unknown };
    action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
    omnibox: { onInputChanged: { hasListeners(): boolean } };
  };
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

const badge = (worker: Worker) =>
  worker.evaluate(async () => {
    const { action } = (globalThis as unknown as WorkerGlobal).chrome;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });

test('omnibox: "ds" suggests the signed-in portal’s files as you type; Enter without a choice opens the popup’s search', async ({
  worker,
  driver,
  context,
  signInWithApiKey,
  sandbox,
}) => {
  const input = (text: string) =>
    worker.evaluate((t) => (globalThis as unknown as WorkerGlobal).dptFeedback.omniboxInput(t), text);
  expect(
    await worker.evaluate(() => (globalThis as unknown as WorkerGlobal).chrome.omnibox.onInputChanged.hasListeners()),
  ).toBe(true);
  expect((await input('budget'))?.suggestions).toEqual([
    { content: ':options', description: expect.stringContaining('Not signed in') },
  ]);

  const options = await signInWithApiKey();
  await expect(options.getByTestId('signin-success')).toBeVisible();
  const answer = await input('budget');
  const row = answer?.suggestions.find((s) => s.description.includes('Q1 <match>budget</match>.xlsx'));
  expect(row?.description).toMatch(/ — <dim>File · Marketing › Q1<\/dim>$/);
  expect(new URL(row!.content).origin).toBe(sandbox.url);

  const url = await driver.urlOfTabOpenedBy(() =>
    worker.evaluate(() =>
      (globalThis as unknown as WorkerGlobal).dptFeedback.omniboxEnter('budget', 'newForegroundTab'),
    ),
  );
  expect(url).toMatch(/\/extension\/popup\/index\.html\?q=budget$/);
  const popup = context.pages().find((page) => page.url() === url)!;
  await expect(popup.getByRole('searchbox')).toHaveValue('budget');
});

test('badge and notification: a job counts while it runs; its end shows a notification with Copy link and Undo; a failure turns the badge red', async ({
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
    const original = scope.chrome.notifications.create.bind(scope.chrome.notifications);
    scope.chrome.notifications.create = (...args: unknown[]) => {
      scope.created.push(JSON.parse(JSON.stringify(args.filter((a) => typeof a !== 'function'))) as unknown[]);
      return original(...args);
    };
  });
  // Each create waits a second at the portal: the job is seen running.
  await fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'POST',
    body: JSON.stringify({
      faults: [{ type: 'latency', method: 'POST', path: `/api/2.0/files/folder/${UNSORTED}`, ms: 1_000 }],
      replace: true,
    }),
  });
  const job = (await command(options, 'createFolders', {
    portalId: activePortalId,
    parentId: UNSORTED,
    parentTitle: 'Unsorted',
    titles: ['Alpha', 'Beta'],
  })) as { id: string };
  await expect.poll(() => badge(worker)).toEqual({ text: '1', title: 'DocSpace Power Tools: jobs running: 1' });
  await expect.poll(() => badge(worker), { timeout: 15_000 }).toEqual({ text: '', title: 'DocSpace Power Tools' });

  const created = () => worker.evaluate(() => (globalThis as unknown as WorkerGlobal).created);
  await expect.poll(async () => (await created()).length).toBe(1);
  const [[id, notice]] = (await created()) as [[string, { title: string; message: string; buttons: unknown[] }]];
  expect(id).toBe(`dpt-job/${job.id}`);
  expect(notice).toMatchObject({
    type: 'basic',
    title: 'New folders in Unsorted',
    message: 'Done: 2.',
    buttons: [{ title: 'Copy link' }, { title: 'Undo' }],
  });

  // Copy link: the worker copies through Chrome's offscreen document; the notice says it is on the clipboard.
  await worker.evaluate(
    (noticeId) => (globalThis as unknown as WorkerGlobal).dptFeedback.noticeButton(noticeId, 0),
    `dpt-job/${job.id}`,
  );
  expect((await created()).at(-1)?.[1]).toMatchObject({ message: 'The share link is on the clipboard.' });
  // Read back from a page of the portal's origin, where the test may grant reading the clipboard.
  await context.grantPermissions(['clipboard-read'], { origin: sandbox.url });
  const reader = await context.newPage();
  await reader.goto(`${sandbox.url}/__sandbox/log`);
  const copied = await reader.evaluate(() => navigator.clipboard.readText());
  await reader.close();
  expect(new URL(copied).origin).toBe(sandbox.url);

  // Undo from the notification: the two folders go to the Trash; the notice says so and offers Open instead.
  await worker.evaluate(
    (noticeId) => (globalThis as unknown as WorkerGlobal).dptFeedback.noticeButton(noticeId, 1),
    `dpt-job/${job.id}`,
  );
  const listing = (await (
    await fetch(`${sandbox.url}/api/2.0/files/${UNSORTED}?count=100&startIndex=0`, {
      headers: { Authorization: `Bearer ${sandbox.demo.apiKey}` },
    })
  ).json()) as { response: { total: number } };
  expect(listing.response.total).toBe(0);
  expect((await created()).at(-1)?.[1]).toMatchObject({ buttons: [{ title: 'Open' }, { title: 'Copy link' }] });

  // A job the portal refuses: the badge turns to "!" and says why in its title.
  await command(options, 'createFolders', {
    portalId: activePortalId,
    parentId: 999_999,
    parentTitle: 'Gone',
    titles: ['X'],
  });
  await expect
    .poll(() => badge(worker), { timeout: 15_000 })
    .toEqual({
      text: '!',
      title: expect.stringContaining('jobs failed: 1'),
    });
});

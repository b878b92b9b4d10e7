// Saving from pages (Chromium: the context menu's handler is called inside the worker, as the menu would call it;
// native menus cannot be clicked by automation). The pages and files are the sandbox's /test-pages/ on 127.0.0.1.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { saveMenuId, type MenuClick, type MenuTab, type SaveWhat } from '../../src/capture/save-request.ts';
import type { JobSummary } from '../../src/protocol/index.ts';
import { addFault, sandboxLog, setSandboxTuning } from '../e2e-shared/sandbox-api.ts';
import { generatePng } from '../sandbox/png.ts';
import { CAPTURE_PAGE_TEXT, captureFileBytes } from '../sandbox/routes/capture-pages.ts';
import type { ChromiumDriver } from './chromium-driver.ts';
import { expect, test } from './fixtures.ts';

const UNSORTED = { id: 206, title: 'Unsorted' };
const CLIENTS = { id: 205, title: 'Clients' };

interface ListedFile {
  id: number;
  title: string;
  pureContentLength: number;
}

type Sandbox = { url: string; demo: { apiKey: string } };

async function filesIn(sandbox: Sandbox, folderId: number): Promise<ListedFile[]> {
  const response = await fetch(`${sandbox.url}/api/2.0/files/${folderId}?count=100&startIndex=0`, {
    headers: { Authorization: `Bearer ${sandbox.demo.apiKey}` },
  });
  return ((await response.json()) as { response: { files: ListedFile[] } }).response.files;
}

async function contentOf(sandbox: Sandbox, fileId: number): Promise<Buffer> {
  const response = await fetch(`${sandbox.url}/filehandler.ashx?action=download&fileid=${fileId}`, {
    headers: { Authorization: `Bearer ${sandbox.demo.apiKey}` },
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** The extension's worker, started if it is not running (an extension page wakes it). */
async function runningWorker(context: BrowserContext, driver: ChromiumDriver, extensionId: string): Promise<Worker> {
  const find = () => context.serviceWorkers().find((w) => w.url().includes(extensionId));
  if (!(await driver.backgroundRunning())) {
    const page = await driver.openPopup();
    await page.close();
  }
  await expect.poll(() => find() !== undefined, { timeout: 10_000 }).toBe(true);
  return find()!;
}

interface Setup {
  portalId: string;
  worker: () => Promise<Worker>;
  command<T>(name: string, payload: unknown): Promise<T>;
  tab(url: string): Promise<MenuTab & { id: number }>;
  click(
    what: SaveWhat,
    click: Omit<MenuClick, 'menuItemId'>,
    tab: MenuTab,
    where?: 'default' | typeof CLIENTS,
  ): Promise<JobSummary>;
  waitDone(jobId: string, timeout?: number): Promise<JobSummary>;
}

async function setUp({
  context,
  driver,
  extensionId,
  signInWithApiKey,
}: {
  context: BrowserContext;
  driver: ChromiumDriver;
  extensionId: string;
  signInWithApiKey: () => Promise<Page>;
}): Promise<Setup> {
  const options = await signInWithApiKey();
  await options.getByTestId('signin-success').waitFor();
  const page = await driver.openOptions();
  const command = <T>(name: string, payload: unknown) => page.command<T>(name, payload);
  const state = await command<{ activePortalId: string }>('getState', {});
  const portalId = state.activePortalId;
  await command('setSaveSettings', {
    portalId,
    defaultFolder: UNSORTED,
    nameTemplate: '{title} {date}',
    conflict: 'duplicate',
  });
  const worker = () => runningWorker(context, driver, extensionId);
  return {
    portalId,
    worker,
    command,
    async tab(url) {
      const w = await worker();
      type Tabs = {
        tabs: { query(q: { url: string }): Promise<Array<{ id?: number; url?: string; title?: string }>> };
      };
      return w.evaluate(async (u) => {
        const [found] = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({ url: u });
        return { id: found!.id!, url: found!.url!, title: found!.title! };
      }, url);
    },
    async click(what, click, tab, where = 'default') {
      const destination =
        where === 'default'
          ? ({ kind: 'default', portalId } as const)
          : ({ kind: 'folder', portalId, folderId: where.id, title: where.title } as const);
      const w = await worker();
      const job = await w.evaluate(
        ([info, t]) =>
          (self as unknown as { dptSaveFromMenu(c: unknown, t: unknown): Promise<unknown> }).dptSaveFromMenu(info, t),
        [{ ...click, menuItemId: saveMenuId(what, destination) }, tab] as const,
      );
      expect(job, `the ${what} save started a job`).toBeTruthy();
      return job as JobSummary;
    },
    async waitDone(jobId, timeout = 30_000) {
      let last: JobSummary | undefined;
      await expect
        .poll(
          async () => {
            last = (await command<JobSummary[]>('listJobs', {})).find((j) => j.id === jobId);
            return last?.status;
          },
          { timeout },
        )
        .toBe('done');
      return last!;
    },
  };
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('the menu saves a page (MHTML, article, link), a link, a linked file, an image and a selection from a web page', async ({
  context,
  driver,
  extensionId,
  signInWithApiKey,
  sandbox,
}) => {
  test.setTimeout(90_000);
  const s = await setUp({ context, driver, extensionId, signInWithApiKey });
  const pageUrl = `${sandbox.url}/test-pages/article`;
  const web = await context.newPage();
  await web.goto(pageUrl);
  const tab = await s.tab(pageUrl);
  const base = { pageUrl };

  const jobs = [
    await s.click('pageSnapshot', base, tab),
    await s.click('pageArticle', base, tab),
    await s.click('pageLink', base, tab),
    await s.click('linkFile', { ...base, linkUrl: `${sandbox.url}/test-pages/file/report?size=2048` }, tab),
    await s.click(
      'linkAddress',
      { ...base, linkUrl: `${sandbox.url}/test-pages/file/report?size=2048`, linkText: "The keeper's report" },
      tab,
    ),
    await s.click('image', { ...base, srcUrl: `${sandbox.url}/test-pages/image/picture` }, tab),
  ];
  await web.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('selectable')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  jobs.push(
    await s.click(
      'selection',
      { ...base, selectionText: 'Selected words: the green ledger and the square wicks.' },
      tab,
      CLIENTS,
    ),
  );
  for (const job of jobs) await s.waitDone(job.id);

  const date = today();
  const files = await filesIn(sandbox, UNSORTED.id);
  const byTitle = new Map(files.map((f) => [f.title, f]));
  expect([...byTitle.keys()].sort()).toEqual(
    [
      `Harbour lights ${date}.mhtml`,
      `Harbour lights ${date}.html`,
      `Harbour lights ${date}.url`,
      "Keeper's report 1.pdf",
      `The keeper's report ${date}.url`,
      'picture.png',
    ].sort(),
  );
  // The snapshot opens as the page: MHTML with its text (quoted-printable soft breaks joined) and its image.
  const mhtml = (await contentOf(sandbox, byTitle.get(`Harbour lights ${date}.mhtml`)!.id)).toString('latin1');
  expect(mhtml).toMatch(/^From: <Saved by Blink>|MIME-Version: 1.0/m);
  expect(mhtml.replace(/=\r?\n/g, '')).toContain(CAPTURE_PAGE_TEXT);
  expect(mhtml).toContain('Content-Type: image/png');
  // The article: Readability's text, stored through files/{id}/html, no script.
  const article = (await contentOf(sandbox, byTitle.get(`Harbour lights ${date}.html`)!.id)).toString('utf8');
  expect(article).toContain(CAPTURE_PAGE_TEXT);
  expect(article).toContain(`<a href="${pageUrl}">`);
  expect(article).not.toContain('<script');
  // Links as Internet Shortcuts.
  expect((await contentOf(sandbox, byTitle.get(`Harbour lights ${date}.url`)!.id)).toString()).toBe(
    `[InternetShortcut]\r\nURL=${pageUrl}\r\n`,
  );
  expect((await contentOf(sandbox, byTitle.get(`The keeper's report ${date}.url`)!.id)).toString()).toContain(
    `URL=${sandbox.url}/test-pages/file/report?size=2048`,
  );
  // The linked file and the image: the bytes served, named by Content-Disposition and Content-Type.
  expect(await contentOf(sandbox, byTitle.get("Keeper's report 1.pdf")!.id)).toEqual(captureFileBytes(2048, 1));
  expect(await contentOf(sandbox, byTitle.get('picture.png')!.id)).toEqual(generatePng('picture'.length, 64, 64));
  // The selection went to the folder named in the menu, markup kept.
  const [selection, ...more] = await filesIn(sandbox, CLIENTS.id).then((f) =>
    f.filter((x) => x.title.startsWith('Harbour')),
  );
  expect(more).toEqual([]);
  expect(selection!.title).toBe(`Harbour lights ${date}.html`);
  const selected = (await contentOf(sandbox, selection!.id)).toString('utf8');
  expect(selected).toContain('<strong>the green ledger</strong>');
  expect(selected).not.toContain('pageScriptRan');

  // Recent destinations: the menu's folder and the default one, newest first; the menu is built from them.
  const settings = await s.command<{ recent: Array<{ id: number }> }>('getSaveSettings', { portalId: s.portalId });
  expect(settings.recent.map((f) => f.id)).toEqual([CLIENTS.id, UNSORTED.id]);
  await web.close();
});

test('a 25 MB linked file saved while the worker is stopped three times arrives once, byte for byte', async ({
  context,
  driver,
  extensionId,
  signInWithApiKey,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const CHUNK = 1024 * 1024;
  const SIZE = 25 * CHUNK;
  await setSandboxTuning(sandbox.url, { chunkUploadSize: CHUNK });
  try {
    // Each chunk takes a moment, so the stops fall in the middle of the file.
    await addFault(sandbox.url, { type: 'latency', ms: 150, path: '/api/2.0/files/*/session/*/upload' });
    const s = await setUp({ context, driver, extensionId, signInWithApiKey });
    const pageUrl = `${sandbox.url}/test-pages/article`;
    const web = await context.newPage();
    await web.goto(pageUrl);
    const tab = await s.tab(pageUrl);
    const linkUrl = `${sandbox.url}/test-pages/file/big?size=${SIZE}&seed=4&filename=Harbour%20survey.bin`;
    const job = await s.click('linkFile', { pageUrl, linkUrl }, tab);
    const chunks = async () =>
      (await sandboxLog(sandbox.url)).filter(
        (e) => e.method === 'POST' && /^\/api\/2\.0\/files\/\d+\/session\/[^/]+\/upload$/.test(e.path),
      );
    for (const after of [4, 10, 16]) {
      await expect.poll(async () => (await chunks()).length, { timeout: 40_000 }).toBeGreaterThanOrEqual(after);
      await driver.stopBackground();
      await s.worker();
    }
    await s.waitDone(job.id, 60_000);
    const files = (await filesIn(sandbox, UNSORTED.id)).filter((f) => f.title.startsWith('Harbour survey'));
    expect(files.map((f) => [f.title, f.pureContentLength])).toEqual([['Harbour survey.bin', SIZE]]);
    expect((await contentOf(sandbox, files[0]!.id)).equals(captureFileBytes(SIZE, 4))).toBe(true);
    // No chunk was accepted twice: a repeat may only follow a chunk whose answer the stopped worker never read.
    const accepted = (await chunks()).filter((e) => e.status === 200).map((e) => Number(e.query['chunkNumber']));
    expect(new Set(accepted)).toEqual(new Set(Array.from({ length: 25 }, (_, i) => i + 1)));
    expect(accepted.length).toBeLessThanOrEqual(25 + 3);
    await web.close();
  } finally {
    await setSandboxTuning(sandbox.url, { reset: true });
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
  }
});

test('saves wait while the portal is offline and finish after; a create whose answer was lost ends as one file', async ({
  context,
  driver,
  extensionId,
  signInWithApiKey,
  sandbox,
}) => {
  test.setTimeout(90_000);
  const s = await setUp({ context, driver, extensionId, signInWithApiKey });
  const pageUrl = `${sandbox.url}/test-pages/article`;
  const web = await context.newPage();
  await web.goto(pageUrl);
  const tab = await s.tab(pageUrl);
  try {
    // The server makes the HTML document and the uploaded link file, then the connection is reset: outcome unknown.
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({
        faults: [
          { type: 'resetAfter', method: 'POST', path: '/api/2.0/files/*/html', count: 1 },
          { type: 'resetAfter', method: 'POST', path: '/api/2.0/files/*/upload', count: 1 },
        ],
        replace: true,
      }),
    });
    const lost = [await s.click('pageArticle', { pageUrl }, tab), await s.click('pageLink', { pageUrl }, tab)];
    // Chromium sends such a POST again by itself on the reset keep-alive connection: the portal made two. The job
    // keeps the one it recorded and moves the copy (same name pattern, size and author, seconds apart) to the Trash.
    const finished = [];
    for (const job of lost) finished.push(await s.waitDone(job.id));
    const date = today();
    const titles = (await filesIn(sandbox, UNSORTED.id)).map((f) => f.title).sort();
    expect(titles).toEqual([`Harbour lights ${date}.html`, `Harbour lights ${date}.url`]);
    // Every create that reached the portal beyond the two is a copy the jobs said they moved to the Trash.
    const reached = (await sandboxLog(sandbox.url)).filter(
      (e) => e.method === 'POST' && /^\/api\/2\.0\/files\/206\/(html|upload)$/.test(e.path),
    ).length;
    const removed = finished
      .flatMap((job) => job.findings ?? [])
      .filter((f) => f.key === 'saveDuplicatesRemoved')
      .reduce((sum, f) => sum + Number(f.params[0]), 0);
    expect(removed).toBe(reached - 2);

    // Offline: every request is reset for 8 s, the linked file's host included. The saves wait, then finish.
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ faults: [{ type: 'resetBefore', path: '**', durationMs: 8_000 }], replace: true }),
    });
    const offline = [
      await s.click('linkFile', { pageUrl, linkUrl: `${sandbox.url}/test-pages/file/offline?size=5000&seed=9` }, tab),
      await s.click('image', { pageUrl, srcUrl: `${sandbox.url}/test-pages/image/offline` }, tab),
    ];
    const early = (await s.command<JobSummary[]>('listJobs', {})).filter((j) => offline.some((o) => o.id === j.id));
    expect(early.every((j) => j.status !== 'done' && j.status !== 'failed')).toBe(true);
    for (const job of offline) await s.waitDone(job.id, 45_000);
    const after = (await filesIn(sandbox, UNSORTED.id)).map((f) => f.title);
    expect(after.filter((t) => t === "Keeper's report 9.pdf" || t === 'offline.png').sort()).toEqual([
      "Keeper's report 9.pdf",
      'offline.png',
    ]);
  } finally {
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    await web.close();
  }
});

test('links, images and text dropped on a folder row of the popup are saved there as one job', async ({
  context,
  driver,
  extensionId,
  signInWithApiKey,
  sandbox,
}) => {
  test.setTimeout(60_000);
  const s = await setUp({ context, driver, extensionId, signInWithApiKey });
  const popup = (await driver.openPopup()).raw;
  await popup
    .locator('.grid .row-title > .server-text', { hasText: /^\s*Design\s*$/ })
    .first()
    .click();
  const target = popup.locator('.grid .row-title > .server-text', { hasText: /^\s*Unsorted\s*$/ }).first();
  await target.waitFor();
  const linkUrl = `${sandbox.url}/test-pages/file/report?size=10`;
  const imageUrl = `${sandbox.url}/test-pages/image/dropped`;
  const drops: Array<Record<string, string>> = [
    { 'text/uri-list': linkUrl, 'text/html': `<a href="${linkUrl}">Keeper notes</a>`, 'text/plain': linkUrl },
    { 'text/uri-list': imageUrl, 'text/html': `<img src="${imageUrl}">` },
    { 'text/html': '<p>Lamps <b>trimmed</b></p>', 'text/plain': 'Lamps trimmed' },
  ];
  for (const data of drops) {
    await target.evaluate((el, d) => {
      const transfer = new DataTransfer();
      for (const [type, value] of Object.entries(d)) transfer.setData(type, value);
      for (const type of ['dragenter', 'dragover', 'drop'])
        el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, data);
  }
  const date = today();
  await expect
    .poll(async () => (await filesIn(sandbox, UNSORTED.id)).map((f) => f.title).sort(), { timeout: 20_000 })
    .toEqual([`Keeper notes ${date}.url`, `Lamps trimmed ${date}.html`, 'dropped.png'].sort());
  const files = await filesIn(sandbox, UNSORTED.id);
  expect(await contentOf(sandbox, files.find((f) => f.title === 'dropped.png')!.id)).toEqual(
    generatePng('dropped'.length, 64, 64),
  );
  const text = (await contentOf(sandbox, files.find((f) => f.title.startsWith('Lamps'))!.id)).toString();
  expect(text).toContain('<p>Lamps <b>trimmed</b></p>');
  // A drop says where it goes, in the words for a save; the row is the folder it went to.
  const jobs = await s.command<JobSummary[]>('listJobs', {});
  expect(
    jobs.filter((j) => j.kind === 'save').every((j) => j.folderIds.map(String).includes(String(UNSORTED.id))),
  ).toBe(true);
  await popup.close();
});

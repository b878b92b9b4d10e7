// Saving from pages, in both browsers. Native context menus cannot be clicked by automation, so the menus' one
// click handler is called inside the background (driver.callBackground → dptSaveFromMenu) with the click data a
// menu would give. The pages and files are the sandbox's /test-pages/ on 127.0.0.1.
import { expect } from '@playwright/test';
import { saveMenuId, type MenuClick, type SaveWhat } from '../../../src/capture/save-request.ts';
import type { JobSummary } from '../../../src/protocol/index.ts';
import { generatePng } from '../../sandbox/png.ts';
import { CAPTURE_PAGE_TEXT, captureFileBytes } from '../../sandbox/routes/capture-pages.ts';
import type { CaseContext, SharedCase } from '../case.ts';
import type { ExtensionPage, WebPage } from '../driver.ts';
import { row } from '../rows.ts';
import { addFault, sandboxLog, setSandboxTuning } from '../sandbox-api.ts';
import { seeVisible } from '../see.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';
import { sized } from '../sizes.ts';

const UNSORTED = { id: 206, title: 'Unsorted' };
/** How long everything is offline in the outage case (issue 11 asks for 20 s; `npm test` runs it shorter). */
const OUTAGE_MS = sized(20_000, 10_000);
const CLIENTS = { id: 205, title: 'Clients' };
const NOTES = { id: 207, title: 'Personal notes' };
type Folder = typeof UNSORTED;

interface ListedFile {
  id: number;
  title: string;
  pureContentLength: number;
}

async function filesIn(t: CaseContext, folderId: number): Promise<ListedFile[]> {
  const response = await fetch(`${t.sandbox.url}/api/2.0/files/${folderId}?count=100&startIndex=0`, {
    headers: { Authorization: `Bearer ${t.sandbox.demo.apiKey}` },
  });
  return ((await response.json()) as { response: { files: ListedFile[] } }).response.files;
}

async function contentOf(t: CaseContext, fileId: number): Promise<Buffer> {
  const response = await fetch(`${t.sandbox.url}/filehandler.ashx?action=download&fileid=${fileId}`, {
    headers: { Authorization: `Bearer ${t.sandbox.demo.apiKey}` },
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface Saver {
  portalId: string;
  options: ExtensionPage;
  tab: { id: number; url: string; title: string };
  pageUrl: string;
  save(what: SaveWhat, click: Omit<MenuClick, 'menuItemId'>, where?: 'default' | Folder): Promise<JobSummary>;
  done(jobId: string, timeoutMs?: number): Promise<JobSummary>;
  /** Evaluates an expression in the article's tab. */
  inPage<T>(expression: string): Promise<T>;
  /** After a browser restart: a new options page for the commands (the article's tab is not reopened). */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/** Signed in, Unsorted as the default folder, the article page open in a tab. */
async function saver(t: CaseContext): Promise<Saver> {
  let options = await signInWithApiKey(t);
  await seeVisible(options, { testId: 'signin-success' });
  const { activePortalId: portalId } = await options.command<{ activePortalId: string }>('getState', {});
  await options.command('setSaveSettings', {
    portalId,
    defaultFolder: UNSORTED,
    nameTemplate: '{title} {date}',
    conflict: 'duplicate',
  });
  const pageUrl = `${t.sandbox.url}/test-pages/article`;
  let web: WebPage | null = await t.driver.openWebPage(pageUrl);
  const tab = await t.driver.tabOf(pageUrl);
  return {
    portalId,
    get options() {
      return options;
    },
    tab,
    pageUrl,
    async save(what, click, where = 'default') {
      const destination =
        where === 'default'
          ? ({ kind: 'default', portalId } as const)
          : ({ kind: 'folder', portalId, folderId: where.id, title: where.title } as const);
      const job = await t.driver.callBackground<JobSummary | null>('dptSaveFromMenu', [
        { pageUrl, ...click, menuItemId: saveMenuId(what, destination) },
        tab,
      ]);
      expect(job, `the ${what} save started a job`).toBeTruthy();
      return job!;
    },
    async done(jobId, timeoutMs = 30_000) {
      let last: JobSummary | undefined;
      await expect
        .poll(
          async () => {
            last = (await options.command<JobSummary[]>('listJobs', {})).find((j) => j.id === jobId);
            return last?.status;
          },
          { timeout: timeoutMs },
        )
        .toBe('done');
      return last!;
    },
    inPage: (expression) => web!.evaluate(expression),
    async reopen() {
      web = null;
      options = await t.driver.openOptions();
    },
    close: async () => {
      await web?.close();
    },
  };
}

export const captureCases: SharedCase[] = [
  {
    title:
      'the menu saves a page (snapshot, article, link), a link, a linked file, an image and a selection, each as the sandbox holds it',
    timeoutMs: 90_000,
    run: async (t) => {
      const s = await saver(t);
      const fileUrl = `${t.sandbox.url}/test-pages/file/report?size=2048`;
      const jobs = [
        await s.save('pageSnapshot', {}, NOTES),
        await s.save('pageArticle', {}),
        await s.save('pageLink', {}),
        await s.save('linkFile', { linkUrl: fileUrl }),
        await s.save('linkAddress', { linkUrl: fileUrl, linkText: "The keeper's report" }),
        await s.save('image', { srcUrl: `${t.sandbox.url}/test-pages/image/picture` }),
      ];
      // What the user selected: its markup is read from the page, not only the text the menu gives.
      await s.inPage(`(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('selectable'));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return true;
      })()`);
      jobs.push(
        await s.save('selection', { selectionText: 'Selected words: the green ledger and the square wicks.' }, CLIENTS),
      );
      for (const job of jobs) await s.done(job.id);

      const date = today();
      const byTitle = new Map((await filesIn(t, UNSORTED.id)).map((f) => [f.title, f]));
      expect([...byTitle.keys()].sort()).toEqual(
        [
          `Harbour lights ${date}.html`,
          `Harbour lights ${date}.url`,
          "Keeper's report 1.pdf",
          `The keeper's report ${date}.url`,
          'picture.png',
        ].sort(),
      );
      // The snapshot opens as the page: Chrome's MHTML; in Firefox (no page capture) the extension's own
      // single-file HTML, with the text, the image inlined, the page's CSS and no script.
      const [snapshot, ...others] = await filesIn(t, NOTES.id).then((f) =>
        f.filter((x) => x.title.startsWith('Harbour')),
      );
      expect(others).toEqual([]);
      const snapshotText = (await contentOf(t, snapshot!.id)).toString('latin1');
      if (t.driver.browserName === 'chromium') {
        expect(snapshot!.title).toBe(`Harbour lights ${date}.mhtml`);
        expect(snapshotText).toContain('MIME-Version: 1.0');
        expect(snapshotText.replace(/=\r?\n/g, '')).toContain(CAPTURE_PAGE_TEXT);
        expect(snapshotText).toContain('Content-Type: image/png');
      } else {
        expect(snapshot!.title).toBe(`Harbour lights ${date}.html`);
        expect(snapshotText).toContain(CAPTURE_PAGE_TEXT);
        expect(snapshotText).toContain('src="data:image/png;base64,');
        expect(snapshotText).toContain('rgb(10, 80, 160)');
        expect(snapshotText).not.toMatch(/<script/i);
      }
      const article = (await contentOf(t, byTitle.get(`Harbour lights ${date}.html`)!.id)).toString('utf8');
      expect(article).toContain(CAPTURE_PAGE_TEXT);
      expect(article).toContain(`<a href="${s.pageUrl}">`);
      expect(article).not.toMatch(/<script/i);
      expect((await contentOf(t, byTitle.get(`Harbour lights ${date}.url`)!.id)).toString()).toBe(
        `[InternetShortcut]\r\nURL=${s.pageUrl}\r\n`,
      );
      expect((await contentOf(t, byTitle.get(`The keeper's report ${date}.url`)!.id)).toString()).toContain(
        `URL=${fileUrl}`,
      );
      expect(await contentOf(t, byTitle.get("Keeper's report 1.pdf")!.id)).toEqual(captureFileBytes(2048, 1));
      expect(await contentOf(t, byTitle.get('picture.png')!.id)).toEqual(generatePng('picture'.length, 64, 64));
      const [selection] = await filesIn(t, CLIENTS.id).then((f) => f.filter((x) => x.title.startsWith('Harbour')));
      expect(selection?.title).toBe(`Harbour lights ${date}.html`);
      const selected = (await contentOf(t, selection!.id)).toString('utf8');
      expect(selected).toContain('<strong>the green ledger</strong>');
      expect(selected).not.toContain('pageScriptRan');

      // Recent destinations, newest first; the default folder is the one set.
      const settings = await s.options.command<{ recent: Array<{ id: number }>; defaultFolder: { id: number } }>(
        'getSaveSettings',
        { portalId: s.portalId },
      );
      expect(settings.recent.map((f) => f.id)).toEqual([CLIENTS.id, UNSORTED.id, NOTES.id]);
      expect(settings.defaultFolder.id).toBe(UNSORTED.id);
      await s.close();
    },
  },
  {
    title:
      'a 25 MB linked file saved while the background is stopped three times and the browser restarted once arrives once, byte for byte',
    timeoutMs: 180_000,
    run: async (t) => {
      const CHUNK = 1024 * 1024;
      const SIZE = 25 * CHUNK;
      await setSandboxTuning(t.sandbox.url, { chunkUploadSize: CHUNK });
      try {
        // Each chunk takes a moment, so the interruptions fall in the middle of the file.
        await addFault(t.sandbox.url, { type: 'latency', ms: 250, path: '/api/2.0/files/*/session/*/upload' });
        const s = await saver(t);
        const linkUrl = `${t.sandbox.url}/test-pages/file/big?size=${SIZE}&seed=4&filename=Harbour%20survey.bin`;
        const job = await s.save('linkFile', { linkUrl });
        const chunks = async () =>
          (await sandboxLog(t.sandbox.url)).filter(
            (e) => e.method === 'POST' && /^\/api\/2\.0\/files\/\d+\/session\/[^/]+\/upload$/.test(e.path),
          );
        const interruptions: Array<{ after: number; how: 'stop' | 'restart' }> = [
          { after: 4, how: 'stop' },
          { after: 9, how: 'stop' },
          { after: 14, how: 'restart' },
          { after: 19, how: 'stop' },
        ];
        // Firefox's driver cannot restart its browser with the temporary add-on kept: there it is one more stop.
        const restart = t.driver.restartBrowser?.bind(t.driver);
        for (const { after, how } of interruptions) {
          await expect.poll(async () => (await chunks()).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(after);
          if (how === 'restart' && restart) {
            await restart();
            // Nothing is opened: the browser's start wakes the background, which resumes the save by itself.
            await expect
              .poll(async () => (await chunks()).length, { timeout: 60_000 })
              .toBeGreaterThanOrEqual(after + 2);
            await s.reopen();
          } else {
            await t.driver.stopBackground();
            // Any event starts it again (here a page asking for the jobs); it resumes the save.
            await s.options.command('listJobs', {});
          }
        }
        await s.done(job.id, 90_000);
        const files = (await filesIn(t, UNSORTED.id)).filter((f) => f.title.startsWith('Harbour survey'));
        expect(files.map((f) => [f.title, f.pureContentLength])).toEqual([['Harbour survey.bin', SIZE]]);
        expect((await contentOf(t, files[0]!.id)).equals(captureFileBytes(SIZE, 4))).toBe(true);
        // One session; each chunk accepted, a repeat only of one whose answer an interrupted background never read.
        const log = await sandboxLog(t.sandbox.url);
        expect(
          log.filter((e) => e.method === 'POST' && e.path === `/api/2.0/files/${UNSORTED.id}/session`),
        ).toHaveLength(1);
        const accepted = (await chunks()).filter((e) => e.status === 200).map((e) => Number(e.query['chunkNumber']));
        expect(new Set(accepted)).toEqual(new Set(Array.from({ length: 25 }, (_, i) => i + 1)));
        expect(accepted.length).toBeLessThanOrEqual(25 + interruptions.length);
        await s.close();
      } finally {
        await setSandboxTuning(t.sandbox.url, { reset: true });
        await fetch(`${t.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
      }
    },
  },
  {
    title: 'saves wait while the portal is offline and finish after; a create whose answer was lost ends as one file',
    timeoutMs: 90_000,
    run: async (t) => {
      const s = await saver(t);
      try {
        // The server makes the HTML document and the uploaded link file, then resets the connection: outcome unknown.
        await fetch(`${t.sandbox.url}/__sandbox/faults`, {
          method: 'POST',
          body: JSON.stringify({
            faults: [
              { type: 'resetAfter', method: 'POST', path: '/api/2.0/files/*/html', count: 1 },
              { type: 'resetAfter', method: 'POST', path: '/api/2.0/files/*/upload', count: 1 },
            ],
            replace: true,
          }),
        });
        // Chromium sends such a POST again by itself on the reset keep-alive connection, so the portal may hold two:
        // the job keeps the one with the name asked for and moves the copy (same pattern, size, author, seconds
        // apart) to the Trash, and says so.
        const finished: JobSummary[] = [];
        for (const job of [await s.save('pageArticle', {}), await s.save('pageLink', {})])
          finished.push(await s.done(job.id));
        const date = today();
        expect((await filesIn(t, UNSORTED.id)).map((f) => f.title).sort()).toEqual([
          `Harbour lights ${date}.html`,
          `Harbour lights ${date}.url`,
        ]);
        const reached = (await sandboxLog(t.sandbox.url)).filter(
          (e) => e.method === 'POST' && /^\/api\/2\.0\/files\/206\/(html|upload)$/.test(e.path),
        ).length;
        const removed = finished
          .flatMap((job) => job.findings ?? [])
          .filter((f) => f.key === 'saveDuplicatesRemoved')
          .reduce((sum, f) => sum + Number(f.params[0]), 0);
        expect(removed).toBe(reached - 2);

        // Offline: every request is reset for 20 s (10 s in `npm test`), the linked file's site included. The saves
        // wait, then finish.
        await fetch(`${t.sandbox.url}/__sandbox/faults`, {
          method: 'POST',
          body: JSON.stringify({ faults: [{ type: 'resetBefore', path: '**', durationMs: OUTAGE_MS }], replace: true }),
        });
        const offline = [
          await s.save('linkFile', { linkUrl: `${t.sandbox.url}/test-pages/file/offline?size=5000&seed=9` }),
          await s.save('image', { srcUrl: `${t.sandbox.url}/test-pages/image/offline` }),
        ];
        const outageEnds = Date.now() + OUTAGE_MS;
        // While the portal is gone both say they wait (neither gives up nor claims success).
        const during = async () =>
          (await s.options.command<JobSummary[]>('listJobs', {}))
            .filter((j) => offline.some((o) => o.id === j.id))
            .map((j) => j.status);
        await expect.poll(during, { timeout: 12_000 }).toEqual(['waiting', 'waiting']);
        expect(Date.now()).toBeLessThan(outageEnds);
        for (const job of offline) await s.done(job.id, 60_000);
        const titles = (await filesIn(t, UNSORTED.id)).map((f) => f.title);
        expect(titles.filter((x) => x === "Keeper's report 9.pdf" || x === 'offline.png').sort()).toEqual([
          "Keeper's report 9.pdf",
          'offline.png',
        ]);
      } finally {
        await fetch(`${t.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
        await s.close();
      }
    },
  },
  {
    title:
      'with “save as .docx” on (set on the options page), an article and a selection end as documents holding their text; no HTML is left',
    timeoutMs: 60_000,
    run: async (t) => {
      const s = await saver(t);
      const options = await t.driver.openOptions();
      await seeVisible(options, { testId: 'save-settings' });
      await options.click({ testId: 'save-convert' });
      await options.click({ role: 'button', name: 'Save settings' });
      await seeVisible(options, { testId: 'save-settings-saved' });
      await s.inPage(`(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('selectable'));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return true;
      })()`);
      const jobs = [
        await s.save('pageArticle', {}),
        await s.save('selection', { selectionText: 'Selected words: the green ledger and the square wicks.' }, CLIENTS),
      ];
      for (const job of jobs) await s.done(job.id);
      const date = today();
      const [article, ...notArticle] = (await filesIn(t, UNSORTED.id)).filter((f) => f.title.startsWith('Harbour'));
      const [selection, ...notSelection] = (await filesIn(t, CLIENTS.id)).filter((f) => f.title.startsWith('Harbour'));
      expect([article?.title, selection?.title]).toEqual([
        `Harbour lights ${date}.docx`,
        `Harbour lights ${date}.docx`,
      ]);
      expect([...notArticle, ...notSelection]).toEqual([]);
      // A .docx is a ZIP package; the sandbox stores its parts uncompressed, so the text is readable in it.
      expect((await contentOf(t, article!.id)).toString('utf8')).toContain(CAPTURE_PAGE_TEXT);
      expect((await contentOf(t, selection!.id)).toString('utf8')).toContain('the green ledger');
      await options.close();
      await s.close();
    },
  },
  {
    title:
      'the options page sets the default folder through its picker, which the menus then use; no serious axe violation',
    timeoutMs: 60_000,
    run: async (t) => {
      const s = await saver(t);
      const options = await t.driver.openOptions();
      await seeVisible(options, { testId: 'save-settings' });
      await options.click({ role: 'button', name: 'Choose a folder' });
      await seeVisible(options, { testId: 'picker' });
      if (options.accessibilityViolations && options.colorScheme)
        for (const scheme of ['light', 'dark'] as const) {
          await options.colorScheme(scheme);
          // Serious and critical only: the options page as a whole has no main landmark yet (moderate; not this part).
          const found = (await options.accessibilityViolations()).filter(
            (v) => v.impact === 'serious' || v.impact === 'critical',
          );
          expect(found, `save settings (${scheme})`).toEqual([]);
        }
      await options.click({ css: '.folder-picker .picker-item', text: 'Design' });
      await options.click({ role: 'button', name: 'Save here: Design' });
      await seeVisible(options, { testId: 'save-settings-saved' });
      const job = await s.save('pageLink', {});
      expect(job.folderIds.map(String)).toEqual(['105']);
      await s.done(job.id);
      expect((await filesIn(t, 105)).some((f) => f.title === `Harbour lights ${today()}.url`)).toBe(true);
      await options.close();
      await s.close();
    },
  },
  {
    title: 'the quick-save command saves the current page as a snapshot to the default folder',
    timeoutMs: 45_000,
    run: async (t) => {
      const s = await saver(t);
      const job = await t.driver.callBackground<JobSummary | null>('dptQuickSave', [s.tab]);
      expect(job?.folderIds.map(String)).toEqual([String(UNSORTED.id)]);
      await s.done(job!.id);
      const extension = t.driver.browserName === 'chromium' ? '.mhtml' : '.html';
      const [file, ...more] = await filesIn(t, UNSORTED.id);
      expect(more).toEqual([]);
      expect(file?.title).toBe(`Harbour lights ${today()}${extension}`);
      expect((await contentOf(t, file!.id)).toString('latin1').replace(/=\r?\n/g, '')).toContain(CAPTURE_PAGE_TEXT);
      await s.close();
    },
  },
  {
    title: 'links, images and text dragged onto a folder row of the popup are saved there',
    timeoutMs: 60_000,
    run: async (t) => {
      const s = await saver(t);
      const popup = await t.driver.openPopup();
      await popup.click(row('Design'));
      await seeVisible(popup, row('Unsorted'));
      const linkUrl = `${t.sandbox.url}/test-pages/file/report?size=10`;
      const imageUrl = `${t.sandbox.url}/test-pages/image/dropped`;
      const drops: Array<Record<string, string>> = [
        { 'text/uri-list': linkUrl, 'text/html': `<a href="${linkUrl}">Keeper notes</a>`, 'text/plain': linkUrl },
        { 'text/uri-list': imageUrl, 'text/html': `<img src="${imageUrl}">` },
        { 'text/html': '<p>Lamps <b>trimmed</b></p>', 'text/plain': 'Lamps trimmed' },
      ];
      for (const data of drops) await popup.putFiles(row('Unsorted'), { files: [], how: 'drop', data });
      const date = today();
      await expect
        .poll(async () => (await filesIn(t, UNSORTED.id)).map((f) => f.title).sort(), { timeout: 20_000 })
        .toEqual([`Keeper notes ${date}.url`, `Lamps trimmed ${date}.html`, 'dropped.png'].sort());
      const files = await filesIn(t, UNSORTED.id);
      expect(await contentOf(t, files.find((f) => f.title === 'dropped.png')!.id)).toEqual(
        generatePng('dropped'.length, 64, 64),
      );
      expect((await contentOf(t, files.find((f) => f.title.startsWith('Lamps'))!.id)).toString()).toContain(
        '<p>Lamps <b>trimmed</b></p>',
      );
      await popup.close();
      await s.close();
    },
  },
];

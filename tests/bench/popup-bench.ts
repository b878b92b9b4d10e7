// `npm run bench:popup`: how fast the popup paints, against the sandbox with the large seed, in headless
// Chromium with the built extension (dist/chrome; `npm run build` first). Medians of POPUP_BENCH_RUNS (20)
// openings each: page opened → first rows painted with the worker running (warm) and stopped first (cold);
// for the 10,000-file room, click → its first rows painted; then the most list rows alive in the DOM while
// scrolling that room to its last entry. Prints a table, then one JSON line.
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LARGE_SEED } from '../sandbox/seed-large.ts';
import { startSandbox } from '../sandbox/server.ts';
import { ChromiumDriver } from '../e2e/chromium-driver.ts';
import { chromiumArgs, chromiumPath, prepareLoadableExtension } from '../support/loadable-extension.ts';

process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
const RUNS = Number(process.env.POPUP_BENCH_RUNS ?? 20);
const ROOM = LARGE_SEED.bigRoom;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * In every page: the time (since navigation start) the first list row was on screen, after a frame: the kept
 * picture's (ui/prepaint) or the app's, whichever came first; and when the app's own rows were (the picture
 * sits in the mount point, marked, until the app lifts it into its overlay).
 */
function recordFirstRows(): void {
  const mark = window as unknown as { __firstRowsAt?: number; __liveRowsAt?: number };
  const observer = new MutationObserver(() => {
    const app = document.getElementById('app');
    const live = app && !app.hasAttribute('data-prepaint-scroll') && app.querySelector('.grid .row');
    if (live && mark.__liveRowsAt === undefined && !performance.getEntriesByName('live-rows-in-dom').length) {
      performance.mark('live-rows-in-dom');
      requestAnimationFrame(() => (mark.__liveRowsAt = performance.now()));
    }
    if (mark.__firstRowsAt !== undefined || !document.querySelector('.grid .row')) return;
    performance.mark('rows-in-dom');
    requestAnimationFrame(() => (mark.__firstRowsAt = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** What the harness itself costs: an extension page whose one tiny script draws one row. */
const FLOOR_PAGE = 'bench-floor.html';
function addFloorPage(dir: string): void {
  writeFileSync(
    join(dir, FLOOR_PAGE),
    '<!doctype html><html><body><div id="app"></div><script src="/bench-floor.js"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'bench-floor.js'),
    `document.getElementById('app').innerHTML = '<div class="grid"><div class="row">row</div></div>';`,
  );
}

async function firstRowsAt(page: Page, live = false): Promise<number> {
  const name = live ? '__liveRowsAt' : '__firstRowsAt';
  await page.waitForFunction((n) => (window as unknown as Record<string, number>)[n] !== undefined, name, {
    timeout: 30_000,
  });
  return page.evaluate((n) => (window as unknown as Record<string, number>)[n]!, name);
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, seed: 'large' });
  const extensionDir = prepareLoadableExtension();
  addFloorPage(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'dpt-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const driver = new ChromiumDriver(context, id);
    await context.addInitScript(recordFirstRows);
    const popupUrl = `chrome-extension://${id}/extension/popup/index.html`;

    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/extension/options/index.html`);
    await options.getByLabel('Portal address').fill(sandbox.url);
    await options.locator('input[name=apiKey]').fill(sandbox.demo.apiKey);
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText('Connected to').first().waitFor({ timeout: 30_000 });

    const open = async (url = popupUrl): Promise<{ page: Page; ms: number; liveMs: number }> => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      await page.goto(url);
      const ms = await firstRowsAt(page);
      return { page, ms, liveMs: url === popupUrl ? await firstRowsAt(page, true) : ms };
    };

    // Rooms by name, so the big room is on the first page; one opening fills the background's caches.
    const first = await open();
    await first.page.evaluate(async () => {
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<{ value: unknown }> } };
      const { runtime } = (globalThis as unknown as { chrome: Runtime }).chrome;
      // No named inner functions in page code: tsx would wrap them in a helper the page does not have.
      const state = (await runtime.sendMessage({ type: 'dpt/command', name: 'getState', payload: {} })).value as {
        activePortalId: string;
      };
      await runtime.sendMessage({
        type: 'dpt/command',
        name: 'saveView',
        payload: {
          portalId: state.activePortalId,
          state: { section: 'rooms', firstRow: 0, sort: { rooms: { by: 'name', order: 'ascending' } }, roomFilter: {} },
        },
      });
    });
    await first.page.close();
    await (await open()).page.close();

    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, ms } = await open(`chrome-extension://${id}/${FLOOR_PAGE}`);
      floor.push(ms);
      await page.close();
    }

    const warm: number[] = [];
    const warmLive: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, ms, liveMs } = await open();
      warm.push(ms);
      warmLive.push(liveMs);
      if (process.env.POPUP_BENCH_TRACE && i === RUNS - 1)
        console.log(
          await page.evaluate(() =>
            JSON.stringify({
              nav: performance.getEntriesByType('navigation')[0],
              resources: performance
                .getEntriesByType('resource')
                .map((r) => [
                  r.name.slice(-40),
                  Math.round(r.startTime),
                  Math.round((r as PerformanceResourceTiming).responseEnd),
                ]),
              marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
            }),
          ),
        );
      await page.close();
    }

    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await driver.stopBackground();
      const { page, ms } = await open();
      cold.push(ms);
      await page.close();
    }

    // Click → first rows of the 10,000-file room, from the rooms list each time.
    const big: number[] = [];
    const popup = (await open()).page;
    for (let i = 0; i < RUNS; i++) {
      await popup.locator('.grid .row-title > .server-text', { hasText: ROOM.title }).first().waitFor();
      big.push(
        await popup.evaluate(async (title) => {
          const link = [...document.querySelectorAll<HTMLElement>('.grid .row-link')].find(
            (a) => a.querySelector('.row-title > .server-text')?.textContent === title,
          );
          if (!link) throw new Error(`no row ${title}`);
          const started = performance.now();
          link.click();
          for (;;) {
            await new Promise((r) => requestAnimationFrame(r));
            const ids = [...document.querySelectorAll('.grid .row[data-kind=file]')].map((r) =>
              Number(r.getAttribute('data-id')),
            );
            if (ids.length > 0 && ids.every((n) => n >= 100_000)) break;
          }
          await new Promise((r) => requestAnimationFrame(r));
          return performance.now() - started;
        }, ROOM.title),
      );
      await popup.getByRole('button', { name: 'Rooms', exact: true }).click();
    }

    // Scroll the big room to its very last entry; count the rows alive in the DOM on every frame.
    await popup.locator('.grid .row-title > .server-text', { hasText: ROOM.title }).first().click();
    await popup.locator('.grid .row[data-kind=file]').first().waitFor();
    const scrolled = await popup.evaluate(async (total) => {
      const scroller = document.querySelector<HTMLElement>('[data-testid=list-scroller]')!;
      let most = 0;
      let reached = 0;
      const started = performance.now();
      while (reached < total && performance.now() - started < 180_000) {
        scroller.scrollTop = scroller.scrollHeight;
        await new Promise((r) => requestAnimationFrame(r));
        const rows = [...document.querySelectorAll('.grid .row')];
        most = Math.max(most, rows.length);
        reached = Math.max(0, ...rows.map((r) => Number(r.getAttribute('aria-rowindex'))));
      }
      return { most, ms: performance.now() - started, reached };
    }, ROOM.fileCount);
    if (scrolled.reached < ROOM.fileCount) throw new Error(`the end was not reached: row ${scrolled.reached}`);

    const result = {
      warmMs: round(median(warm)),
      coldMs: round(median(cold)),
      bigFirstRowsMs: round(median(big)),
      bigDomRows: scrolled.most,
      // Not a goal of the issue, but the honest figure beside warmMs: warmMs counts the kept picture's rows.
      liveWarmMs: round(median(warmLive)),
    };
    console.log(`popup bench: ${RUNS} openings each, 380×600, large seed (${ROOM.fileCount} files in "${ROOM.title}")`);
    console.log('measure                                   median ms   goal');
    const row = (label: string, ms: number, goal: string) =>
      console.log(`${label.padEnd(41)}${String(round(ms)).padStart(9)}   ${goal}`);
    row('an empty extension page → its one row', median(floor), '(the harness: opening a page, one frame)');
    console.log(`opened → first rows, worker running      ${String(result.warmMs).padStart(9)}   ≤ 100`);
    row('opened → the app’s own rows, worker on', median(warmLive), '(after the kept picture)');
    console.log(`opened → first rows, worker stopped      ${String(result.coldMs).padStart(9)}   ≤ 300`);
    console.log(
      `click → first rows of ${ROOM.fileCount} files        ${String(result.bigFirstRowsMs).padStart(9)}   ≤ 150`,
    );
    console.log(
      `most rows in the DOM scrolling to the end ${String(result.bigDomRows).padStart(8)}   ≤ 150 (end reached in ${Math.round(scrolled.ms)} ms)`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(extensionDir, { recursive: true, force: true });
    await sandbox.close();
  }
}

await main();

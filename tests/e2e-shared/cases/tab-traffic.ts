import { expect } from '@playwright/test';
import type { CaseContext, SharedCase } from '../case.ts';
import type { ExtensionPage } from '../driver.ts';
import { checkSandboxLog, sandboxLog, setSandboxLimits, type SandboxLogEntry } from '../sandbox-api.ts';
import { seeAttribute, seeText, seeVisible } from '../see.ts';
import { row } from '../rows.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';

const FOLDERS = 300;
const SCALE = 0.1;
/** The minute window (6 s at this scale) is the tight one: 120 requests, of which the tab takes about half. */
const WINDOW_MS = 6_000;
const SANDBOX_VALUES = { burst: 100, perMinute: 120, concurrentGet: 10, concurrentWrite: 4 };
const EXTENSION_LIMITS = {
  requestsPer10s: 100,
  requestsPerMinute: 120,
  concurrentReads: 10,
  concurrentWrites: 4,
  windowScale: SCALE,
};
const TAB_PER_SECOND = 10;
/** The tab works this long before the job starts, and this long into it. */
const TAB_LEAD_MS = 3_000;
const TAB_BUSY_MS = 12_000;
const UNSORTED = 206; // Design / Unsorted: empty in the demo portal
const CREATE_PATH = `/api/2.0/files/folder/${UNSORTED}`;

interface TabState {
  signedIn: boolean;
  sent: number;
  answered: number;
  refused: number;
  failed: number;
  stoppedAt: number | null;
}

const isCreate = (e: SandboxLogEntry) => e.method === 'POST' && e.path === CREATE_PATH;
/** The tab signs in as the web client does, with the account's cookie; the extension sends its API key. */
const fromTab = (e: SandboxLogEntry) => e.authScheme === 'cookie' && e.path.startsWith('/api/');
const countIn = (entries: SandboxLogEntry[], from: number, to: number) =>
  entries.filter((e) => e.startMs >= from && e.startMs < to).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startJob(popup: ExtensionPage): Promise<void> {
  await popup.click(row('Design'));
  await popup.click(row('Unsorted'));
  await seeVisible(popup, { testId: 'empty-state' });
  await popup.click({ role: 'button', name: 'New' });
  await popup.click({ role: 'menuitem', name: 'New folders' });
  const titles = Array.from({ length: FOLDERS }, (_, i) => `Tab ${String(i + 1).padStart(3, '0')}`);
  await popup.fill({ label: 'Folder names, one per line' }, titles.join('\n'));
  await popup.click({ role: 'button', name: `Create ${FOLDERS}` });
  await seeAttribute(popup, { testId: 'job' }, 'data-status', 'running');
}

async function run(t: CaseContext): Promise<void> {
  const { driver, sandbox } = t;
  await setSandboxLimits(sandbox.url, {
    profile: 'documented',
    windowScale: SCALE,
    values: SANDBOX_VALUES,
    clearUsage: true,
  });
  const options = await signInWithApiKey(t);
  await seeVisible(options, { testId: 'signin-success' });
  const state = await options.command<{ activePortalId: string }>('getState', {});
  const portalId = state.activePortalId;
  await options.command('setLimits', { portalId, limits: EXTENSION_LIMITS });
  await options.close();

  // The user's own DocSpace tab on the portal's origin, with the same account, working at a steady rate.
  const fragment = new URLSearchParams({
    user: sandbox.demo.email,
    password: sandbox.demo.password,
    perSecond: String(TAB_PER_SECOND),
    count: String((TAB_PER_SECOND * (TAB_LEAD_MS + TAB_BUSY_MS + 20_000)) / 1000),
  });
  const tab = await driver.openWebPage(`${sandbox.url}/__sandbox/tab-page#${fragment.toString()}`);
  await sleep(TAB_LEAD_MS);

  const popup = await driver.openPopup();
  await startJob(popup);
  const jobStartedAt = Date.now();
  // The Activity view counts the tab while it works, in the user's words.
  await popup.click({ css: '.activity summary' });
  await seeText(popup, { testId: 'activity-tabs' }, /^Your DocSpace tabs: [1-9]\d*$/, { timeout: 5_000 });
  await expect
    .poll(async () => Number((await popup.attribute({ testId: 'activity-window' }, 'data-tabs')) ?? 0), {
      timeout: 5_000,
    })
    .toBeGreaterThan(0);
  const snapshot = await popup.command<{ tabsObserved?: boolean; windows: Array<{ tabs?: number }> }>('getActivity', {
    portalId,
  });
  expect(snapshot.tabsObserved).toBe(true);
  expect(snapshot.windows.every((w) => (w.tabs ?? 0) > 0)).toBe(true);
  // A click during the job and the tab's work is not queued behind them: its listing reaches the portal within
  // about one request time (the reserve; without it the click would wait for a window to free, seconds here).
  const clickedAt = Date.now();
  await popup.click({ role: 'tab', name: 'Documents' });
  await seeVisible(popup, row('Personal notes'));
  const listing = (await sandboxLog(sandbox.url)).find(
    (e) => e.path === '/api/2.0/files/@my' && e.startMs >= clickedAt,
  );
  expect(listing, 'the click reached the portal').toBeDefined();
  expect(listing!.startMs - clickedAt).toBeLessThan(1_000);
  // No extension page stays open from here: the share the job gets is decided by the tab alone.
  await popup.close();

  await sleep(Math.max(0, jobStartedAt + TAB_BUSY_MS - Date.now()));
  await tab.evaluate('stopTabTraffic()');
  const tabStoppedAt = Date.now();

  const watcher = await driver.openPopup();
  await seeAttribute(watcher, { testId: 'job' }, 'data-status', 'done', { timeout: 45_000 });
  await seeText(watcher, { testId: 'job-count' }, `${FOLDERS} of ${FOLDERS}`);
  const tabState = await tab.evaluate<TabState>('window.tabTraffic');
  await tab.close();

  const log = await sandboxLog(sandbox.url);
  // Neither the tab nor the extension was refused: the extension made way.
  expect(log.filter((e) => e.refusedBy !== null || e.status === 429 || e.status === 503)).toEqual([]);
  expect(tabState).toMatchObject({ signedIn: true, refused: 0, failed: 0 });
  expect(tabState.answered).toBeGreaterThan((TAB_PER_SECOND * (TAB_LEAD_MS + TAB_BUSY_MS)) / 1000 / 2);
  expect(log.filter(fromTab).length).toBe(tabState.sent);
  // Together they stayed within every window of the account.
  for (const [windowMs, limit] of [
    [1_000, SANDBOX_VALUES.burst],
    [WINDOW_MS, SANDBOX_VALUES.perMinute],
  ] as const) {
    expect((await checkSandboxLog(sandbox.url, windowMs, limit)).breaches, `${limit} per ${windowMs} ms`).toEqual([]);
  }
  const creates = log.filter(isCreate);
  expect(creates.filter((e) => e.status === 200)).toHaveLength(FOLDERS);

  // The job's share shrank while the tab worked and grew once it stopped: the last full window with the tab
  // against the window that starts once the tab's requests began to leave the windows.
  const busy = countIn(creates, tabStoppedAt - WINDOW_MS, tabStoppedAt);
  const freeFrom = tabStoppedAt + 1_000;
  const lastCreate = Math.max(...creates.map((e) => e.startMs));
  const freeTo = Math.min(freeFrom + WINDOW_MS, lastCreate + 1);
  const freeRate = countIn(creates, freeFrom, freeTo) / ((freeTo - freeFrom) / WINDOW_MS);
  const tabInBusyWindow = countIn(log.filter(fromTab), tabStoppedAt - WINDOW_MS, tabStoppedAt);
  console.log(
    `creates per ${WINDOW_MS} ms: ${busy} with the tab (${tabInBusyWindow} tab requests), ` +
      `${freeRate.toFixed(0)} after it stopped; ${creates.length} creates, tab sent ${tabState.sent}`,
  );
  expect(tabInBusyWindow).toBeGreaterThan(0);
  expect(busy + tabInBusyWindow).toBeLessThanOrEqual(SANDBOX_VALUES.perMinute);
  expect(freeTo - freeFrom, 'the job was still running after the tab stopped').toBeGreaterThan(1_000);
  expect(freeRate).toBeGreaterThan(busy * 1.3);
}

// On failure, print what the background says about the job and the scheduler.
async function printDiagnostics({ driver }: CaseContext): Promise<void> {
  const page = await driver.openOptions();
  const state = await page.command<{ activePortalId?: string }>('getState', {}).catch(() => null);
  const jobs = await page.command('listJobs', {}).catch((e: unknown) => String(e));
  const activity = state?.activePortalId
    ? await page.command('getActivity', { portalId: state.activePortalId }).catch((e: unknown) => String(e))
    : null;
  console.log('jobs:', JSON.stringify(jobs), '\nactivity:', JSON.stringify(activity));
}

export const tabTrafficCases: SharedCase[] = [
  {
    title: `a ${FOLDERS}-folder job makes way for the user's own DocSpace tab: no refusal for either, the tab is counted and shown, a click is not queued behind them, the job speeds up when the tab stops`,
    timeoutMs: 90_000,
    async run(t) {
      try {
        await run(t);
      } catch (error) {
        await printDiagnostics(t).catch((e: unknown) => console.log('no diagnostics:', String(e)));
        throw error;
      }
    },
  },
];

import { expect } from '@playwright/test';
import type { CaseContext, SharedCase } from '../case.ts';
import { checkSandboxLog, sandboxLog, setSandboxLimits } from '../sandbox-api.ts';
import { seeAttribute, seeText, seeVisible } from '../see.ts';
import { row } from '../rows.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';

const FOLDERS = 300;
const STOPS = 3;
/** Folders each background instance creates before it is stopped: 3 × 50 leaves the job unfinished. */
const PROGRESS_BEFORE_STOP = 50;
const SCALE = 0.1;
/** Tight numbers on both sides, so a few hundred requests meet every window. */
const SANDBOX_VALUES = { burst: 100, perMinute: 300, concurrentGet: 10, concurrentWrite: 4 };
const EXTENSION_LIMITS = {
  requestsPer10s: 100,
  requestsPerMinute: 300,
  concurrentReads: 10,
  concurrentWrites: 4,
  windowScale: SCALE,
};
const UNSORTED = 206; // Design / Unsorted: empty in the demo portal
const CREATE_PATH = `/api/2.0/files/folder/${UNSORTED}`;

const foldersCreated = async (sandboxUrl: string) =>
  (await sandboxLog(sandboxUrl)).filter((e) => e.method === 'POST' && e.path === CREATE_PATH && e.status === 200)
    .length;

// On failure, print what the background says about the job and the scheduler: the first thing to look at.
async function printDiagnostics({ driver }: CaseContext): Promise<void> {
  const page = await driver.openOptions();
  const jobs = await page.command('listJobs', {}).catch((e: unknown) => String(e));
  const state = await page.command<{ activePortalId?: string }>('getState', {}).catch(() => null);
  const activity = state?.activePortalId
    ? await page.command('getActivity', { portalId: state.activePortalId }).catch((e: unknown) => String(e))
    : null;
  console.log('jobs:', JSON.stringify(jobs), '\nactivity:', JSON.stringify(activity));
}

async function runJobWithStops(t: CaseContext, profile: 'documented' | 'server'): Promise<void> {
  const { driver, sandbox } = t;
  await setSandboxLimits(sandbox.url, { profile, windowScale: SCALE, values: SANDBOX_VALUES, clearUsage: true });
  const options = await signInWithApiKey(t);
  await seeVisible(options, { testId: 'signin-success' });
  const state = await options.command<{ activePortalId: string }>('getState', {});
  await options.command('setLimits', { portalId: state.activePortalId, limits: EXTENSION_LIMITS });
  // No extension page stays open while the background is stopped: none keeps a port to it or state of its own.
  await options.close();

  const popup = await driver.openPopup();
  await popup.click(row('Design'));
  await popup.click(row('Unsorted'));
  await seeVisible(popup, { testId: 'empty-state' });
  await popup.click({ role: 'button', name: 'New' });
  await popup.click({ role: 'menuitem', name: 'New folders' });
  const titles = Array.from({ length: FOLDERS }, (_, i) => `Case ${String(i + 1).padStart(3, '0')}`);
  await popup.fill({ label: 'Folder names, one per line' }, titles.join('\n'));
  await popup.click({ role: 'button', name: `Create ${FOLDERS}` });
  await seeAttribute(popup, { testId: 'job' }, 'data-status', 'running');
  await popup.close();

  const stoppedAt: number[] = [];
  let progressFrom = 0;
  for (let stop = 1; stop <= STOPS; stop++) {
    // Stop the background at a different point of the job each time, once the instance that runs it now has made
    // progress of its own (so it is past its start, with requests in flight).
    await expect
      // Short intervals: the job makes tens of folders a second, and the stops must land before its end.
      .poll(() => foldersCreated(sandbox.url), { timeout: 40_000, intervals: [100] })
      .toBeGreaterThanOrEqual(progressFrom + PROGRESS_BEFORE_STOP);
    await expect.poll(() => driver.backgroundRunning(), { timeout: 10_000 }).toBe(true);
    stoppedAt.push(await foldersCreated(sandbox.url));
    await driver.stopBackground();
    // Any event starts the background again; opening a page of the extension is one.
    await (await driver.openPopup()).close();
    progressFrom = await foldersCreated(sandbox.url);
  }
  expect(
    stoppedAt.every((n) => n < FOLDERS),
    `stopped at ${stoppedAt.join(', ')} of ${FOLDERS}`,
  ).toBe(true);
  const watcher = await driver.openPopup();
  await seeAttribute(watcher, { testId: 'job' }, 'data-status', 'done', { timeout: 60_000 });
  await seeText(watcher, { testId: 'job-count' }, `${FOLDERS} of ${FOLDERS}`);

  const log = await sandboxLog(sandbox.url);
  const posts = log.filter((e) => e.method === 'POST' && e.path === CREATE_PATH);
  expect(posts.filter((e) => e.status === 200)).toHaveLength(FOLDERS);
  expect(log.filter((e) => e.refusedBy !== null || e.status === 429 || e.status === 503)).toEqual([]);
  const windows = [
    [1_000, SANDBOX_VALUES.burst],
    [6_000, SANDBOX_VALUES.perMinute],
  ] as const;
  for (const [windowMs, limit] of windows) {
    const report = await checkSandboxLog(sandbox.url, windowMs, limit);
    expect(report.breaches, `${limit} per ${windowMs} ms`).toEqual([]);
    for (const account of report.accounts) {
      expect(account.maxConcurrent.get).toBeLessThanOrEqual(SANDBOX_VALUES.concurrentGet);
      expect(account.maxConcurrent.other).toBeLessThanOrEqual(SANDBOX_VALUES.concurrentWrite);
    }
  }
  // Every folder exists exactly once.
  const listing = (await (
    await fetch(`${sandbox.url}/api/2.0/files/${UNSORTED}?count=100&startIndex=0&filterType=2`, {
      headers: { Authorization: `Bearer ${sandbox.demo.apiKey}` },
    })
  ).json()) as { response: { total: number } };
  expect(listing.response.total).toBe(FOLDERS);
}

export const bulkJobCases: SharedCase[] = (['documented', 'server'] as const).map((profile) => ({
  title: `a ${FOLDERS}-folder job survives ${STOPS} background stops with the ${profile} limits: no refusal, no window breached, each folder made once`,
  timeoutMs: 150_000,
  async run(t) {
    try {
      await runJobWithStops(t, profile);
    } catch (error) {
      await printDiagnostics(t).catch((e: unknown) => console.log('no diagnostics:', String(e)));
      throw error;
    }
  },
}));

import type { Page } from '@playwright/test';
import { expect, test, type SandboxLogEntry } from './fixtures.ts';
import { workerControl } from './worker-control.ts';

const FOLDERS = 300;
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

async function command(page: Page, name: string, payload: unknown): Promise<unknown> {
  // Sent from an extension page, as the popup would: the background accepts commands only from its own pages.
  type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
  const reply = (await page.evaluate(
    ([n, p]) =>
      (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'dpt/command', name: n, payload: p }),
    [name, payload] as const,
  )) as {
    ok: boolean;
    value?: unknown;
    error?: unknown;
  };
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.value;
}

async function check(sandboxUrl: string, windowMs: number, limit: number) {
  const report = (await (await fetch(`${sandboxUrl}/__sandbox/check?windowMs=${windowMs}&limit=${limit}`)).json()) as {
    breaches: unknown[];
    accounts: Array<{ account: string; refusals: number; maxConcurrent: { get: number; other: number } }>;
  };
  return report;
}

// On failure, print what the background says about the job and the scheduler: the first thing to look at.
test.afterEach(async ({ openOptions }, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  const page = await openOptions();
  const jobs = await command(page, 'listJobs', {}).catch((e: unknown) => String(e));
  const state = (await command(page, 'getState', {}).catch(() => null)) as { activePortalId?: string } | null;
  const activity = state?.activePortalId
    ? await command(page, 'getActivity', { portalId: state.activePortalId }).catch((e: unknown) => String(e))
    : null;
  console.log('jobs:', JSON.stringify(jobs), '\nactivity:', JSON.stringify(activity));
});

for (const profile of ['documented', 'server'] as const) {
  test(`a ${FOLDERS}-folder job survives three worker stops with the ${profile} limits: no refusal, no window breached, each folder made once`, async ({
    signInWithApiKey,
    openPopup,
    profile,
    extensionId,
    sandbox,
    sandboxLog,
  }) => {
    test.setTimeout(120_000);
    await fetch(`${sandbox.url}/__sandbox/limits`, {
      method: 'POST',
      body: JSON.stringify({ profile, windowScale: SCALE, values: SANDBOX_VALUES, clearUsage: true }),
    });
    const options = await signInWithApiKey();
    await expect(options.getByTestId('signin-success')).toBeVisible();
    const state = (await command(options, 'getState', {})) as { activePortalId: string };
    await command(options, 'setLimits', { portalId: state.activePortalId, limits: EXTENSION_LIMITS });

    const popup = await openPopup();
    const list = popup.locator('.entries');
    await list.getByRole('button', { name: 'Open Design' }).click();
    await list.getByRole('button', { name: 'Open Unsorted' }).click();
    await expect(popup.getByTestId('empty-state')).toBeVisible();
    await popup.getByRole('button', { name: 'New folders' }).click();
    const titles = Array.from({ length: FOLDERS }, (_, i) => `Case ${String(i + 1).padStart(3, '0')}`);
    await popup.getByLabel('Folder names, one per line').fill(titles.join('\n'));
    await popup.getByRole('button', { name: `Create ${FOLDERS}` }).click();

    await expect(popup.getByTestId('job')).toHaveAttribute('data-status', 'running');
    // No extension page stays open while the worker is stopped, so nothing else keeps state.
    await popup.close();
    const worker = await workerControl(profile, extensionId);
    const created = async () =>
      (await sandboxLog()).filter(
        (e) => e.method === 'POST' && e.path === `/api/2.0/files/folder/${UNSORTED}` && e.status === 200,
      ).length;
    const killedAt: number[] = [];
    for (let kill = 1; kill <= 3; kill++) {
      // Stop the worker at a different point of the job each time, once a new one has made progress.
      await expect.poll(created, { timeout: 40_000 }).toBeGreaterThanOrEqual(kill * 60);
      await worker.waitRunning();
      killedAt.push(await created());
      // Any event starts a new worker; opening a page of the extension is one.
      await worker.restart(async () => (await openPopup()).close());
    }
    test.info().annotations.push({ type: 'browser restarts', description: String(worker.browserRestarts) });
    expect(
      killedAt.every((n) => n < FOLDERS),
      `killed at ${killedAt.join(', ')} of ${FOLDERS}`,
    ).toBe(true);
    const watcher = await openPopup();
    await expect(watcher.getByTestId('job')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(watcher.getByTestId('job-count')).toHaveText(`${FOLDERS} of ${FOLDERS}`);

    const log = (await sandboxLog()) as Array<SandboxLogEntry & { refusedBy: string | null }>;
    const posts = log.filter((e) => e.method === 'POST' && e.path === `/api/2.0/files/folder/${UNSORTED}`);
    expect(posts.filter((e) => e.status === 200)).toHaveLength(FOLDERS);
    expect(log.filter((e) => e.refusedBy !== null || e.status === 429 || e.status === 503)).toEqual([]);
    const windows = [
      [1_000, SANDBOX_VALUES.burst],
      [6_000, SANDBOX_VALUES.perMinute],
    ] as const;
    for (const [windowMs, limit] of windows) {
      const report = await check(sandbox.url, windowMs, limit);
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
  });
}

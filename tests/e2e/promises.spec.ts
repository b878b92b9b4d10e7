import type { Page } from '@playwright/test';
import { sized } from '../e2e-shared/sizes.ts';
import { expect, test, type SandboxLogEntry } from './fixtures.ts';

const FOLDERS = 100;
const UNSORTED = 206; // Design / Unsorted: empty in the demo portal
/** The storm's length: 40 s in the full run, 15 s in `npm test`. */
const STORM_MS = sized(40_000, 15_000);
const CREATE_PATH = `/api/2.0/files/folder/${UNSORTED}`;

async function setFaults(sandboxUrl: string, faults: Array<Record<string, unknown>>): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: 'POST',
    body: JSON.stringify({ faults, replace: true }),
  });
  expect(response.ok).toBe(true);
}

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

test(`a ${FOLDERS}-folder job through connection resets on half the creates and a ${STORM_MS / 1000} s 503 storm ends with exactly ${FOLDERS} folders, done only after verify`, async ({
  signInWithApiKey,
  openPopup,
  sandbox,
  sandboxLog,
}) => {
  test.setTimeout(180_000);
  const options = await signInWithApiKey();
  await expect(options.getByTestId('signin-success')).toBeVisible();
  const { activePortalId } = (await command(options, 'getState', {})) as { activePortalId: string };
  // The portal processes the create, then resets the connection before answering: the browser may send the
  // POST again on a new connection without telling the page, and the page never learns what happened.
  await setFaults(sandbox.url, [{ type: 'resetAfter', method: 'POST', path: CREATE_PATH, share: 0.5, count: 50 }]);
  const titles = Array.from({ length: FOLDERS }, (_, i) => `Claim ${String(i + 1).padStart(3, '0')}`);
  await command(options, 'createFolders', {
    portalId: activePortalId,
    parentId: UNSORTED,
    parentTitle: 'Unsorted',
    titles,
  });

  // Creates the portal processed: answered, or reset after it made the folder.
  const created = async () =>
    (await sandboxLog()).filter(
      (e) => e.method === 'POST' && e.path === CREATE_PATH && (e.status === 200 || e.status === 0),
    ).length;
  await expect.poll(created, { timeout: 60_000 }).toBeGreaterThanOrEqual(30);
  // Then the portal refuses everything for the storm's length, asking to come back in 5 s each time.
  await setFaults(sandbox.url, [
    { type: 'resetAfter', method: 'POST', path: CREATE_PATH, share: 0.5, count: 50 },
    { type: 'storm503', retryAfter: 5, durationMs: STORM_MS },
  ]);
  const stormFrom = Date.now();

  const popup = await openPopup();
  await popup.locator('.grid .row-title > .server-text', { hasText: /^Design$/ }).click();
  const job = popup.getByTestId('job');
  // During the storm the job waits, showing why; it never spends an item on a refusal.
  await expect(job).toHaveAttribute('data-status', /running|waiting/);
  await expect(job).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  expect(Date.now() - stormFrom).toBeGreaterThan(STORM_MS - 5_000);
  await expect(popup.getByTestId('job-count')).toHaveText(`${FOLDERS} of ${FOLDERS}`);
  await expect(popup.getByTestId('job-status')).not.toContainText('failed');

  // Exactly one folder per title is left in the folder.
  const listing = (await (
    await fetch(`${sandbox.url}/api/2.0/files/${UNSORTED}?count=100&startIndex=0&filterType=2`, {
      headers: { Authorization: `Bearer ${sandbox.demo.apiKey}` },
    })
  ).json()) as { response: { total: number; folders: Array<{ title: string }> } };
  expect(listing.response.total).toBe(FOLDERS);
  expect(new Set(listing.response.folders.map((f) => f.title)).size).toBe(FOLDERS);

  // Done came after the verify step: the last thing the job did in the folder was look at it.
  const log = (await sandboxLog()) as Array<SandboxLogEntry & { refusedBy?: string | null }>;
  const touching = log.filter((e) => e.path === CREATE_PATH || e.path === `/api/2.0/files/${UNSORTED}`);
  const lastCreate = touching.map((e) => e.method === 'POST').lastIndexOf(true);
  expect(touching.slice(lastCreate + 1).some((e) => e.method === 'GET' && e.status === 200)).toBe(true);
  const resets = log.filter((e) => e.method === 'POST' && e.path === CREATE_PATH && e.status === 0).length;
  const processed = log.filter(
    (e) => e.method === 'POST' && e.path === CREATE_PATH && (e.status === 200 || e.status === 0),
  );
  const [summary] = (await command(options, 'listJobs', {})) as Array<{
    findings?: Array<{ key: string; params: string[] }>;
  }>;
  // Every copy a re-sent create made was found and removed by the verify step, and the user is told.
  const removed = processed.length - FOLDERS;
  if (removed > 0)
    expect(summary?.findings).toContainEqual(
      expect.objectContaining({ key: 'jobDuplicatesRemoved', params: [String(removed)] }),
    );
  test.info().annotations.push({
    type: 'connection faults',
    description: `${resets} resets; ${processed.length} creates processed for ${FOLDERS} folders`,
  });
  expect(resets).toBeGreaterThan(10);
});

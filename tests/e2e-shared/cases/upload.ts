import { expect } from '@playwright/test';
import type { CaseContext, SharedCase } from '../case.ts';
import type { ExtensionPage } from '../driver.ts';
import { testBytes } from '../files.ts';
import { row } from '../rows.ts';
import { addFault, sandboxLog, setSandboxTuning } from '../sandbox-api.ts';
import { seeAttribute, seeText, seeTextContaining, seeVisible } from '../see.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';

const UNSORTED = 206; // Design / Unsorted: empty in the demo portal
/** A small chunk size, so a file of a few MB is many chunks and the test stays fast. */
const CHUNK = 64 * 1024;
const CHUNKS = 40;
const BIG = { name: 'big.bin', size: CHUNKS * CHUNK - 1_000, seed: 3 };

interface ListedFile {
  id: number;
  title: string;
  version: number;
  pureContentLength: number;
}

async function filesIn(t: CaseContext, folderId: number): Promise<ListedFile[]> {
  const response = await fetch(`${t.sandbox.url}/api/2.0/files/${folderId}?count=100&startIndex=0`, {
    headers: { Authorization: `Bearer ${t.sandbox.demo.apiKey}` },
  });
  return ((await response.json()) as { response: { files: ListedFile[] } }).response.files;
}

async function contentOf(t: CaseContext, fileId: number): Promise<Uint8Array> {
  const response = await fetch(`${t.sandbox.url}/filehandler.ashx?action=download&fileid=${fileId}`, {
    headers: { Authorization: `Bearer ${t.sandbox.demo.apiKey}` },
  });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const chunkPosts = async (t: CaseContext) =>
  (await sandboxLog(t.sandbox.url)).filter(
    (e) => e.method === 'POST' && /^\/api\/2\.0\/files\/\d+\/session\/[^/]+\/upload$/.test(e.path) && e.status === 200,
  );

async function signedInPopup(t: CaseContext): Promise<ExtensionPage> {
  const options = await signInWithApiKey(t);
  await seeVisible(options, { testId: 'signin-success' });
  await options.close();
  return t.driver.openPopup();
}

async function withTuning(t: CaseContext, tuning: Record<string, number>, body: () => Promise<void>): Promise<void> {
  await setSandboxTuning(t.sandbox.url, tuning);
  try {
    await body();
  } finally {
    await setSandboxTuning(t.sandbox.url, { reset: true });
    await fetch(`${t.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
  }
}

export const uploadCases: SharedCase[] = [
  {
    title:
      'an upload above the chunk size goes on after the popup closes and the background stops; the portal holds it byte for byte',
    timeoutMs: 120_000,
    run: (t) =>
      withTuning(t, { chunkUploadSize: CHUNK }, async () => {
        const { driver, sandbox } = t;
        // Each chunk takes a moment, so the popup closes and the background stops in the middle of the file.
        await addFault(sandbox.url, { type: 'latency', ms: 120, path: '/api/2.0/files/*/session/*/upload' });
        const popup = await signedInPopup(t);
        await popup.click(row('Design'));
        await popup.click(row('Unsorted'));
        await seeVisible(popup, { testId: 'empty-state' });
        await popup.click({ role: 'button', name: 'New' });
        await seeVisible(popup, { role: 'menuitem', name: 'Upload files' });
        await popup.press('Escape');
        await popup.putFiles({ testId: 'upload-input' }, { files: [BIG], how: 'pick' });
        await seeAttribute(popup, { testId: 'job' }, 'data-status', 'running');
        await popup.close();

        await expect.poll(async () => (await chunkPosts(t)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
        await expect.poll(() => driver.backgroundRunning(), { timeout: 10_000 }).toBe(true);
        const before = (await chunkPosts(t)).length;
        expect(before).toBeLessThan(CHUNKS);
        await driver.stopBackground();
        const watcher = await driver.openPopup();
        await seeAttribute(watcher, { testId: 'job' }, 'data-status', 'done', { timeout: 60_000 });
        await seeText(watcher, { testId: 'job-count' }, '1 of 1');
        await seeText(watcher, { testId: 'job-bytes' }, /^(\S+ \S+) of \1$/);

        const [file, ...others] = (await filesIn(t, UNSORTED)).filter((f) => f.title.startsWith('big'));
        expect(others).toEqual([]);
        expect(file).toMatchObject({ title: BIG.name, pureContentLength: BIG.size, version: 1 });
        expect(await contentOf(t, file!.id)).toEqual(testBytes(BIG.size, BIG.seed));
        // One session; every chunk arrived, and only one in flight at the stop could have been sent again.
        const log = await sandboxLog(sandbox.url);
        expect(log.filter((e) => e.method === 'POST' && e.path === `/api/2.0/files/${UNSORTED}/session`)).toHaveLength(
          1,
        );
        const numbers = (await chunkPosts(t)).map((e) => Number(e.query['chunkNumber']));
        expect(new Set(numbers)).toEqual(new Set(Array.from({ length: CHUNKS }, (_, i) => i + 1)));
        expect(numbers.length).toBeLessThanOrEqual(CHUNKS + 1);
        // The job's stored bytes are gone once it finished (nothing left for the sweep).
        await watcher.close();
      }),
  },
  {
    title:
      'files dropped on a folder row and on the list upload there; a name that exists asks once: keep both, then new version',
    timeoutMs: 90_000,
    run: (t) =>
      withTuning(t, { chunkUploadSize: CHUNK }, async () => {
        const popup = await signedInPopup(t);
        const notes = { name: 'notes.bin', size: CHUNK * 2 + 5, seed: 1 };
        await popup.click(row('Design'));
        await popup.putFiles(row('Unsorted'), { files: [notes], how: 'drop' });
        await expect
          .poll(async () => (await filesIn(t, UNSORTED)).map((f) => f.title), { timeout: 20_000 })
          .toEqual(['notes.bin']);

        // The same name again: one question, with the name, for all the files.
        await popup.putFiles(row('Unsorted'), { files: [{ ...notes, seed: 2 }], how: 'drop' });
        await seeVisible(popup, { role: 'dialog', name: 'Files with these names exist' });
        await seeText(popup, { testId: 'upload-conflict-names' }, 'notes.bin');
        await popup.click({ role: 'button', name: 'Keep both' });
        await expect
          .poll(async () => (await filesIn(t, UNSORTED)).map((f) => f.title).sort(), { timeout: 20_000 })
          .toEqual(['notes (1).bin', 'notes.bin']);

        const third = { ...notes, size: 700, seed: 5 };
        await popup.putFiles(row('Unsorted'), { files: [third], how: 'drop' });
        await popup.click({ role: 'button', name: 'Upload as new versions' });
        await expect
          .poll(async () => (await filesIn(t, UNSORTED)).find((f) => f.title === 'notes.bin')?.version, {
            timeout: 20_000,
          })
          .toBe(2);
        const files = await filesIn(t, UNSORTED);
        expect(files).toHaveLength(2);
        const original = files.find((f) => f.title === 'notes.bin')!;
        expect(await contentOf(t, original.id)).toEqual(testBytes(third.size, third.seed));
        const copy = files.find((f) => f.title === 'notes (1).bin')!;
        expect(await contentOf(t, copy.id)).toEqual(testBytes(notes.size, 2));

        // Skip: the file with the name is left as it is, and nothing else is made.
        await popup.putFiles(row('Unsorted'), { files: [{ ...notes, size: 90, seed: 7 }], how: 'drop' });
        await popup.click({ role: 'button', name: 'Skip them' });
        await seeTextContaining(popup, { css: '.jobs-tray' }, /Done · 1 existed already/, { timeout: 20_000 });
        expect((await filesIn(t, UNSORTED)).map((f) => [f.title, f.version])).toEqual(
          files.map((f) => [f.title, f.version]),
        );
        expect(await contentOf(t, original.id)).toEqual(testBytes(third.size, third.seed));

        // Dropped on the list of the folder shown: into that folder, and the list shows it.
        await popup.click(row('Unsorted'));
        // The folder is shown (a drop while it loads has no folder to go to and is refused).
        await seeVisible(popup, row('notes (1).bin'));
        await popup.putFiles({ testId: 'listing' }, { files: [{ name: 'here.bin', size: 300, seed: 9 }], how: 'drop' });
        await expect
          .poll(async () => (await filesIn(t, UNSORTED)).some((f) => f.title === 'here.bin'), { timeout: 20_000 })
          .toBe(true);
        await seeVisible(popup, row('here.bin'), { timeout: 20_000 });
      }),
  },
];

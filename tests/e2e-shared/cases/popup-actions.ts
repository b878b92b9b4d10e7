import { expect } from '@playwright/test';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_ROOMS } from '../../sandbox/seed-demo.ts';
import type { CaseContext, SharedCase } from '../case.ts';
import type { ExtensionPage } from '../driver.ts';
import { sandboxLog, setSandboxTuning, type SandboxLogEntry } from '../sandbox-api.ts';
import { seeCount, seeText, seeTextContaining, seeVisible } from '../see.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';
import { row } from '../rows.ts';

const tab = (name: string) => ({ role: 'tab', name }) as const;
const dialog = { role: 'dialog' } as const;
const toast = { testId: 'toast' };
const menuOf = (title: string) => ({ role: 'button', name: `Actions for ${title}` }) as const;
const item = (name: string) => ({ role: 'menuitem', name }) as const;

async function runAction(popup: ExtensionPage, title: string, action: string): Promise<void> {
  await popup.click(menuOf(title));
  await popup.click(item(action));
}

/** Moves the list's focus to the row at `index` (0-based) from the search box, by keyboard only. */
/** Each key is pressed once the previous one has moved the focus: a key sent before that was lost in Firefox. */
async function focusRow(popup: ExtensionPage, index: number): Promise<void> {
  const press = async (key: string) => {
    const before = JSON.stringify(await popup.focused());
    await popup.press(key);
    await expect.poll(async () => JSON.stringify(await popup.focused()), { timeout: 5_000 }).not.toBe(before);
  };
  await press('/');
  await press('ArrowDown');
  for (let i = 0; i < index; i++) await press('ArrowDown');
}

async function signedInPopup(t: CaseContext): Promise<ExtensionPage> {
  await signInWithApiKey(t);
  return t.driver.openPopup();
}

/** Waits until the sandbox has logged a request like this one. */
async function waitForLog(t: CaseContext, like: (entry: SandboxLogEntry) => boolean): Promise<void> {
  await expect.poll(async () => (await sandboxLog(t.sandbox.url)).some(like), { timeout: 10_000 }).toBe(true);
}

const writes = async (t: CaseContext, method: string, path: RegExp) =>
  (await sandboxLog(t.sandbox.url)).filter((e) => e.method === method && path.test(e.path) && e.status < 300);

export const popupActionCases: SharedCase[] = [
  {
    title: 'F2 renames the focused entry; the list shows the new name and the portal has it, once',
    async run(t) {
      const popup = await signedInPopup(t);
      await popup.click(tab('Documents'));
      await seeVisible(popup, row('Budget 2026.xlsx'));
      // Folders first, then newest: Personal notes, Budget 2026.xlsx, …
      await focusRow(popup, 1);
      expect((await popup.focused())?.text).toMatch(/^(XLSX?)?Budget 2026\.xlsx/);
      await popup.press('F2');
      await seeVisible(popup, dialog);
      await popup.fill({ label: 'Name' }, 'Budget 2027.xlsx');
      await popup.press('Enter');
      await seeVisible(popup, row('Budget 2027.xlsx'));
      await seeCount(popup, dialog, 0);
      expect(await writes(t, 'PUT', new RegExp(`/files/file/${DEMO_FILES.budget2026}$`))).toHaveLength(1);
      // Focus goes back to the renamed row, so the keyboard user keeps their place.
      await expect.poll(async () => (await popup.focused())?.text ?? '').toMatch(/^Budget 2027\.xlsx/);
    },
  },
  {
    title: 'Delete moves to the Trash with an Undo that restores it; Restore brings an entry back from the Trash',
    async run(t) {
      const popup = await signedInPopup(t);
      await popup.click(tab('Documents'));
      await seeVisible(popup, row('Budget 2026.xlsx'));
      await focusRow(popup, 1);
      await popup.press('Delete');
      await seeText(popup, toast, /Moved 1 item to the Trash\./);
      await seeCount(popup, row('Budget 2026.xlsx'), 0);
      await popup.click({ role: 'button', name: 'Undo' });
      await seeVisible(popup, row('Budget 2026.xlsx'));

      await popup.click(tab('Trash'));
      await seeVisible(popup, row('Old draft.docx'));
      // Trash rows say where each entry was.
      await seeTextContaining(popup, { css: '.grid .row', text: /^Old draft\.docx/ }, /My documents/);
      await runAction(popup, 'Old draft.docx', 'Restore');
      await seeText(popup, toast, /Restored 1 item\./);
      await seeCount(popup, row('Old draft.docx'), 0);
      await popup.click(tab('Documents'));
      await seeVisible(popup, row('Old draft.docx'));
    },
  },
  {
    title: 'a search result moved to the Trash goes back to its own folder on Undo, not to the folder on screen',
    async run(t) {
      const popup = await signedInPopup(t);
      await popup.click(row(DEMO_ROOMS.marketing.title));
      await seeVisible(popup, row('Brand book.docx'));
      await popup.fill({ role: 'searchbox' }, 'Q1 budget');
      await seeTextContaining(popup, { css: '.grid .row .row-place' }, /Marketing › Q1/);
      await popup.click(menuOf('Q1 budget.xlsx'));
      // The item's name ends with its key, "Delete".
      await popup.click({ css: '[role=menuitem]', text: /^Move to Trash/ });
      await seeText(popup, toast, /Moved 1 item to the Trash\./);
      await popup.click({ role: 'button', name: 'Undo' });
      await expect
        .poll(
          async () => {
            const answer = await fetch(`${t.sandbox.url}/api/2.0/files/file/${DEMO_FILES.q1Budget}`, {
              headers: { Authorization: `Bearer ${t.sandbox.demo.apiKey}` },
            });
            const { response } = (await answer.json()) as { response?: { folderId?: number; rootFolderType?: number } };
            return [response?.folderId, response?.rootFolderType];
          },
          { timeout: 10_000 },
        )
        .toEqual([DEMO_FOLDERS.q1, 14]);
    },
  },
  {
    title: 'cancelling a move while DocSpace runs it stops the operation on the portal: the file stays where it was',
    async run(t) {
      const popup = await signedInPopup(t);
      // Each entry of an operation takes 30 s on the portal: the move is still running when Cancel is pressed.
      await setSandboxTuning(t.sandbox.url, { fileOperationItemMs: 30_000 });
      try {
        for (const folder of ['Marketing', 'Campaigns', '2026', 'Q1']) await popup.click(row(folder));
        await runAction(popup, 'Q1 kickoff.pptx', 'Move to…');
        await popup.click({ css: '[data-testid=picker] .picker-item', text: 'Marketing' });
        await popup.click({ css: '[data-testid=picker] .picker-item', text: 'Campaigns' });
        await popup.click({ role: 'button', name: 'Move to Campaigns' });
        await seeTextContaining(popup, { css: '.jobs-tray' }, /Moving 1 to Campaigns/);
        await waitForLog(t, (e) => e.method === 'PUT' && e.path === '/api/2.0/files/fileops/move');
        await popup.click({ css: '.jobs-tray button', text: 'Cancel' });
        await seeTextContaining(popup, { css: '.jobs-tray' }, /Cancelled/);
        await waitForLog(t, (e) => e.method === 'PUT' && e.path.startsWith('/api/2.0/files/fileops/terminate/'));
        const answer = await fetch(`${t.sandbox.url}/api/2.0/files/file/${DEMO_FILES.q1Kickoff}`, {
          headers: { Authorization: `Bearer ${t.sandbox.demo.apiKey}` },
        });
        expect(((await answer.json()) as { response: { folderId: number } }).response.folderId).toBe(DEMO_FOLDERS.q1);
      } finally {
        await setSandboxTuning(t.sandbox.url, { reset: true });
      }
    },
  },
  {
    title: 'deleting many entries runs as a job with progress; the folder shows what is left',
    timeoutMs: 90_000,
    async run(t) {
      const popup = await signedInPopup(t);
      await popup.click(row(DEMO_ROOMS.marketing.title));
      await popup.click(row('Assets'));
      await seeText(popup, { testId: 'entry-count' }, '50 of 180');
      // Twelve, one more than go at once with an Undo: the first row, then Shift+ArrowDown eleven times.
      await focusRow(popup, 0);
      await popup.press('Shift+ArrowDown');
      await seeText(popup, { testId: 'selection-count' }, '2 selected');
      for (let i = 0; i < 10; i++) await popup.press('Shift+ArrowDown');
      await seeText(popup, { testId: 'selection-count' }, '12 selected');
      await popup.press('Delete');
      await seeTextContaining(popup, { css: '.jobs-tray' }, /Moving 12 from Assets to the Trash/);
      await seeTextContaining(popup, { css: '.jobs-tray' }, /Done/, { timeout: 60_000 });
      await seeText(popup, { testId: 'entry-count' }, /of 168$/);
      const deletes = await writes(t, 'PUT', /^\/api\/2\.0\/files\/fileops\/delete$/);
      expect(deletes).toHaveLength(12);
    },
  },
  {
    title: 'favourite and unfavourite a file, pin a room to the top',
    async run(t) {
      const popup = await signedInPopup(t);
      await seeVisible(popup, row(DEMO_ROOMS.contracts.title));
      await runAction(popup, DEMO_ROOMS.sales.title, 'Pin to top');
      await expect.poll(() => popup.count({ css: '.grid .row .badge[title="Pinned"]' }), { timeout: 8_000 }).toBe(2);
      await popup.click(row(DEMO_ROOMS.marketing.title));
      await seeVisible(popup, row('Brand book.docx'));
      await runAction(popup, 'Brand book.docx', 'Add to Favorites');
      await popup.click(tab('Favorites'));
      await seeVisible(popup, row('Brand book.docx'));
      await runAction(popup, 'Brand book.docx', 'Remove from Favorites');
      await seeCount(popup, row('Brand book.docx'), 0);
    },
  },
  {
    title: 'details show location, size, lock and versions; restoring an old version makes it the newest',
    async run(t) {
      const popup = await signedInPopup(t);
      for (const folder of ['Marketing', 'Campaigns', '2026', 'Q1']) await popup.click(row(folder));
      await runAction(popup, 'Q1 launch plan.docx', 'Details');
      await seeVisible(popup, dialog);
      await seeTextContaining(popup, dialog, /Marketing/);
      await seeTextContaining(popup, dialog, /47\.1 KB/);
      await seeTextContaining(popup, dialog, /Not locked/);
      await seeCount(popup, { css: '.versions li' }, 3);
      await popup.click({ role: 'button', name: 'Restore version 1' });
      await seeCount(popup, { css: '.versions li' }, 4);
      await seeTextContaining(popup, { css: '.versions li' }, /Version 4/);
      await popup.press('Escape');
      await seeCount(popup, dialog, 0);
    },
  },
  {
    title: 'share link: an existing room link says what it grants; access and expiry can be changed',
    async run(t) {
      const popup = await signedInPopup(t);
      await seeVisible(popup, row(DEMO_ROOMS.pressKit.title));
      await runAction(popup, DEMO_ROOMS.pressKit.title, 'Share link…');
      await seeTextContaining(popup, dialog, /Anyone with the link gets: Read only\./);
      await popup.select({ label: 'Access with the link' }, 'Editing');
      await popup.select({ label: 'Expiry' }, 'Expires in 7 days');
      await popup.click({ role: 'button', name: 'Save link settings' });
      await seeTextContaining(popup, dialog, /Anyone with the link gets: Editing\. Expires on/);
      await popup.press('Escape');

      // A file without a link gets its primary link made on first use.
      await popup.click(row(DEMO_ROOMS.marketing.title));
      await runAction(popup, 'Brand book.docx', 'Share link…');
      await seeTextContaining(popup, dialog, /Anyone with the link gets/);
      const link = await popup.value({ testId: 'share-url' });
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    },
  },
  {
    title: 'share with people: the access each person may get in this room, added, then listed with access',
    async run(t) {
      const popup = await signedInPopup(t);
      await seeVisible(popup, row(DEMO_ROOMS.design.title));
      await runAction(popup, DEMO_ROOMS.design.title, 'Share with people…');
      await seeTextContaining(popup, { testId: 'members' }, /Demo User · owner/);
      await popup.fill({ label: 'Add people' }, 'robert');
      await seeVisible(popup, { label: 'Access for Robert Stone' });
      // A room admin may manage the room; a user may not.
      expect(await popup.count({ css: '[data-testid=people] option', text: 'Room manager' })).toBe(1);
      await popup.fill({ label: 'Add people' }, 'irene');
      await seeVisible(popup, { label: 'Access for Irene Collins' });
      expect(await popup.count({ css: '[data-testid=people] option', text: 'Room manager' })).toBe(0);
      await popup.select({ label: 'Access for Irene Collins' }, 'Review');
      await popup.click({ role: 'button', name: 'Add Irene Collins' });
      await seeTextContaining(popup, { testId: 'members' }, /Irene Collins\s*Review/);
      await seeTextContaining(popup, { testId: 'people' }, /Has access/);
      const shares = await writes(t, 'PUT', new RegExp(`/files/rooms/${DEMO_ROOMS.design.id}/share$`));
      expect(shares).toHaveLength(1);
    },
  },
  {
    title: 'creates a folder, a document and a room, each shown where it was made',
    async run(t) {
      const popup = await signedInPopup(t);
      await popup.click(row(DEMO_ROOMS.design.title));
      await popup.click(row('Unsorted'));
      await seeVisible(popup, { testId: 'empty-state' });
      await popup.click({ role: 'button', name: 'New' });
      await popup.click(item('New folder'));
      await popup.fill({ label: 'Name' }, 'Specs');
      await popup.click({ role: 'button', name: 'Create' });
      await seeVisible(popup, row('Specs'));
      await popup.click({ role: 'button', name: 'New' });
      await popup.click(item('New document'));
      await popup.fill({ label: 'Name' }, 'Meeting notes');
      await popup.click({ role: 'button', name: 'Create' });
      await seeVisible(popup, row('Meeting notes.docx'));
      for (const [kind, name] of [
        ['spreadsheet', 'Budget.xlsx'],
        ['presentation', 'Pitch.pptx'],
        ['PDF form', 'Intake.pdf'],
      ] as const) {
        await popup.click({ role: 'button', name: 'New' });
        await popup.click(item(`New ${kind}`));
        await popup.fill({ label: 'Name' }, name.replace(/\.\w+$/, ''));
        await popup.click({ role: 'button', name: 'Create' });
        await seeVisible(popup, row(name));
      }

      await popup.click({ role: 'button', name: 'Rooms' });
      await seeVisible(popup, row(DEMO_ROOMS.contracts.title));
      await popup.click({ role: 'button', name: 'New' });
      await popup.click(item('New room'));
      await popup.fill({ label: 'Room name' }, 'Launch 2027');
      await popup.select({ label: 'Room type' }, 'Public room');
      await popup.fill({ label: 'Tags' }, 'launch, 2027');
      await popup.clickInPage({ css: 'input[name=color][value="c02525"]' });
      await popup.click({ role: 'button', name: 'Create' });
      await seeVisible(popup, row('Launch 2027'));
      await seeTextContaining(popup, { css: '.grid .row', text: /Launch 2027/ }, /Public room · #launch #2027/);
      // The colour chosen is the room's on the portal, and its tile shows it.
      const id = await popup.attribute({ css: '.grid .row', text: /Launch 2027/ }, 'data-id');
      const answer = await fetch(`${t.sandbox.url}/api/2.0/files/rooms/${id}`, {
        headers: { Authorization: `Bearer ${t.sandbox.demo.apiKey}` },
      });
      const room = (await answer.json()) as { response: { logo?: { color?: string } } };
      expect(room.response.logo?.color?.toLowerCase()).toBe('c02525');
      expect(await popup.attribute({ css: `.grid .row[data-id="${id}"] .entry-icon rect` }, 'fill')).toBe('#c02525');
    },
  },
];

import { expect } from '@playwright/test';
import { DEMO_ROOMS } from '../../sandbox/seed-demo.ts';
import type { CaseContext, SharedCase } from '../case.ts';
import type { ExtensionPage } from '../driver.ts';
import { addFault } from '../sandbox-api.ts';
import { seeCount, seeHidden, seeText, seeTextContaining, seeVisible } from '../see.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';
import { row } from '../rows.ts';

const tab = (name: string) => ({ role: 'tab', name }) as const;
const dialog = { role: 'dialog' } as const;
const crumbs = { role: 'navigation', name: 'Location' } as const;
const selected = { testId: 'selection-count' };
const select = (title: string) => ({ label: `Select ${title}` });

async function openQ1(popup: ExtensionPage): Promise<void> {
  for (const folder of ['Marketing', 'Campaigns', '2026', 'Q1']) await popup.click(row(folder));
  await seeVisible(popup, row('Q1 budget.xlsx'));
}

/** In the destination picker: Rooms › Marketing › Campaigns. */
async function pickCampaigns(popup: ExtensionPage): Promise<void> {
  await popup.click({ css: '[data-testid=picker] .picker-item', text: 'Marketing' });
  await popup.click({ css: '[data-testid=picker] .picker-item', text: 'Campaigns' });
}

/** axe finds nothing serious or critical on what the page shows, in the light and the dark theme (Chromium only). */
async function noAxeViolations(page: ExtensionPage, view: string): Promise<void> {
  if (!page.accessibilityViolations || !page.colorScheme) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.colorScheme(scheme);
    expect(await page.accessibilityViolations(), `${view} (${scheme})`).toEqual([]);
  }
}

async function signedIn(t: CaseContext): Promise<ExtensionPage> {
  await signInWithApiKey(t);
  return t.driver.openPopup();
}

export const popupKeyboardCases: SharedCase[] = [
  {
    title: 'keyboard only: / searches, arrows move, Enter opens, Backspace goes up, Ctrl+A selects all, Escape clears',
    async run(t) {
      const popup = await signedIn(t);
      await seeVisible(popup, row(DEMO_ROOMS.marketing.title));
      // The tabs are one Tab stop; the list is one Tab stop.
      expect(await popup.count({ css: '[role=tablist] [tabindex="0"]' })).toBe(1);
      expect(await popup.count({ css: '.grid [tabindex="0"]' })).toBe(1);

      // Opened, it is ready to type a search; ArrowDown goes from the box to the list.
      await expect.poll(async () => (await popup.focused())?.tag).toBe('input');
      // A row takes the focus in the next frame (the list scrolls it into view first): polled, not read at once.
      await popup.press('ArrowDown');
      await expect
        .poll(async () => (await popup.focused())?.text ?? '')
        .toMatch(new RegExp(DEMO_ROOMS.marketing.title));
      await popup.press('Enter');
      await seeText(popup, crumbs, /Marketing$/);
      // Focus lands on the first row of the folder it opened.
      await expect.poll(async () => (await popup.focused())?.text ?? '').toMatch(/^Campaigns/);
      await popup.press('ArrowDown');
      await expect.poll(async () => (await popup.focused())?.text ?? '').toMatch(/^Assets/);
      await popup.press('End');
      await popup.press('Home');
      // End and Home scroll the virtual list; the row gets focus once it is rendered.
      await expect.poll(async () => (await popup.focused())?.text ?? '').toMatch(/^Campaigns/);

      await popup.press('Control+a');
      await seeText(popup, selected, /^8 selected$/);
      await popup.press('Escape');
      await seeCount(popup, selected, 0);
      await popup.press('Shift+ArrowDown');
      await seeText(popup, selected, /^2 selected$/);
      await popup.press('Escape');

      await popup.press('Backspace');
      await seeVisible(popup, row(DEMO_ROOMS.contracts.title));
      await expect.poll(async () => (await popup.focused())?.text ?? '').toMatch(/Marketing/);

      // Tabs: arrows move between sections and open them.
      await popup.click(tab('Rooms'));
      await popup.press('ArrowRight');
      await seeVisible(popup, row('Budget 2026.xlsx'));
      expect((await popup.focused())?.text).toBe('Documents');
    },
  },
  {
    title: 'select two files, move them with a name conflict (keep both): a job with progress, then the result',
    timeoutMs: 90_000,
    async run(t) {
      const popup = await signedIn(t);
      await openQ1(popup);
      // A same-named file in the destination first.
      await popup.click({ role: 'button', name: 'Actions for Q1 budget.xlsx' });
      await popup.click({ role: 'menuitem', name: 'Copy to…' });
      await seeVisible(popup, dialog);
      await pickCampaigns(popup);
      await popup.click({ role: 'button', name: 'Copy to Campaigns' });
      await seeCount(popup, dialog, 0);
      await seeTextContaining(popup, { css: '.jobs-tray' }, /Copying 1 to Campaigns/);
      await seeTextContaining(popup, { css: '.jobs-tray' }, /Done/, { timeout: 30_000 });

      await popup.click(select('Q1 budget.xlsx'));
      await popup.click(select('Q1 kickoff.pptx'));
      await seeText(popup, selected, /^2 selected$/);
      await popup.click({ css: '.selection-bar button', text: 'Move to…' });
      await seeText(popup, { css: '.dialog-title' }, 'Move 2 items');
      // The last destination is offered first; the filter finds a room, and going into it shows all it holds.
      await seeTextContaining(popup, { css: 'section[aria-labelledby=recent-heading]' }, 'Campaigns');
      await popup.fill({ label: 'Find a folder here' }, 'Mark');
      await seeCount(popup, { css: '[data-testid=picker] .picker-item', text: DEMO_ROOMS.contracts.title }, 0);
      await pickCampaigns(popup);
      await popup.click({ role: 'button', name: 'Move to Campaigns' });
      await seeTextContaining(popup, dialog, /1 item with the same name is already in Campaigns\./);
      await popup.click({ role: 'button', name: 'Keep both' });
      await seeCount(popup, dialog, 0);
      await seeTextContaining(popup, { css: '.jobs-tray' }, /Moving 2 to Campaigns/);
      await seeTextContaining(popup, { css: '.jobs-tray' }, /Done/, { timeout: 30_000 });
      await seeCount(popup, row('Q1 kickoff.pptx'), 0);
      await seeCount(popup, row('Q1 budget.xlsx'), 0);

      await popup.click({ role: 'button', name: 'More levels' });
      await popup.click({ role: 'menuitem', name: 'Campaigns' });
      await seeVisible(popup, row('Q1 budget.xlsx'));
      await seeVisible(popup, row('Q1 budget (1).xlsx'));
      await seeVisible(popup, row('Q1 kickoff.pptx'));
    },
  },
  {
    title: 'the side panel is the same app and keeps its place',
    async run(t) {
      await signInWithApiKey(t);
      const panel = await t.driver.openSidePanel();
      await panel.click(row(DEMO_ROOMS.design.title));
      await seeVisible(panel, row('Unsorted'));
      // The popup elsewhere goes its own way; the panel stays where it was.
      const popup = await t.driver.openPopup();
      await seeVisible(popup, row('Unsorted'));
      await popup.click(tab('Trash'));
      await seeVisible(popup, row('Old draft.docx'));
      await seeVisible(panel, row('Unsorted'));
      await seeText(panel, crumbs, /Design$/);
    },
  },
  {
    title:
      'no serious or critical accessibility violation in menus, dialogs, the job tray, the pause and error views (axe)',
    timeoutMs: 150_000,
    async run(t) {
      const popup = await signedIn(t);
      if (!popup.accessibilityViolations || !popup.colorScheme) return;
      const check = (view: string) => noAxeViolations(popup, view);
      const menuItem = (name: string) => ({ role: 'menuitem', name }) as const;
      const actionOn = async (title: string, action: string) => {
        await popup.click({ role: 'button', name: `Actions for ${title}` });
        // An item's name ends with its key when it has one ("Rename…F2").
        await popup.click({ css: '[role=menuitem]', text: new RegExp(`^${action}`) });
        await seeVisible(popup, dialog);
      };
      await seeVisible(popup, row(DEMO_ROOMS.marketing.title));
      for (const menu of ['Filter rooms', 'Sort', 'New']) {
        await popup.click({ css: `.toolbar-actions button[aria-label^="${menu}"]` });
        await check(`${menu} menu`);
        await popup.press('Escape');
      }
      await popup.click({ role: 'button', name: 'New' });
      await popup.click(menuItem('New room'));
      await check('new room dialog');
      await popup.press('Escape');
      await actionOn(DEMO_ROOMS.pressKit.title, 'Share link…');
      await seeTextContaining(popup, dialog, /Anyone with the link gets/);
      await check('share link dialog');
      await popup.press('Escape');
      await actionOn(DEMO_ROOMS.design.title, 'Share with people…');
      await popup.fill({ label: 'Add people' }, 'robert');
      await seeVisible(popup, { label: 'Access for Robert Stone' });
      await check('share with people dialog');
      // The first Escape clears the search box, the second closes the dialog.
      await popup.press('Escape');
      await popup.press('Escape');
      await seeCount(popup, dialog, 0);

      await openQ1(popup);
      await actionOn('Q1 budget.xlsx', 'Rename…');
      await check('rename dialog');
      await popup.press('Escape');
      await popup.click({ role: 'button', name: 'New' });
      await popup.click(menuItem('New folder'));
      await check('new folder dialog');
      await popup.press('Escape');
      await actionOn('Q1 budget.xlsx', 'Copy to…');
      await pickCampaigns(popup);
      await check('destination picker');
      await popup.click({ role: 'button', name: 'Copy to Campaigns' });
      await seeTextContaining(popup, { css: '.jobs-tray' }, /Done/, { timeout: 30_000 });
      await check('job tray');
      await actionOn('Q1 budget.xlsx', 'Copy to…');
      await pickCampaigns(popup);
      await popup.click({ role: 'button', name: 'Copy to Campaigns' });
      await seeTextContaining(popup, dialog, /already in Campaigns/);
      await check('conflict choice');
      await popup.press('Escape');

      await addFault(t.sandbox.url, { type: 'storm503', retryAfter: 3600, count: 1, path: '/api/2.0/files/**' });
      await popup.click(tab('Documents'));
      await seeVisible(popup, { testId: 'pause-banner' });
      await check('pause banner');
      await popup.click({ role: 'button', name: 'Resume now' });
      await seeHidden(popup, { testId: 'pause-banner' });
      await addFault(t.sandbox.url, { type: 'malformedJson', count: 10, path: '/api/2.0/files/@favorites' });
      await popup.click(tab('Favorites'));
      await seeVisible(popup, { role: 'alert' }, { timeout: 20_000 });
      await check('error view');
    },
  },
  {
    title: 'no serious or critical accessibility violation in any view, light and dark (axe)',
    timeoutMs: 120_000,
    async run(t) {
      const popup = await signedIn(t);
      if (!popup.accessibilityViolations || !popup.colorScheme) return;
      const check = (view: string) => noAxeViolations(popup, view);
      await seeVisible(popup, row(DEMO_ROOMS.marketing.title));
      await check('rooms');
      await openQ1(popup);
      await check('folder with files');
      await popup.click({ role: 'button', name: 'Actions for Q1 launch plan.docx' });
      await check('row menu');
      await popup.press('Escape');
      await popup.click({ role: 'button', name: 'Actions for Q1 launch plan.docx' });
      await popup.click({ role: 'menuitem', name: 'Details' });
      await seeVisible(popup, { css: '.versions li' });
      await check('details dialog');
      await popup.press('Escape');
      await popup.click(select('Q1 budget.xlsx'));
      await check('selection');
      await popup.press('Escape');
      await popup.click(tab('Shared'));
      await seeVisible(popup, { testId: 'empty-state' });
      await check('empty section');
      await popup.click(tab('Trash'));
      await seeVisible(popup, row('Old draft.docx'));
      await check('trash');
      await popup.fill({ role: 'searchbox' }, 'zzzz-nothing');
      await seeVisible(popup, { testId: 'empty-state' });
      await check('no matches');
      const panel = await t.driver.openSidePanel();
      await seeVisible(panel, { css: '.grid .row' });
      await noAxeViolations(panel, 'side panel');
    },
  },
];

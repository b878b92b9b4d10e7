import { expect } from '@playwright/test';
import { DEMO_HOSTILE_TITLE, DEMO_ROOMS } from '../../sandbox/seed-demo.ts';
import type { SharedCase } from '../case.ts';
import type { ExtensionPage } from '../driver.ts';
import { sandboxLog } from '../sandbox-api.ts';
import { seeCount, seeText, seeTextContaining, seeVisible } from '../see.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';
import { row, rowTitle } from '../rows.ts';

const tab = (name: string) => ({ role: 'tab', name }) as const;
const titles = { css: rowTitle };

/** The names of the rows the list shows now, top to bottom. */
async function shownTitles(popup: ExtensionPage): Promise<string[]> {
  const count = await popup.count(titles);
  const names: string[] = [];
  for (let i = 1; i <= count; i++) {
    const name = await popup.text({ css: `.grid .row[aria-rowindex="${i}"] .row-title > .server-text` });
    if (name !== null) names.push(name);
  }
  return names;
}

export const popupFindCases: SharedCase[] = [
  {
    title: 'every section of the account: Documents, Shared (empty), Recent, Favorites, Trash, Rooms',
    async run(t) {
      await signInWithApiKey(t);
      const popup = await t.driver.openPopup();
      await seeVisible(popup, row(DEMO_ROOMS.marketing.title));
      // Pinned rooms come first.
      expect((await shownTitles(popup))[0]).toBe(DEMO_ROOMS.marketing.title);

      await popup.click(tab('Documents'));
      await seeVisible(popup, row('Budget 2026.xlsx'));
      await seeVisible(popup, row('Personal notes'));

      await popup.click(tab('Shared'));
      await seeText(popup, { css: '.empty-state' }, /Nothing is shared with you yet/);

      await popup.click(tab('Recent'));
      await seeVisible(popup, row('Q1 launch plan.docx'));
      // Recent is ordered by last opened, as DocSpace shows it.
      expect((await shownTitles(popup)).slice(0, 2)).toEqual(['Q1 launch plan.docx', 'Budget 2026.xlsx']);

      await popup.click(tab('Favorites'));
      await seeVisible(popup, row('Brand guidelines.pdf'));
      await seeVisible(popup, row('Campaigns'));

      await popup.click(tab('Trash'));
      await seeVisible(popup, row('Old draft.docx'));
      await seeVisible(popup, row('Obsolete'));
      // Nothing can be made in the Trash.
      await seeCount(popup, { role: 'button', name: 'New' }, 0);

      await popup.click(tab('Rooms'));
      await seeVisible(popup, row(DEMO_ROOMS.contracts.title));
    },
  },
  {
    title: 'archived rooms and a room type through the filter; sort by size, remembered per section',
    async run(t) {
      await signInWithApiKey(t);
      let popup = await t.driver.openPopup();
      await seeVisible(popup, row(DEMO_ROOMS.marketing.title));
      await popup.click({ role: 'button', name: 'Filter rooms' });
      await popup.click({ role: 'menuitemradio', name: 'Archived rooms' });
      await seeVisible(popup, row(DEMO_ROOMS.oldProjects.title));
      await seeCount(popup, row(DEMO_ROOMS.marketing.title), 0);
      await popup.click({ role: 'button', name: 'Filter rooms' });
      await popup.click({ role: 'menuitemradio', name: 'Active rooms' });
      await popup.click({ role: 'button', name: 'Filter rooms' });
      await popup.click({ role: 'menuitemradio', name: 'Public room' });
      await seeVisible(popup, row(DEMO_ROOMS.pressKit.title));
      await seeCount(popup, titles, 1);
      await popup.click({ role: 'button', name: 'Filter rooms' });
      await popup.click({ role: 'menuitemradio', name: 'All room types' });
      await seeVisible(popup, row(DEMO_ROOMS.contracts.title));
      // A tag: only the rooms that carry it, asked of the portal; the same tag again shows all.
      await popup.click({ role: 'button', name: 'Filter rooms' });
      await popup.click({ css: '[role=menuitemradio][data-action="tag-legal"]' });
      await seeCount(popup, titles, 1);
      await seeVisible(popup, row(DEMO_ROOMS.contracts.title));
      expect(
        (await sandboxLog(t.sandbox.url)).some(
          (e) => e.path === '/api/2.0/files/rooms' && e.query.tags === '["legal"]',
        ),
      ).toBe(true);
      await popup.click({ role: 'button', name: 'Filter rooms' });
      await popup.click({ css: '[role=menuitemradio][data-action="tag-legal"]' });
      await seeVisible(popup, row(DEMO_ROOMS.marketing.title));

      await popup.click(tab('Documents'));
      await seeVisible(popup, row('Budget 2026.xlsx'));
      await popup.click({ role: 'button', name: 'Sort: Modified' });
      await popup.click({ role: 'menuitemradio', name: 'Size' });
      await seeVisible(popup, { role: 'button', name: 'Sort: Size' });
      // Folders first, then files from the smallest.
      await expect
        .poll(async () => (await shownTitles(popup)).slice(0, 3))
        .toEqual(['Personal notes', 'notes.xyz', DEMO_HOSTILE_TITLE]);
      await popup.click({ role: 'button', name: 'Sort: Size' });
      await popup.click({ role: 'menuitem', name: 'Descending' });
      await expect.poll(async () => (await shownTitles(popup))[1]).toBe('Meeting recording.mp4');
      await popup.close();

      // Opened again: the section, its sort and the place come back; the other sections keep their own sort.
      popup = await t.driver.openPopup();
      await seeVisible(popup, { role: 'button', name: 'Sort: Size' });
      await expect.poll(async () => (await shownTitles(popup))[1]).toBe('Meeting recording.mp4');
      await popup.click(tab('Rooms'));
      await seeVisible(popup, { role: 'button', name: 'Sort: Modified' });
    },
  },
  {
    title: 'typing filters the view at once, then the portal is searched and each match says where it lives',
    async run(t) {
      await signInWithApiKey(t);
      const popup = await t.driver.openPopup();
      await popup.click(row(DEMO_ROOMS.marketing.title));
      await seeVisible(popup, row('Brand book.docx'));
      const box = { role: 'searchbox' } as const;
      await popup.press('/');
      expect((await popup.focused())?.tag).toBe('input');
      await popup.fill(box, 'brand');
      // At once, from what the list holds: the two "Brand" files of this folder.
      await seeVisible(popup, row('Brand guidelines.pdf'));
      await seeCount(popup, row('Podcast episode 12.mp3'), 0);
      // Then the portal: files deeper in the room, with their place.
      await popup.fill(box, 'Q1 budget');
      await seeVisible(popup, row('Q1 budget.xlsx'));
      await seeTextContaining(popup, { css: '.grid .row .row-place' }, /Marketing › Q1/);
      await seeTextContaining(popup, { testId: 'search-status' }, /1 match on the portal/);
      const searches = (await sandboxLog(t.sandbox.url)).filter(
        (e) => e.path.startsWith('/api/2.0/files/') && e.search?.includes('withSubFolders=true'),
      );
      expect(searches.length).toBeGreaterThan(0);
      // Results coming in while typing leave the focus in the box.
      expect((await popup.focused())?.tag).toBe('input');
      await popup.press('Escape');
      await seeVisible(popup, row('Podcast episode 12.mp3'));
    },
  },
];

import { expect } from '@playwright/test';
import { DEMO_HOSTILE_TITLE, DEMO_ROOMS } from '../../sandbox/seed-demo.ts';
import type { SharedCase } from '../case.ts';
import { addFault, resetSandbox, sandboxLog } from '../sandbox-api.ts';
import { seeCount, seeText, seeTextContaining, seeVisible } from '../see.ts';
import { signInWithApiKey, signInWithPassword } from '../sign-in-steps.ts';

const ANONYMOUS = new Set(['GET /api/2.0/settings', 'POST /api/2.0/authentication']);
const activeRooms = Object.values(DEMO_ROOMS).filter((room) => room.id !== DEMO_ROOMS.oldProjects.id);
import { row } from '../rows.ts';
import { waitFor } from '../wait.ts';

const open = row;
const crumbs = { role: 'navigation', name: 'Location' } as const;
const entry = { css: '.grid .row' };
const fileEntry = { css: '.grid .row[data-kind=file]' };
const tab = (name: string) => ({ role: 'tab', name }) as const;

export const browseCases: SharedCase[] = [
  {
    title: 'before sign-in the popup says so and links to the options page',
    async run({ driver }) {
      const popup = await driver.openPopup();
      await seeVisible(popup, { testId: 'signed-out' });
      const url = await driver.urlOfTabOpenedBy(() => popup.click({ role: 'button', name: 'Open options' }));
      expect(url).toContain('/extension/options/index.html');
    },
  },
  {
    title: 'walks rooms → folders → files with breadcrumbs, and only the background talks to the portal',
    async run(t) {
      await signInWithApiKey(t);
      const popup = await t.driver.openPopup();
      for (const room of activeRooms)
        await seeVisible(popup, { css: '.grid .row-title > .server-text', text: room.title });
      await seeCount(popup, { css: '.grid .row-title > .server-text', text: DEMO_ROOMS.oldProjects.title }, 0);
      await seeTextContaining(popup, entry, /room/i);

      for (const folder of ['Marketing', 'Campaigns', '2026', 'Q1']) await popup.click(open(folder));
      // Deep paths keep the first and the last levels on one line; the middle folds into a menu.
      await seeText(popup, crumbs, /^Rooms…2026Q1$/);
      await seeVisible(popup, fileEntry);
      await seeTextContaining(popup, { css: '.grid .row[data-kind=file] .row-meta' }, /\d+(\.\d)? (B|KB|MB)/);

      await popup.click({ role: 'button', name: 'More levels' });
      await popup.click({ role: 'menuitem', name: 'Marketing' });
      await seeText(popup, crumbs, /Rooms.*Marketing$/);
      await popup.click({ role: 'button', name: 'Rooms' });
      await seeVisible(popup, { css: '.grid .row-title > .server-text', text: 'Contracts' });

      const fromExtension = (await sandboxLog(t.sandbox.url)).filter((e) => !ANONYMOUS.has(`${e.method} ${e.path}`));
      expect(fromExtension.length).toBeGreaterThan(5);
      expect(fromExtension.filter((e) => !e.authPresent)).toEqual([]);
      expect(fromExtension.every((e) => e.status < 400)).toBe(true);
      expect(t.driver.pageRequests.filter((url) => url.startsWith(t.sandbox.url))).toEqual([]);
      // Listings ask only for the fields the rows show (`fields=`), and the rows above still had all they need.
      const listings = fromExtension.filter(
        (e) => e.method === 'GET' && /^\/api\/2\.0\/files\/(rooms|@my|@favorites|@trash|recent|\d+)$/.test(e.path),
      );
      expect(listings.length).toBeGreaterThan(3);
      for (const listing of listings)
        expect(String(listing.query.fields).split(',')).toEqual(
          expect.arrayContaining(['files.title', 'files.pureContentLength', 'folders.title', 'current', 'total']),
        );
    },
  },
  {
    // Without this the check above could pass because the recorder records nothing.
    title: 'the page-request recorder sees a request an extension page sends to the portal',
    async run({ driver, sandbox }) {
      const options = await driver.openOptions();
      await options.fetchFromPage(`${sandbox.url}/api/2.0/settings`);
      // The browser reports requests asynchronously: poll until it has.
      await expect
        .poll(() => driver.pageRequests.filter((url) => url.startsWith(sandbox.url)))
        .toEqual([`${sandbox.url}/api/2.0/settings`]);
    },
  },
  {
    title: 'pages through a 180-file folder: Load more, then scrolling to the end',
    async run(t) {
      await signInWithApiKey(t);
      const popup = await t.driver.openPopup();
      await popup.click(open('Marketing'));
      await popup.click(open('Assets'));
      const count = { testId: 'entry-count' };
      await seeText(popup, count, '50 of 180');
      // A click without scrolling: scrolling near the end loads the next page by itself (checked below).
      await popup.clickInPage({ role: 'button', name: 'Load more' });
      // Later pages are twice as big: someone who asked for more usually wants to get to the end.
      await seeText(popup, count, '150 of 180');
      await popup.scrollToEnd('.list-scroller');
      await seeText(popup, count, '180 of 180');
      await seeCount(popup, { role: 'button', name: 'Load more' }, 0);
      // The list is virtual: only the rows near the view are in the page, whatever the folder holds.
      expect(await popup.count(entry)).toBeLessThan(60);
      await seeVisible(popup, { css: '.grid .row-title > .server-text', text: /\.png$/ });
      const pages = (await sandboxLog(t.sandbox.url))
        .filter((e) => e.path === '/api/2.0/files/204')
        .map((e) => [e.query.startIndex, e.query.count]);
      expect(pages).toEqual([
        ['0', '50'],
        ['50', '100'],
        ['150', '100'],
      ]);
    },
  },
  {
    title: 'sections, an empty folder and a hostile file name shown as text',
    async run(t) {
      await signInWithApiKey(t);
      const popup = await t.driver.openPopup();
      await popup.click(tab('Documents'));
      await seeText(popup, { css: '.row-title > .server-text', text: DEMO_HOSTILE_TITLE }, DEMO_HOSTILE_TITLE);
      await seeCount(popup, { css: '.grid img:not(.entry-thumb)' }, 0);
      for (const section of ['Trash', 'Favorites', 'Recent']) {
        await popup.click(tab(section));
        await seeVisible(popup, entry);
      }
      await popup.click(tab('Rooms'));
      await popup.click(open('Design'));
      await popup.click(open('Unsorted'));
      await seeText(popup, { testId: 'empty-state' }, /This folder is empty/);
    },
  },
  {
    title:
      'a portal slower than usual says so and offers to stop waiting; with nothing to go back to it offers a retry',
    async run(t) {
      const options = await signInWithApiKey(t);
      await seeVisible(options, { testId: 'signin-success' });
      // The first opening, nothing shown before: the rooms listing hangs once.
      await addFault(t.sandbox.url, { type: 'latency', ms: 5_000, count: 1, path: '/api/2.0/files/rooms' });
      let popup = await t.driver.openPopup();
      await seeText(popup, { css: '.loading' }, /This is taking longer than usual/);
      await popup.click({ role: 'button', name: 'Stop waiting' });
      await seeTextContaining(popup, { role: 'alert' }, 'Stopped waiting for the portal');
      await popup.click({ role: 'button', name: 'Try again' });
      await seeVisible(popup, open(DEMO_ROOMS.marketing.title));

      // With a view on screen, stopping goes back to it.
      await addFault(t.sandbox.url, { type: 'latency', ms: 5_000, count: 1, path: '/api/2.0/files/@my' });
      await popup.click(tab('Documents'));
      await seeText(popup, { css: '.loading' }, /This is taking longer than usual/);
      await popup.click({ role: 'button', name: 'Stop waiting' });
      await seeVisible(popup, open(DEMO_ROOMS.marketing.title));
      await seeCount(popup, { css: '.loading' }, 0);
      popup = await t.driver.openPopup();
      await seeVisible(popup, open(DEMO_ROOMS.marketing.title));
    },
  },
  {
    title: 'clicking a file opens its webUrl in a new tab',
    async run(t) {
      await signInWithApiKey(t);
      const popup = await t.driver.openPopup();
      await popup.click(tab('Documents'));
      const enabledFile = { css: '.grid .row[data-kind=file] a.row-link[href^="http"]' };
      await seeVisible(popup, enabledFile);
      const url = await t.driver.urlOfTabOpenedBy(() => popup.click(enabledFile));
      expect(url.startsWith(t.sandbox.url)).toBe(true);
      expect(url).toMatch(/doceditor\?fileid=\d+|media\/view\/\d+|filehandler\.ashx/);
    },
  },
  {
    title: 'a revoked sign-in turns into "sign in again" without losing the portal',
    async run(t) {
      const options = await signInWithPassword(t);
      await seeVisible(options, { testId: 'signin-success' });
      // A reset drops every session token the sandbox issued, as a password change or a revoked session would.
      await resetSandbox(t.sandbox.url);
      const popup = await t.driver.openPopup();
      await seeTextContaining(popup, { testId: 'portal-needs-attention' }, 'Sign in again');
      await seeText(options, { testId: 'portal-status' }, 'Sign-in expired or revoked');
      // The card's "Sign in again" is a button: it fills the form for this account and puts the focus there.
      await options.fill({ label: 'Portal address' }, '');
      await options.click({ role: 'button', name: 'Sign in again' });
      await waitFor('the form filled for this account', 5_000, async () =>
        (await options.value({ label: 'Portal address' })) === t.sandbox.url ? true : undefined,
      );
      expect(await options.value({ label: 'E-mail' })).toBe(t.sandbox.demo.email);
      await options.fill({ label: 'Password' }, t.sandbox.demo.password);
      await options.click({ role: 'button', name: 'Connect' });
      await seeText(options, { testId: 'portal-status' }, 'Connected');
    },
  },
];

// "Open in DocSpace" and "Copy share link" on a signed-in portal's pages, in both browsers. Native menus cannot be
// clicked by automation, so the menus' one click handler is called inside the background (driver.callBackground
// → dptSaveFromMenu) with the click data the browser would give on the sandbox's editor page (/doceditor?fileid=N,
// where the real portal serves the editor).
import { expect } from '@playwright/test';
import { fileMenuId, type FileAction, type FileFrom, type MenuClick } from '../../../src/capture/save-request.ts';
import type { CaseContext, SharedCase } from '../case.ts';
import { seeVisible } from '../see.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';
import { waitFor } from '../wait.ts';

/** Marketing / Campaigns / 2026 / Q1 / Q1 launch plan.docx, version 3. */
const PLAN = { id: 301, title: 'Q1 launch plan.docx', folderId: 203, version: 3 };
/** Marketing / Brand guidelines.pdf, version 1: opens in the editor. */
const BRAND = { id: 306, title: 'Brand guidelines.pdf' };

interface BrowserTab {
  id: number;
  url: string;
  index: number;
  windowId: number;
  openerTabId?: number;
}

/** Records the notifications the background creates (a headless browser closes them at once). */
const spyOnNotifications = (t: CaseContext) =>
  t.driver.inBackground(`(scope) => {
    const notifications = (scope.browser ?? scope.chrome).notifications;
    const create = notifications.create.bind(notifications);
    scope.createdNotices = [];
    notifications.create = (...args) => {
      scope.createdNotices.push(JSON.parse(JSON.stringify(args.filter((a) => typeof a !== 'function'))));
      return create(...args);
    };
    return true;
  }`);

const noticeOf = (t: CaseContext, id: string) =>
  waitFor(`the notification ${id}`, 10_000, async () => {
    const created = await t.driver.inBackground<unknown[][]>(`(scope) => scope.createdNotices`);
    return created.filter((args) => args[0] === id).at(-1)?.[1] as Record<string, unknown> | undefined;
  });

/** The browser's tab at this address, once it is there (the sandbox's pages answer at once). */
const tabAt = (t: CaseContext, url: string) =>
  waitFor(`a tab at ${url}`, 10_000, async () => (await browserTabs(t)).find((tab) => tab.url === url));

const browserTabs = (t: CaseContext) =>
  t.driver.inBackground<BrowserTab[]>(
    `async (scope) => (await scope.chrome.tabs.query({})).map((tab) => ({ id: tab.id, url: tab.pendingUrl || tab.url || '', index: tab.index, windowId: tab.windowId, openerTabId: tab.openerTabId }))`,
  );

async function fileLinks(t: CaseContext, fileId: number) {
  const response = await fetch(`${t.sandbox.url}/api/2.0/files/file/${fileId}/links`, {
    headers: { Authorization: `Bearer ${t.sandbox.demo.apiKey}` },
  });
  type Link = { access: number; sharedLink: { shareLink: string; primary: boolean } };
  return ((await response.json()) as { response: Link[] }).response;
}

/** Signed in, the editor page of the plan open in a tab; `click` is a click on one of the file entries there. */
async function onEditorPage(t: CaseContext) {
  const options = await signInWithApiKey(t);
  await seeVisible(options, { testId: 'signin-success' });
  const { activePortalId } = await options.command<{ activePortalId: string }>('getState', {});
  const portal = { id: activePortalId, origin: t.sandbox.url };
  const pageUrl = `${t.sandbox.url}/doceditor?fileid=${PLAN.id}&version=${PLAN.version}`;
  const page = await t.driver.openWebPage(pageUrl);
  // The sandbox's stand-in for the editor shows the file there, as the portal does.
  expect(await page.evaluate(`document.querySelector('[data-testid="doceditor"]')?.dataset.fileId`)).toBe(
    String(PLAN.id),
  );
  const tab = await t.driver.tabOf(pageUrl);
  // The browser took the entries, patterns and all (update refuses an id it does not have).
  const hasEntry = (id: string) =>
    t.driver.inBackground<string>(
      `(scope) => new Promise((resolve) => scope.chrome.contextMenus.update(${JSON.stringify(id)}, {}, () => resolve(scope.chrome.runtime.lastError?.message ?? 'ok')))`,
    );
  for (const what of ['openInDocSpace', 'copyShareLink'] as const)
    for (const from of ['page', 'link'] as const)
      await waitFor(`the menu entry ${what}/${from}`, 10_000, async () =>
        (await hasEntry(fileMenuId(what, from, portal))) === 'ok' ? true : undefined,
      );
  expect(await hasEntry('dpt-file:no such entry')).not.toBe('ok');
  await spyOnNotifications(t);
  return {
    tab,
    pageUrl,
    // In the background's scope, as callBackground would, but without opening a page of the extension for it: a
    // tab that opened meanwhile is then surely the one the entry opened.
    click: (what: FileAction, from: FileFrom, extra: Omit<MenuClick, 'menuItemId'> = {}) => {
      const click = { menuItemId: fileMenuId(what, from, portal), pageUrl, ...extra };
      return t.driver.inBackground(
        `(scope) => scope.dptSaveFromMenu(${JSON.stringify(click)}, ${JSON.stringify(tab)})`,
      );
    },
  };
}

export const fileMenuCases: SharedCase[] = [
  {
    title:
      'on the portal’s editor page: Open in DocSpace opens the file’s folder next to it; Copy share link leaves the primary external link on the clipboard and says what it grants',
    timeoutMs: 60_000,
    async run(t) {
      const s = await onEditorPage(t);

      // Open: the page shows the file already, so the folder holding it opens, in a new tab next to this one.
      const folderUrl = `${t.sandbox.url}/rooms/shared/${PLAN.folderId}/filter?folder=${PLAN.folderId}`;
      const before = (await browserTabs(t)).length;
      await s.click('openInDocSpace', 'page');
      const folderTab = await tabAt(t, folderUrl);
      expect((await browserTabs(t)).length).toBe(before + 1);
      expect(folderTab).toMatchObject({ index: s.tab.index + 1, windowId: s.tab.windowId, openerTabId: s.tab.id });

      // Copy share link: the file had no link; now its primary external link exists and is on the clipboard.
      expect((await fileLinks(t, PLAN.id)).filter((l) => l.sharedLink.primary)).toEqual([]);
      await s.click('copyShareLink', 'page');
      const primary = (await fileLinks(t, PLAN.id)).find((l) => l.sharedLink.primary);
      expect(primary, 'the portal has the file’s primary link').toBeDefined();
      const url = new URL(primary!.sharedLink.shareLink, t.sandbox.url).toString();
      expect(await noticeOf(t, 'dpt-file/copyShareLink')).toMatchObject({
        type: 'basic',
        title: PLAN.title,
        message: 'The share link is on the clipboard. Anyone with the link gets: Read only.',
      });
      expect(await t.driver.readClipboard(t.sandbox.url)).toBe(url);
      // The link opens the file for anyone (no sign-in).
      const shared = await fetch(url);
      expect(shared.status).toBe(200);
      expect(await shared.text()).toContain(`data-entry-id="${PLAN.id}"`);
    },
  },
  {
    title:
      'for a link to a portal file: Open in DocSpace opens the file itself; a file that is gone gets a notification saying so',
    timeoutMs: 60_000,
    async run(t) {
      const s = await onEditorPage(t);
      const linkUrl = `${t.sandbox.url}/doceditor?fileId=${BRAND.id}&action=view`;
      await s.click('openInDocSpace', 'link', { linkUrl });
      // The file's own page, as the portal names it (its webUrl), not the link's address as written.
      const fileTab = await tabAt(t, `${t.sandbox.url}/doceditor?fileid=${BRAND.id}&version=1`);
      expect(fileTab).toMatchObject({ index: s.tab.index + 1, openerTabId: s.tab.id });

      await s.click('copyShareLink', 'link', { linkUrl: `${t.sandbox.url}/media/view/999999` });
      expect(await noticeOf(t, 'dpt-file/copyShareLink')).toMatchObject({
        title: 'Could not copy the share link',
        message: 'This item no longer exists or was moved. Go back and refresh the list.',
      });
    },
  },
];

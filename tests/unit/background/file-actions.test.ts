// "Open in DocSpace" and "Copy share link" on a signed-in portal's pages, through the real background over fake
// ports against the sandbox: the menu the browser is given as portals come and go, the tab Open opens, the link
// Copy puts on the clipboard, and the notification each failure gets.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Background } from '../../../extension/background/app.ts';
import type { CapturePorts } from '../../../extension/platform/ports.ts';
import type { MenuItem } from '../../../src/capture/menu-items.ts';
import { fileMenuId, menuRequestFor, type FileAction, type FileFrom } from '../../../src/capture/save-request.ts';
import { memoryBlobStore } from '../../../src/jobs/kinds/upload-blobs.ts';
import { createBackground } from '../../../extension/background/app.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { fakePlatform } from './fake-platform.ts';
import { fault, send, signInWithKey, waitFor, type Sandbox } from './harness.ts';

const PLAN = { id: 301, title: 'Q1 launch plan.docx', folderId: 203 };
/** In the Trash: the portal refuses to share it. */
const OLD_DRAFT = 360;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
});

/** The background with capture ports that record the menus it builds and the tabs it opens. */
function start(options: Parameters<typeof fakePlatform>[0] = {}) {
  const fake = fakePlatform(options);
  const menus: MenuItem[][] = [];
  const tabs: Array<{ url: string; beside?: { id: number; index?: number; windowId?: number } }> = [];
  const capture: CapturePorts = {
    menus: { replace: async (items) => void menus.push(items) },
    page: {
      hasPageCapture: () => false,
      mhtml: async () => null,
      snapshotHtml: async () => '',
      article: async () => null,
      selection: async () => null,
    },
    permissions: { hasOrigin: async () => true },
    fetchFile: async () => ({ status: 404 }),
    blobs: { ...memoryBlobStore(), put: async () => [] },
    openPicker: async () => undefined,
    openTab: async (url, beside) => void tabs.push(beside ? { url, beside } : { url }),
    t: (key, params) => (params && params.length > 0 ? `${key}(${params.join('|')})` : key),
  };
  const background = createBackground({ ...fake.platform, capture }, { settleDelayMs: async () => 50 });
  void background.start();
  return { fake, background, menus, tabs };
}

const fileEntries = (items: MenuItem[] | undefined) => (items ?? []).filter((i) => i.id.startsWith('dpt-file:'));

async function click(
  background: Background,
  portal: { id: string; origin: string },
  what: FileAction,
  from: FileFrom,
  urls: { pageUrl?: string; linkUrl?: string },
) {
  const tab = { id: 5, index: 2, windowId: 1, url: urls.pageUrl, title: 'A file' };
  const menuClick = { menuItemId: fileMenuId(what, from, portal), ...urls };
  return background.capture!.click(menuRequestFor(menuClick, tab), menuClick, Promise.resolve(true));
}

describe('the file entries on a portal’s pages', () => {
  it('are in the menu while the portal is signed in, and gone when it signs out', async () => {
    const { background, menus } = start();
    await background.ready;
    await background.capture!.rebuildMenus();
    expect(fileEntries(menus.at(-1))).toEqual([]);
    const portal = await signInWithKey(background, sandbox);
    await waitFor(
      () => fileEntries(menus.at(-1)).length,
      (n) => n === 4,
    );
    const host = new URL(sandbox.url).hostname;
    expect(fileEntries(menus.at(-1)).map((i) => [i.title, i.contexts, i.documentUrlPatterns])).toEqual([
      [
        'menuOpenInDocSpace',
        ['page'],
        [`http://${host}/doceditor*`, `http://${host}/media/view/*`, `http://${host}/*preview=*`],
      ],
      [
        'menuCopyShareLink',
        ['page'],
        [`http://${host}/doceditor*`, `http://${host}/media/view/*`, `http://${host}/*preview=*`],
      ],
      ['menuOpenInDocSpace', ['link'], [`http://${host}/*`]],
      ['menuCopyShareLink', ['link'], [`http://${host}/*`]],
    ]);
    expect(fileEntries(menus.at(-1))[0]!.id).toBe(fileMenuId('openInDocSpace', 'page', portal));
    await send(background, 'signOut', { portalId: portal.id });
    await waitFor(
      () => fileEntries(menus.at(-1)).length,
      (n) => n === 0,
    );
  });

  it('are left out for a portal without site access', async () => {
    const { background, menus } = start({ granted: () => false });
    await background.ready;
    await background.capture!.rebuildMenus();
    expect(fileEntries(menus.at(-1))).toEqual([]);
  });

  it('Open on the editor page opens the folder holding the file, next to the tab; on a link, the file', async () => {
    const { background, tabs, fake } = start();
    const portal = await signInWithKey(background, sandbox);
    const pageUrl = `${sandbox.url}/doceditor?fileid=${PLAN.id}&version=3`;
    expect(await click(background, portal, 'openInDocSpace', 'page', { pageUrl })).toBeNull();
    expect(tabs).toEqual([
      {
        url: `${sandbox.url}/rooms/shared/${PLAN.folderId}/filter?folder=${PLAN.folderId}`,
        beside: { id: 5, index: 2, windowId: 1 },
      },
    ]);
    // A link to a file on a room's page: the file's own page (the editor) opens.
    await click(background, portal, 'openInDocSpace', 'link', {
      pageUrl: `${sandbox.url}/rooms/shared/${PLAN.folderId}/filter?folder=${PLAN.folderId}`,
      linkUrl: `${sandbox.url}/doceditor?fileId=${PLAN.id}`,
    });
    expect(tabs[1]?.url).toBe(`${sandbox.url}/doceditor?fileid=${PLAN.id}&version=3`);
    // Opening says nothing: the tab is the answer.
    expect(fake.feedback.notices).toEqual([]);
  });

  it('Copy share link puts the primary external link on the clipboard and says what it grants', async () => {
    const { background, fake } = start();
    const portal = await signInWithKey(background, sandbox);
    await click(background, portal, 'copyShareLink', 'page', { pageUrl: `${sandbox.url}/media/view/${PLAN.id}` });
    expect(fake.feedback.copied).toHaveLength(1);
    const links = (await (
      await fetch(`${sandbox.url}/api/2.0/files/file/${PLAN.id}/links`, {
        headers: { Authorization: `Bearer ${sandbox.demo.apiKey}` },
      })
    ).json()) as { response: Array<{ sharedLink: { shareLink: string; primary: boolean } }> };
    const primary = links.response.find((l) => l.sharedLink.primary);
    expect(fake.feedback.copied[0]).toBe(new URL(primary!.sharedLink.shareLink, sandbox.url).toString());
    expect(fake.feedback.notices).toEqual([
      {
        id: 'dpt-file/copyShareLink',
        title: PLAN.title,
        message: 'noticeShareLinkCopied(access_2)',
        buttons: [],
      },
    ]);
  });

  it('each failure is a notification with the error’s own message; nothing is opened or copied', async () => {
    const { background, fake, tabs } = start();
    const portal = await signInWithKey(background, sandbox);
    const failed = () => fake.feedback.notices.at(-1);

    // A file that is not there.
    await click(background, portal, 'openInDocSpace', 'page', { pageUrl: `${sandbox.url}/doceditor?fileid=999999` });
    expect(failed()).toEqual({
      id: 'dpt-file/openInDocSpace',
      title: 'noticeOpenFailed',
      message: 'err_notFound',
      buttons: [],
    });

    // A file the portal will not share (in the Trash).
    await click(background, portal, 'copyShareLink', 'page', {
      pageUrl: `${sandbox.url}/doceditor?fileid=${OLD_DRAFT}`,
    });
    expect(failed()).toMatchObject({ id: 'dpt-file/copyShareLink', title: 'noticeCopyLinkFailed' });
    expect(failed()?.message).toMatch(/^err_(forbidden|forbiddenDetail)/);

    // An address that names no file of this portal.
    await click(background, portal, 'copyShareLink', 'link', {
      linkUrl: 'https://elsewhere.example/doceditor?fileid=1',
    });
    expect(failed()).toMatchObject({ title: 'noticeCopyLinkFailed', message: 'err_menuNoFile' });

    // The portal cannot be reached.
    await fault(sandbox, { faults: [{ type: 'resetBefore', path: `/api/2.0/files/file/${PLAN.id}` }], replace: true });
    await click(background, portal, 'openInDocSpace', 'page', {
      pageUrl: `${sandbox.url}/doceditor?fileid=${PLAN.id}`,
    });
    expect(failed()?.title).toBe('noticeOpenFailed');
    expect(failed()?.message).toMatch(/^err_networkError\(/);
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });

    // Signed out since the menu was built.
    await send(background, 'signOut', { portalId: portal.id });
    await click(background, portal, 'copyShareLink', 'page', { pageUrl: `${sandbox.url}/doceditor?fileid=${PLAN.id}` });
    expect(failed()).toMatchObject({
      title: 'noticeCopyLinkFailed',
      message: expect.stringMatching(/^err_signInAgain/),
    });

    // An entry of an account that is gone altogether.
    await click(background, { id: 'gone|1', origin: sandbox.url }, 'openInDocSpace', 'page', {
      pageUrl: `${sandbox.url}/doceditor?fileid=${PLAN.id}`,
    });
    expect(failed()).toMatchObject({ title: 'noticeOpenFailed', message: 'err_notSignedIn' });

    expect(tabs).toEqual([]);
    expect(fake.feedback.copied).toEqual([]);
  });
});

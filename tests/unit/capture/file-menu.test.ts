// "Open in DocSpace" and "Copy share link" on a signed-in portal's pages: the entries the menu gets, and what the
// one click handler makes of a click on them.
import { describe, expect, it } from 'vitest';
import { fileMenuItems, menuItems, SIGN_IN_MENU_ID } from '../../../src/capture/menu-items.ts';
import {
  fileMenuId,
  isFileActionRequest,
  menuRequestFor,
  saveMenuId,
  saveRequestFor,
} from '../../../src/capture/save-request.ts';
import { defaultSaveSettings } from '../../../src/capture/save-settings.ts';

const t = (key: string, subs?: string[]) => `${key}${subs ? `(${subs.join(',')})` : ''}`;
const acme = { id: 'https://acme.onlyoffice.com|u1', origin: 'https://acme.onlyoffice.com' };
const sandbox = { id: 'http://127.0.0.1:8092|u2', origin: 'http://127.0.0.1:8092' };
const editorTab = { id: 7, index: 3, windowId: 1, url: `${acme.origin}/doceditor?fileid=456&version=2`, title: 'Plan' };

describe('the file entries', () => {
  it('are two per context for each signed-in portal, limited to its pages', () => {
    const items = fileMenuItems([acme], t);
    expect(items).toEqual([
      {
        id: fileMenuId('openInDocSpace', 'page', acme),
        title: 'menuOpenInDocSpace',
        contexts: ['page'],
        documentUrlPatterns: [
          'https://acme.onlyoffice.com/doceditor*',
          'https://acme.onlyoffice.com/media/view/*',
          'https://acme.onlyoffice.com/*preview=*',
        ],
      },
      {
        id: fileMenuId('copyShareLink', 'page', acme),
        title: 'menuCopyShareLink',
        contexts: ['page'],
        documentUrlPatterns: [
          'https://acme.onlyoffice.com/doceditor*',
          'https://acme.onlyoffice.com/media/view/*',
          'https://acme.onlyoffice.com/*preview=*',
        ],
      },
      {
        id: fileMenuId('openInDocSpace', 'link', acme),
        title: 'menuOpenInDocSpace',
        contexts: ['link'],
        documentUrlPatterns: ['https://acme.onlyoffice.com/*'],
        targetUrlPatterns: [
          'https://acme.onlyoffice.com/doceditor*',
          'https://acme.onlyoffice.com/media/view/*',
          'https://acme.onlyoffice.com/*preview=*',
        ],
      },
      {
        id: fileMenuId('copyShareLink', 'link', acme),
        title: 'menuCopyShareLink',
        contexts: ['link'],
        documentUrlPatterns: ['https://acme.onlyoffice.com/*'],
        targetUrlPatterns: [
          'https://acme.onlyoffice.com/doceditor*',
          'https://acme.onlyoffice.com/media/view/*',
          'https://acme.onlyoffice.com/*preview=*',
        ],
      },
    ]);
  });

  it('appear only for signed-in portals, each on its own origin, before the saves', () => {
    // No portal signed in: no file entry, only the sign-in one.
    expect(menuItems(null, t)).toEqual([
      { id: SIGN_IN_MENU_ID, title: 'menuSignInFirst', contexts: ['page', 'link', 'image', 'selection'] },
    ]);
    const items = menuItems({ id: acme.id, settings: defaultSaveSettings() }, t, [acme, sandbox]);
    const files = items.filter((item) => item.id.startsWith('dpt-file:'));
    expect(files).toHaveLength(8);
    expect(items.slice(0, 8)).toEqual(files);
    // Every file entry is limited to one signed-in portal's pages: none is shown on any other site.
    for (const item of files) {
      expect(item.documentUrlPatterns?.length, item.id).toBeGreaterThan(0);
      const hosts = new Set([...(item.documentUrlPatterns ?? []), ...(item.targetUrlPatterns ?? [])].map(hostOf));
      expect(hosts.size, item.id).toBe(1);
      expect(['acme.onlyoffice.com', '127.0.0.1']).toContain([...hosts][0]);
    }
    // The saves keep no patterns: they are for every page.
    expect(items.filter((i) => !files.includes(i)).every((i) => !i.documentUrlPatterns && !i.targetUrlPatterns)).toBe(
      true,
    );
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    // A portal signed in while the shown one is not (no saving portal): its file entries and the sign-in entry.
    expect(menuItems(null, t, [sandbox]).map((i) => i.title)).toEqual([
      'menuOpenInDocSpace',
      'menuCopyShareLink',
      'menuOpenInDocSpace',
      'menuCopyShareLink',
      'menuSignInFirst',
    ]);
  });

  it('leave out a portal no match pattern can name', () => {
    expect(fileMenuItems([{ id: 'x|1', origin: 'https://[::1]:8443' }], t)).toEqual([]);
  });

  it('match patterns of the form Chrome and Firefox accept: scheme, host without port, a path', () => {
    const pattern = /^(https|http):\/\/[a-z0-9.-]+\/[^\s]*$/;
    for (const item of fileMenuItems([acme, sandbox], t))
      for (const p of [...(item.documentUrlPatterns ?? []), ...(item.targetUrlPatterns ?? [])])
        expect(p, item.id).toMatch(pattern);
  });
});

describe('a click on a file entry', () => {
  it('names the file the page shows, the portal and the tab to open next to', () => {
    const request = menuRequestFor(
      { menuItemId: fileMenuId('openInDocSpace', 'page', acme), pageUrl: editorTab.url },
      editorTab,
    );
    expect(request).toEqual({
      what: 'openInDocSpace',
      from: 'page',
      portalId: acme.id,
      origin: acme.origin,
      fileId: 456,
      tab: { id: 7, index: 3, windowId: 1 },
    });
    expect(request && isFileActionRequest(request)).toBe(true);
    // The tab's address when the click gives none.
    expect(menuRequestFor({ menuItemId: fileMenuId('copyShareLink', 'page', acme) }, editorTab)).toMatchObject({
      what: 'copyShareLink',
      fileId: 456,
    });
  });

  it('names the linked file for a link entry (the page itself may show none)', () => {
    const tab = { id: 8, index: 0, windowId: 1, url: `${acme.origin}/rooms/shared/12/filter?folder=12`, title: 'Room' };
    expect(
      menuRequestFor(
        {
          menuItemId: fileMenuId('openInDocSpace', 'link', acme),
          pageUrl: tab.url,
          linkUrl: `${acme.origin}/media/view/77`,
        },
        tab,
      ),
    ).toMatchObject({ what: 'openInDocSpace', from: 'link', fileId: 77 });
    // A link entry reads the link, never the page.
    expect(
      menuRequestFor({ menuItemId: fileMenuId('copyShareLink', 'link', acme), pageUrl: editorTab.url }, editorTab),
    ).toMatchObject({ from: 'link', fileId: null });
  });

  it('names no file when the address is not one of the entry’s portal (fileId null: the user is told)', () => {
    for (const pageUrl of [
      'https://evil.example/doceditor?fileid=456',
      'https://acme.onlyoffice.com:8443/doceditor?fileid=456',
      `${sandbox.origin}/doceditor?fileid=456`,
      `${acme.origin}/rooms/shared/12/filter?nopreview=3`,
      'javascript:alert(1)',
    ])
      expect(
        menuRequestFor({ menuItemId: fileMenuId('openInDocSpace', 'page', acme), pageUrl }, undefined),
        pageUrl,
      ).toEqual({ what: 'openInDocSpace', from: 'page', portalId: acme.id, origin: acme.origin, fileId: null });
  });

  it('refuses ids that are no file entry of ours, and leaves the saves to their handler', () => {
    const bad = [
      'dpt-file:',
      'dpt-file:{not json',
      'dpt-file:["openInDocSpace","page"]',
      'dpt-file:["deleteEverything","page","p","https://acme.onlyoffice.com"]',
      'dpt-file:["openInDocSpace","frame","p","https://acme.onlyoffice.com"]',
      'dpt-file:["openInDocSpace","page","","https://acme.onlyoffice.com"]',
      'dpt-file:["openInDocSpace","page","p",""]',
      'dpt-file:["openInDocSpace","page","p","https://acme.onlyoffice.com","extra"]',
      'dpt-file:{"what":"openInDocSpace"}',
    ];
    for (const menuItemId of bad) expect(menuRequestFor({ menuItemId, pageUrl: editorTab.url }, editorTab)).toBeNull();
    expect(menuRequestFor({ menuItemId: SIGN_IN_MENU_ID }, editorTab)).toBeNull();
    expect(menuRequestFor({ menuItemId: 42 }, editorTab)).toBeNull();
    // A save entry's click is the save handler's request, unchanged.
    const save = { menuItemId: saveMenuId('pageLink', { kind: 'default', portalId: 'p1' }), pageUrl: editorTab.url };
    expect(menuRequestFor(save, editorTab)).toEqual(saveRequestFor(save, editorTab));
    expect(isFileActionRequest(menuRequestFor(save, editorTab)!)).toBe(false);
  });

  it('leaves out a tab position the browser did not give (a tab of -1: not a tab)', () => {
    const id = fileMenuId('openInDocSpace', 'page', acme);
    expect(menuRequestFor({ menuItemId: id, pageUrl: editorTab.url }, { id: 7 })).toMatchObject({ tab: { id: 7 } });
    expect(menuRequestFor({ menuItemId: id, pageUrl: editorTab.url }, { id: 7 })).not.toHaveProperty('tab.index');
    expect(menuRequestFor({ menuItemId: id, pageUrl: editorTab.url }, { id: -1, index: 2 })).not.toHaveProperty('tab');
  });
});

function hostOf(pattern: string): string {
  return /^[a-z]+:\/\/([^/]+)\//.exec(pattern)![1]!;
}

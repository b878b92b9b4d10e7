import { describe, expect, it } from 'vitest';
import { menuItems, SIGN_IN_MENU_ID } from '../../../src/capture/menu-items.ts';
import { parentMenuId, saveMenuId, saveRequestFor } from '../../../src/capture/save-request.ts';
import { defaultSaveSettings, withRecent, type SaveSettings } from '../../../src/capture/save-settings.ts';

const tab = { id: 7, url: 'https://news.example/a?b=1', title: '  A story  ' };
const toDefault = { kind: 'default', portalId: 'p1' } as const;

describe('the menu click handler', () => {
  it('turns each save entry, the click and the tab into a request for where the entry says', () => {
    expect(saveRequestFor({ menuItemId: saveMenuId('pageSnapshot', toDefault), pageUrl: tab.url }, tab)).toEqual({
      what: 'pageSnapshot',
      destination: toDefault,
      pageUrl: tab.url,
      pageTitle: 'A story',
      tabId: 7,
    });
    const folder = { kind: 'folder', portalId: 'p1', folderId: 205, title: 'New | ideas' } as const;
    expect(
      saveRequestFor(
        { menuItemId: saveMenuId('linkFile', folder), linkUrl: 'https://files.example/r.pdf', linkText: 'Report' },
        tab,
      ),
    ).toMatchObject({
      what: 'linkFile',
      destination: folder,
      targetUrl: 'https://files.example/r.pdf',
      text: 'Report',
    });
    expect(
      saveRequestFor(
        { menuItemId: saveMenuId('image', { kind: 'choose', portalId: 'p1' }), srcUrl: 'https://i.example/x' },
        tab,
      ),
    ).toMatchObject({
      what: 'image',
      destination: { kind: 'choose', portalId: 'p1' },
      targetUrl: 'https://i.example/x',
    });
    expect(
      saveRequestFor({ menuItemId: saveMenuId('selection', toDefault), selectionText: 'words', frameId: 3 }, tab),
    ).toMatchObject({ what: 'selection', text: 'words', frameId: 3, tabId: 7 });
    expect(saveRequestFor({ menuItemId: saveMenuId('pageLink', toDefault) }, tab)).toMatchObject({
      what: 'pageLink',
      targetUrl: tab.url,
    });
  });

  it('refuses what is not a save, or lacks what the entry needs, or is not a web address', () => {
    expect(saveRequestFor({ menuItemId: SIGN_IN_MENU_ID }, tab)).toBeNull();
    expect(saveRequestFor({ menuItemId: parentMenuId('image') }, tab)).toBeNull();
    expect(saveRequestFor({ menuItemId: 'dpt-save:{not json' }, tab)).toBeNull();
    expect(saveRequestFor({ menuItemId: 'dpt-save:["nonsense","default","p1"]' }, tab)).toBeNull();
    expect(saveRequestFor({ menuItemId: saveMenuId('linkFile', toDefault) }, tab)).toBeNull();
    expect(
      saveRequestFor({ menuItemId: saveMenuId('linkFile', toDefault), linkUrl: 'javascript:alert(1)' }, tab),
    ).toBeNull();
    expect(
      saveRequestFor({ menuItemId: saveMenuId('image', toDefault), srcUrl: 'data:image/png;base64,AA' }, tab),
    ).toBeNull();
    expect(
      saveRequestFor({ menuItemId: saveMenuId('pageSnapshot', toDefault) }, { ...tab, url: 'chrome://settings' }),
    ).toBeNull();
    expect(
      saveRequestFor({ menuItemId: saveMenuId('pageArticle', toDefault), pageUrl: tab.url }, undefined),
    ).toBeNull();
    expect(saveRequestFor({ menuItemId: saveMenuId('selection', toDefault) }, tab)).toBeNull();
  });
});

describe('the menu', () => {
  const t = (key: string, subs?: string[]) => `${key}${subs ? `(${subs.join(',')})` : ''}`;

  it('says to sign in when no portal is signed in', () => {
    expect(menuItems(null, t)).toEqual([
      { id: SIGN_IN_MENU_ID, title: 'menuSignInFirst', contexts: ['page', 'link', 'image', 'selection'] },
    ]);
  });

  it('gives every save the default folder, at most five recent ones (the default not again) and Choose folder', () => {
    let settings: SaveSettings = { ...defaultSaveSettings(), defaultFolder: { id: 1, title: 'Inbox' } };
    for (let id = 1; id <= 7; id++) settings = withRecent(settings, { id, title: `F${id}` });
    expect(settings.recent.map((f) => f.id)).toEqual([7, 6, 5, 4, 3]);
    settings = withRecent(settings, { id: 1, title: 'Inbox' });
    expect(settings.recent.map((f) => f.id)).toEqual([1, 7, 6, 5, 4]);
    const items = menuItems({ id: 'p1', settings }, t);
    const image = items.filter((i) => i.parentId === parentMenuId('image'));
    expect(image.map((i) => i.title)).toEqual([
      'menuDefaultFolder(Inbox)',
      'F7',
      'F6',
      'F5',
      'F4',
      '',
      'menuChooseFolder',
    ]);
    expect(image.every((i) => i.contexts.join() === 'image')).toBe(true);
    const tops = items.filter((i) => !i.parentId);
    expect(tops.map((i) => i.title)).toEqual([
      'menuSavePageSnapshot',
      'menuSavePageArticle',
      'menuSavePageLink',
      'menuSaveLinkedFile',
      'menuSaveLinkAddress',
      'menuSaveImage',
      'menuSaveSelection',
    ]);
    // Each entry's id leads the click handler back to its save and folder.
    const recent = image[1]!;
    expect(saveRequestFor({ menuItemId: recent.id, srcUrl: 'https://i.example/p' }, tab)?.destination).toEqual({
      kind: 'folder',
      portalId: 'p1',
      folderId: 7,
      title: 'F7',
    });
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('names My documents as the default until one is chosen', () => {
    const items = menuItems({ id: 'p1', settings: defaultSaveSettings() }, t);
    expect(items.find((i) => i.parentId === parentMenuId('pageSnapshot'))?.title).toBe('menuDefaultFolder(section_my)');
  });
});

import type { PortalId } from '../protocol/index.ts';
import { MY_DOCUMENTS, type SaveSettings } from './save-settings.ts';
import { parentMenuId, saveMenuId, type SaveWhat } from './save-request.ts';

export type MenuContext = 'page' | 'link' | 'image' | 'selection';

/** One entry of the extension's context menu, as the browsers' menus.create takes it. */
export interface MenuItem {
  id: string;
  parentId?: string;
  title: string;
  contexts: MenuContext[];
  type?: 'normal' | 'separator';
}

const ENTRIES: ReadonlyArray<{ what: SaveWhat; context: MenuContext; key: string }> = [
  { what: 'pageSnapshot', context: 'page', key: 'menuSavePageSnapshot' },
  { what: 'pageArticle', context: 'page', key: 'menuSavePageArticle' },
  { what: 'pageLink', context: 'page', key: 'menuSavePageLink' },
  { what: 'linkFile', context: 'link', key: 'menuSaveLinkedFile' },
  { what: 'linkAddress', context: 'link', key: 'menuSaveLinkAddress' },
  { what: 'image', context: 'image', key: 'menuSaveImage' },
  { what: 'selection', context: 'selection', key: 'menuSaveSelection' },
];

/**
 * The whole menu for the signed-in portal the saves go to: one entry per kind of save, each with the default
 * folder, the recent destinations (at most five, the default not repeated) and "Choose folder…". No portal
 * signed in: one entry per context that says to sign in (it opens the options page).
 */
export function menuItems(
  portal: { id: PortalId; settings: SaveSettings } | null,
  t: (key: string, substitutions?: string[]) => string,
): MenuItem[] {
  if (!portal)
    return [{ id: SIGN_IN_MENU_ID, title: t('menuSignInFirst'), contexts: ['page', 'link', 'image', 'selection'] }];
  const { id: portalId, settings } = portal;
  const defaultTitle = settings.defaultFolder?.title ?? t('section_my');
  const defaultId = String(settings.defaultFolder?.id ?? MY_DOCUMENTS);
  const recent = settings.recent.filter((folder) => String(folder.id) !== defaultId);
  const items: MenuItem[] = [];
  for (const { what, context, key } of ENTRIES) {
    const parentId = parentMenuId(what);
    items.push({ id: parentId, title: t(key), contexts: [context] });
    const child = (id: string, title: string): MenuItem => ({ id, parentId, title, contexts: [context] });
    items.push(child(saveMenuId(what, { kind: 'default', portalId }), t('menuDefaultFolder', [defaultTitle])));
    for (const folder of recent)
      items.push(
        child(saveMenuId(what, { kind: 'folder', portalId, folderId: folder.id, title: folder.title }), folder.title),
      );
    items.push({ ...child(`${parentId}/separator`, ''), type: 'separator' });
    items.push(child(saveMenuId(what, { kind: 'choose', portalId }), t('menuChooseFolder')));
  }
  return items;
}

export const SIGN_IN_MENU_ID = 'dpt-sign-in';

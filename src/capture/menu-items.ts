import type { PortalId } from '../protocol/index.ts';
import { filePagePatterns, portalPagePatterns } from './portal-file.ts';
import { MY_DOCUMENTS, type SaveSettings } from './save-settings.ts';
import { fileMenuId, parentMenuId, saveMenuId, type FileAction, type SaveWhat } from './save-request.ts';

export type MenuContext = 'page' | 'link' | 'image' | 'selection';

/** One entry of the extension's context menu, as the browsers' menus.create takes it. */
export interface MenuItem {
  id: string;
  parentId?: string;
  title: string;
  contexts: MenuContext[];
  type?: 'normal' | 'separator';
  /** Shown only on documents whose address matches one of these (Chrome's and Firefox's menus.create). */
  documentUrlPatterns?: string[];
  /** A link entry: shown only for links whose target matches one of these. */
  targetUrlPatterns?: string[];
}

const FILE_ENTRIES: ReadonlyArray<{ what: FileAction; key: string }> = [
  { what: 'openInDocSpace', key: 'menuOpenInDocSpace' },
  { what: 'copyShareLink', key: 'menuCopyShareLink' },
];

/**
 * "Open in DocSpace" and "Copy share link" for each signed-in portal (one account per origin): on its pages that
 * show a file (the page entries) and for links to such pages on any of its pages (the link entries). A browser
 * shows page entries only where the click is on no link, so a page never lists both.
 */
export function fileMenuItems(
  portals: ReadonlyArray<{ id: PortalId; origin: string }>,
  t: (key: string, substitutions?: string[]) => string,
): MenuItem[] {
  const items: MenuItem[] = [];
  for (const portal of portals) {
    const filePages = filePagePatterns(portal.origin);
    const anyPage = portalPagePatterns(portal.origin);
    if (!filePages || !anyPage) continue;
    for (const { what, key } of FILE_ENTRIES)
      items.push({
        id: fileMenuId(what, 'page', portal),
        title: t(key),
        contexts: ['page'],
        documentUrlPatterns: filePages,
      });
    for (const { what, key } of FILE_ENTRIES)
      items.push({
        id: fileMenuId(what, 'link', portal),
        title: t(key),
        contexts: ['link'],
        documentUrlPatterns: anyPage,
        targetUrlPatterns: filePages,
      });
  }
  return items;
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
 * The whole menu: first the file entries of the signed-in portals' pages (fileMenuItems), then the saves for the
 * signed-in portal they go to: one entry per kind of save, each with the default folder, the recent destinations
 * (at most five, the default not repeated) and "Choose folder…". No portal to save to: one entry per context that
 * says to sign in (it opens the options page).
 */
export function menuItems(
  portal: { id: PortalId; settings: SaveSettings } | null,
  t: (key: string, substitutions?: string[]) => string,
  filePortals: ReadonlyArray<{ id: PortalId; origin: string }> = [],
): MenuItem[] {
  const files = fileMenuItems(filePortals, t);
  if (!portal)
    return [
      ...files,
      { id: SIGN_IN_MENU_ID, title: t('menuSignInFirst'), contexts: ['page', 'link', 'image', 'selection'] },
    ];
  const { id: portalId, settings } = portal;
  const defaultTitle = settings.defaultFolder?.title ?? t('section_my');
  const defaultId = String(settings.defaultFolder?.id ?? MY_DOCUMENTS);
  const recent = settings.recent.filter((folder) => String(folder.id) !== defaultId);
  const items: MenuItem[] = [...files];
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

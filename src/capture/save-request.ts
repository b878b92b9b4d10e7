import type { EntryId, PortalId } from '../protocol/index.ts';
import { portalFileAt } from './portal-file.ts';

/** What a save takes from the page, one per menu entry (and the quick-save command). */
export type SaveWhat = 'pageSnapshot' | 'pageArticle' | 'pageLink' | 'linkFile' | 'linkAddress' | 'image' | 'selection';

export const SAVE_WHATS: readonly SaveWhat[] = [
  'pageSnapshot',
  'pageArticle',
  'pageLink',
  'linkFile',
  'linkAddress',
  'image',
  'selection',
];

/** Where a save goes: the portal's default folder, a folder named in the menu (a recent one), or the picker. */
export type SaveDestination =
  | { kind: 'default'; portalId: PortalId }
  | { kind: 'folder'; portalId: PortalId; folderId: EntryId; title: string }
  | { kind: 'choose'; portalId: PortalId };

export interface SaveRequest {
  what: SaveWhat;
  destination: SaveDestination;
  /** The tab the page is in: snapshots, articles and selections are read from it. */
  tabId?: number;
  frameId?: number;
  pageUrl: string;
  pageTitle: string;
  /** The link's or the image's address (linkFile, linkAddress, image). */
  targetUrl?: string;
  /** The link's text or the selected text, as the browser gave it (a name for a link, a fallback for a selection). */
  text?: string;
}

/** The parts of the browsers' menus.OnClickData a save reads. */
export interface MenuClick {
  menuItemId: string | number;
  pageUrl?: string;
  frameUrl?: string;
  frameId?: number;
  linkUrl?: string;
  linkText?: string;
  srcUrl?: string;
  selectionText?: string;
}

export interface MenuTab {
  id?: number;
  url?: string;
  title?: string;
  /** Where the tab is: a tab the menu opens goes next to it. */
  index?: number;
  windowId?: number;
}

/** What the entries on a signed-in portal's pages do with a file of that portal. */
export type FileAction = 'openInDocSpace' | 'copyShareLink';
export const FILE_ACTIONS: readonly FileAction[] = ['openInDocSpace', 'copyShareLink'];

/** Which file: the one the page shows (the page entries), or the one a link on the page points to. */
export type FileFrom = 'page' | 'link';

export interface FileActionRequest {
  what: FileAction;
  from: FileFrom;
  portalId: PortalId;
  /** The portal's origin, as the entry was built for it: the page's or the link's must be exactly this. */
  origin: string;
  /** The file the page or the link names; null when it names none of this portal's (the user is told so). */
  fileId: number | null;
  /** The tab the click was in: a tab Open opens goes next to it. */
  tab?: { id: number; index?: number; windowId?: number };
}

/** What a click on any entry of the extension's menu asks for. */
export type MenuRequest = SaveRequest | FileActionRequest;

export const isFileActionRequest = (request: MenuRequest): request is FileActionRequest =>
  (FILE_ACTIONS as readonly string[]).includes(request.what);

const PREFIX = 'dpt-save:';
const FILE_PREFIX = 'dpt-file:';

/** The id of a menu entry that saves: what, and where, in JSON after a fixed prefix (ids are any string). */
export function saveMenuId(what: SaveWhat, destination: SaveDestination): string {
  const where =
    destination.kind === 'folder'
      ? ['folder', destination.portalId, destination.folderId, destination.title]
      : [destination.kind, destination.portalId];
  return `${PREFIX}${JSON.stringify([what, ...where])}`;
}

/** The id of the entry a save's destinations hang under. */
export function parentMenuId(what: SaveWhat): string {
  return `${PREFIX}${JSON.stringify([what])}`;
}

/** The id of a file entry: the action, page or link, and the portal account and origin it acts for. */
export function fileMenuId(what: FileAction, from: FileFrom, portal: { id: PortalId; origin: string }): string {
  return `${FILE_PREFIX}${JSON.stringify([what, from, portal.id, portal.origin])}`;
}

/**
 * The one click handler of the extension's menu, pure: a file entry's click becomes a file action (the file the
 * page shows, or the linked one, named by its address on the entry's portal), a save entry's a save request (see
 * saveRequestFor); null for any other entry (the sign-in one) or an id that is no entry of ours.
 */
export function menuRequestFor(click: MenuClick, tab: MenuTab | undefined): MenuRequest | null {
  const id = String(click.menuItemId);
  if (!id.startsWith(FILE_PREFIX)) return saveRequestFor(click, tab);
  const parsed = parseFileId(id);
  if (!parsed) return null;
  const { what, from, portalId, origin } = parsed;
  const url = from === 'page' ? (click.pageUrl ?? tab?.url) : click.linkUrl;
  const file = portalFileAt(url, [origin]);
  const request: FileActionRequest = { what, from, portalId, origin, fileId: file?.fileId ?? null };
  if (tab?.id !== undefined && tab.id >= 0)
    request.tab = {
      id: tab.id,
      ...(tab.index !== undefined && tab.index >= 0 ? { index: tab.index } : {}),
      ...(tab.windowId !== undefined && tab.windowId >= 0 ? { windowId: tab.windowId } : {}),
    };
  return request;
}

function parseFileId(id: string): { what: FileAction; from: FileFrom; portalId: PortalId; origin: string } | null {
  let parts: unknown;
  try {
    parts = JSON.parse(id.slice(FILE_PREFIX.length));
  } catch {
    return null;
  }
  if (!Array.isArray(parts) || parts.length !== 4) return null;
  const [what, from, portalId, origin] = parts as unknown[];
  if (typeof what !== 'string' || !(FILE_ACTIONS as readonly string[]).includes(what)) return null;
  if (from !== 'page' && from !== 'link') return null;
  if (typeof portalId !== 'string' || portalId === '' || typeof origin !== 'string' || origin === '') return null;
  return { what: what as FileAction, from, portalId, origin };
}

/**
 * The click handler of every save entry, pure: the menu entry's id, what the browser said about the click
 * and the tab become a save request, or null for an entry that is not a save (or names what the click lacks:
 * a link entry without a link). Web addresses other than http(s) are refused here, before anything is fetched.
 */
export function saveRequestFor(click: MenuClick, tab: MenuTab | undefined): SaveRequest | null {
  const parsed = parseId(String(click.menuItemId));
  if (!parsed) return null;
  const { what, destination } = parsed;
  const pageUrl = click.pageUrl ?? tab?.url ?? '';
  const base = {
    what,
    destination,
    pageUrl,
    pageTitle: tab?.title?.trim() || pageUrl,
    ...(tab?.id !== undefined && tab.id >= 0 ? { tabId: tab.id } : {}),
  };
  switch (what) {
    case 'pageSnapshot':
    case 'pageArticle':
      return base.tabId !== undefined && isWeb(pageUrl) ? base : null;
    case 'pageLink':
      return isWeb(pageUrl) ? { ...base, targetUrl: pageUrl } : null;
    case 'linkFile':
    case 'linkAddress': {
      const url = click.linkUrl;
      if (!url || !isWeb(url)) return null;
      return { ...base, targetUrl: url, ...(click.linkText ? { text: click.linkText } : {}) };
    }
    case 'image': {
      const url = click.srcUrl;
      return url && isWeb(url) ? { ...base, targetUrl: url } : null;
    }
    case 'selection':
      if (base.tabId === undefined || !click.selectionText) return null;
      return {
        ...base,
        text: click.selectionText,
        ...(click.frameId !== undefined ? { frameId: click.frameId } : {}),
      };
  }
}

function parseId(id: string): { what: SaveWhat; destination: SaveDestination } | null {
  if (!id.startsWith(PREFIX)) return null;
  let parts: unknown;
  try {
    parts = JSON.parse(id.slice(PREFIX.length));
  } catch {
    return null;
  }
  if (!Array.isArray(parts)) return null;
  const [what, kind, portalId, folderId, title] = parts as unknown[];
  if (typeof what !== 'string' || !(SAVE_WHATS as readonly string[]).includes(what)) return null;
  if (typeof portalId !== 'string' || portalId === '') return null;
  const w = what as SaveWhat;
  if (kind === 'default' || kind === 'choose') return { what: w, destination: { kind, portalId } };
  if (kind === 'folder' && (typeof folderId === 'string' || typeof folderId === 'number'))
    return {
      what: w,
      destination: { kind, portalId, folderId, title: typeof title === 'string' ? title : String(folderId) },
    };
  return null;
}

export function isWeb(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

import type { EntryId, PortalId } from '../protocol/index.ts';

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
}

const PREFIX = 'dpt-save:';

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

/**
 * The one click handler of every save entry, pure: the menu entry's id, what the browser said about the click
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

// Which DocSpace file a page (or a link) of a signed-in portal shows: the addresses the web client opens a file
// at. Pure: runs in Node; the menu's patterns and the click handler both come from here.
import { isLoopback } from '../docspace/portal-url.ts';
import type { PortalId } from '../protocol/index.ts';

/** A file of a portal, as its address names it. */
export interface PortalFileAt {
  /** The portal's origin, exactly as signed in. */
  origin: string;
  fileId: number;
}

/** File ids are the server's int ids (third-party storage files, with string ids, are not named by these pages). */
const FILE_ID = /^[1-9][0-9]{0,15}$/;

/**
 * The file `url` shows, when it is a page of one of `origins` that shows a file: the editor
 * (`/doceditor?fileid=N`, the parameter's name in any case), the media viewer (`/media/view/N`) or the web
 * client's preview (`…?preview=N` on any of its pages). The origin must be one of `origins` exactly (scheme,
 * host and port); only https, or plain http on loopback (the sandbox), is considered. Never throws.
 */
export function portalFileAt(url: string | undefined, origins: readonly string[]): PortalFileAt | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!isPortalScheme(parsed) || parsed.username !== '' || parsed.password !== '') return null;
  if (!origins.some((origin) => sameOrigin(origin, parsed.origin))) return null;
  const fileId = fileIdOf(parsed);
  return fileId === null ? null : { origin: parsed.origin, fileId };
}

function fileIdOf(url: URL): number | null {
  const path = url.pathname;
  if (path === '/doceditor' || path === '/doceditor/') {
    for (const [name, value] of url.searchParams) if (name.toLowerCase() === 'fileid') return idOf(value);
    return null;
  }
  const media = /^\/media\/view\/([^/]+)\/?$/.exec(path);
  if (media) return idOf(media[1]!);
  const preview = url.searchParams.get('preview');
  return preview === null ? null : idOf(preview);
}

function idOf(raw: string): number | null {
  if (!FILE_ID.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

function isPortalScheme(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
}

/** `a` as given (a stored origin) against a parsed URL's origin: equal after both are read as URLs. */
function sameOrigin(a: string, origin: string): boolean {
  try {
    return new URL(a).origin === origin;
  } catch {
    return false;
  }
}

/**
 * The match patterns (scheme and host: browsers' patterns take no port, so the click handler checks the port) of a
 * portal's pages that show a file, for the page entries' documentUrlPatterns and the link entries'
 * targetUrlPatterns. A pattern's path is matched against the path and the query. Null for an origin no pattern
 * can name (not https or loopback, an IP v6 address).
 */
export function filePagePatterns(origin: string): string[] | null {
  const base = patternBase(origin);
  return base ? [`${base}/doceditor*`, `${base}/media/view/*`, `${base}/*preview=*`] : null;
}

/** Every page of the portal (the link entries' documentUrlPatterns). */
export function portalPagePatterns(origin: string): string[] | null {
  const base = patternBase(origin);
  return base ? [`${base}/*`] : null;
}

function patternBase(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (!isPortalScheme(url) || !/^[a-z0-9.-]+$/.test(url.hostname)) return null;
  return `${url.protocol}//${url.hostname}`;
}

/**
 * The accounts the file entries act as: one per portal origin (a menu entry per origin, so a page shows one set),
 * signed in and with site access; on an origin with several accounts, the shown one, else the first listed.
 */
export function menuPortals(
  accounts: ReadonlyArray<{ id: PortalId; origin: string; usable: boolean }>,
  shownId: PortalId | null,
): Array<{ id: PortalId; origin: string }> {
  const byOrigin = new Map<string, PortalId>();
  for (const account of accounts) {
    if (!account.usable) continue;
    if (!byOrigin.has(account.origin) || account.id === shownId) byOrigin.set(account.origin, account.id);
  }
  return [...byOrigin].map(([origin, id]) => ({ id, origin }));
}

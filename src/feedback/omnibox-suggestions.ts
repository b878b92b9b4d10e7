import type { Entry } from '../protocol/index.ts';
import { dim, escapeOmniboxXml, markMatches, plainText, type OmniboxMarkup } from './omnibox-text.ts';

/** One row under the address bar: `content` is what the browser hands back when it is chosen. */
export interface OmniboxSuggestion {
  content: string;
  description: string;
}

/** Translates a `_locales` key (the background's i18n). */
export type Translate = (key: string, params?: string[]) => string;

/** Chrome shows at most this many of an extension's suggestions (Firefox a few more). */
export const MAX_SUGGESTIONS = 6;
/** Shorter input is not searched (one letter matches nearly everything), as in the popup's search. */
export const MIN_QUERY_LENGTH = 2;

/**
 * The search results as suggestions: files first (what one opens from the address bar), then folders and rooms,
 * each "Title — where it lives". An entry opens at its DocSpace address (its editor or viewer, the folder's page),
 * which the background checked to be on the portal's own origin; one without is left out.
 */
export function toSuggestions(
  entries: readonly Entry[],
  query: string,
  markup: OmniboxMarkup,
  t: Translate,
): OmniboxSuggestion[] {
  const ordered = [...entries.filter((e) => e.kind === 'file'), ...entries.filter((e) => e.kind === 'folder')];
  const seen = new Set<string>();
  const out: OmniboxSuggestion[] = [];
  for (const entry of ordered) {
    if (!entry.webUrl || seen.has(entry.webUrl) || entry.webUrl === query) continue;
    seen.add(entry.webUrl);
    const where = [entry.location?.roomTitle, entry.location?.folderTitle].filter(
      (part, index, all): part is string => !!part && all.indexOf(part) === index,
    );
    const kind = t(entry.kind === 'file' ? 'omniboxFile' : 'omniboxFolder');
    const place = where.length > 0 ? `${kind} · ${where.join(' › ')}` : kind;
    out.push({
      content: entry.webUrl,
      description: `${markMatches(entry.title, query, markup)} — ${dim(place, markup)}`,
    });
    if (out.length === MAX_SUGGESTIONS) break;
  }
  return out;
}

/** The first row's text (Chrome's default suggestion): what Enter does with the typed text. */
export function defaultDescription(query: string, markup: OmniboxMarkup, t: Translate): string {
  const text = t('omniboxSearchIn', [plainText(query.trim())]);
  return markup === 'xml' ? escapeOmniboxXml(text) : text;
}

export function describe(key: string, markup: OmniboxMarkup, t: Translate, params?: string[]): string {
  const text = t(key, params);
  return markup === 'xml' ? escapeOmniboxXml(text) : plainText(text);
}

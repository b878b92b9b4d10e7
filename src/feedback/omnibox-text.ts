/**
 * Chrome parses an omnibox description as XML (`<match>`, `<dim>`, `<url>`): a server title with `&` or `<`
 * in it would break the description or inject markup. Firefox shows it as plain text. Control characters are
 * dropped in both (XML 1.0 forbids them, and a line break would split the row).
 */
export type OmniboxMarkup = 'xml' | 'plain';

// eslint-disable-next-line no-control-regex -- exactly what is removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
const LINE_BREAKS = /[\r\n\t]+/g;

export function plainText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROL, '');
}

export function escapeOmniboxXml(text: string): string {
  return plainText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The title with every occurrence of the query marked (Chrome), or as it is (Firefox). */
export function markMatches(title: string, query: string, markup: OmniboxMarkup): string {
  const clean = plainText(title);
  if (markup === 'plain') return clean;
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return escapeOmniboxXml(clean);
  const haystack = clean.toLocaleLowerCase();
  let out = '';
  let from = 0;
  // Lower-casing may change a string's length (e.g. "İ"); then the positions would not line up: no marks.
  if (haystack.length !== clean.length) return escapeOmniboxXml(clean);
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, from)) {
    out +=
      escapeOmniboxXml(clean.slice(from, at)) +
      `<match>${escapeOmniboxXml(clean.slice(at, at + needle.length))}</match>`;
    from = at + needle.length;
  }
  return out + escapeOmniboxXml(clean.slice(from));
}

/** A part of the description shown quieter (Chrome's `<dim>`). */
export function dim(text: string, markup: OmniboxMarkup): string {
  return markup === 'xml' ? `<dim>${escapeOmniboxXml(text)}</dim>` : plainText(text);
}

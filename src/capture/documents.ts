/**
 * The HTML documents a save writes: an article and a selection become a page of their own that says where
 * they came from. Every value from the page is escaped here; the article's and selection's markup is the
 * page's own (scripts already removed where it was read) and is stored as a file, never shown by the extension.
 */
export function savedDocument(parts: {
  title: string;
  sourceUrl: string;
  body: string;
  byline?: string | null;
}): string {
  const title = escapeHtml(parts.title);
  const url = escapeHtml(parts.sourceUrl);
  const byline = parts.byline ? `<p>${escapeHtml(parts.byline)}</p>\n` : '';
  return (
    `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n` +
    `<h1>${title}</h1>\n${byline}<p><a href="${url}">${url}</a></p>\n<hr>\n${parts.body}\n</body>\n</html>\n`
  );
}

/** Plain text as HTML paragraphs (a selection the page could not give as markup). */
export function textAsHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Injected after vendor/readability.js (Mozilla's Readability, Apache-2.0, copied into the build): the page's
 * main text as Firefox's reader view finds it, on a clone so the page itself is untouched. Null when the page
 * has no article-like content. Self-contained: it is serialised.
 */
export function readableArticle(): { title: string; content: string; byline: string | null } | null {
  type Parsed = { title?: string | null; content?: string | null; byline?: string | null } | null;
  const Readability = (globalThis as unknown as { Readability?: new (doc: Document) => { parse(): Parsed } })
    .Readability;
  if (!Readability) return null;
  const article = new Readability(document.cloneNode(true) as Document).parse();
  if (!article?.content) return null;
  return { title: article.title || document.title, content: article.content, byline: article.byline ?? null };
}

import { LINK_FILE_EXTENSION, internetShortcut } from './link-file.ts';
import { renderName } from './name-template.ts';
import { savedDocument, textAsHtml } from './documents.ts';
import type { SaveRequest } from './save-request.ts';
import { appError } from '../errors/index.ts';

/** Reading a tab, as the capture platform does it (injected through extension/platform/). */
export interface PageReader {
  mhtml(tabId: number): Promise<Blob | null>;
  snapshotHtml(tabId: number): Promise<string>;
  article(tabId: number): Promise<{ title: string; content: string; byline: string | null } | null>;
  selection(tabId: number, frameId?: number): Promise<string | null>;
}

export type SaveDocument =
  | { kind: 'bytes'; blob: Blob; name: string; method: 'upload' | 'html' }
  /** Fetched by the job: a linked file or an image, named from the answer. */
  | { kind: 'fetch'; url: string };

/**
 * What a save request stores: the page as MHTML (page capture) or as the HTML snapshot, the article or the
 * selection as an HTML document, a link as an Internet Shortcut; a linked file and an image are the job's to
 * fetch. Names follow the user's template, cleaned as DocSpace cleans titles.
 */
export async function documentsOf(
  request: SaveRequest,
  options: { template: string; now: Date; pageCapture: boolean; page: PageReader; droppedHtml?: string | undefined },
): Promise<SaveDocument> {
  const name = (title: string, extension: string) =>
    renderName(options.template, { title, url: request.pageUrl, now: options.now }, extension);
  const tabId = request.tabId;
  switch (request.what) {
    case 'linkFile':
    case 'image': {
      const url = request.targetUrl!;
      // The worker may reach https and loopback only (its CSP, and the host permissions it may ask for).
      if (!fetchable(url)) throw appError('saveNeedsHttps', { url });
      return { kind: 'fetch', url };
    }
    case 'pageLink':
    case 'linkAddress': {
      const url = request.targetUrl ?? request.pageUrl;
      const title = request.what === 'linkAddress' ? request.text?.trim() || url : request.pageTitle;
      const blob = new Blob([internetShortcut(url)], { type: 'application/internet-shortcut' });
      return { kind: 'bytes', blob, name: name(title, LINK_FILE_EXTENSION), method: 'upload' };
    }
    case 'pageSnapshot': {
      if (tabId === undefined) throw appError('saveCannotReadPage', { detail: 'no tab' });
      const mhtml = options.pageCapture ? await options.page.mhtml(tabId) : null;
      if (mhtml) return { kind: 'bytes', blob: mhtml, name: name(request.pageTitle, '.mhtml'), method: 'upload' };
      const html = await options.page.snapshotHtml(tabId);
      const blob = new Blob([html], { type: 'text/html' });
      return { kind: 'bytes', blob, name: name(request.pageTitle, '.html'), method: 'upload' };
    }
    case 'pageArticle': {
      if (tabId === undefined) throw appError('saveCannotReadPage', { detail: 'no tab' });
      const article = await options.page.article(tabId);
      if (!article) throw appError('saveNoArticle', {});
      const title = article.title || request.pageTitle;
      const html = savedDocument({ title, sourceUrl: request.pageUrl, body: article.content, byline: article.byline });
      return {
        kind: 'bytes',
        blob: new Blob([html], { type: 'text/html' }),
        name: name(title, '.html'),
        method: 'html',
      };
    }
    case 'selection': {
      const body =
        options.droppedHtml ??
        (tabId !== undefined ? await options.page.selection(tabId, request.frameId) : null) ??
        (request.text ? textAsHtml(request.text) : null);
      if (!body) throw appError('saveNothingSelected', {});
      const html = savedDocument({ title: request.pageTitle, sourceUrl: request.pageUrl, body });
      return {
        kind: 'bytes',
        blob: new Blob([html], { type: 'text/html' }),
        name: name(request.pageTitle, '.html'),
        method: 'html',
      };
    }
  }
}

function fetchable(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || (protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost'));
  } catch {
    return false;
  }
}

import type { DroppedItem } from '../protocol/index.ts';
import { isWeb } from './save-request.ts';

/** What a drag carried, by the DataTransfer types a page reads (files go to the upload job instead). */
export interface DragData {
  uriList: string;
  html: string;
  text: string;
}

/**
 * What to save from a drag that holds no files: an image (the browser gives its address and an <img> of it),
 * links (one per uri-list line, named by the anchor's text), or selected text (with its markup when the drag
 * had it). Only http(s) addresses are taken.
 */
export function droppedItems({ uriList, html, text }: DragData): DroppedItem[] {
  const urls = uriList
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && isWeb(line));
  if (urls.length > 0) {
    const image = /<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/i.exec(html)?.[1];
    const anchorText = textOf(/<a\b[^>]*>([\s\S]*?)<\/a>/i.exec(html)?.[1] ?? '');
    return urls.map((url) => {
      if (image !== undefined && decodeEntities(image) === url && !/<a\b/i.test(html)) return { kind: 'image', url };
      const title = urls.length === 1 ? anchorText || (text.trim() !== url ? text.trim() : '') : '';
      return title ? { kind: 'link', url, title: title.slice(0, 1_000) } : { kind: 'link', url };
    });
  }
  if (text.trim() === '' && html.trim() === '') return [];
  return [{ kind: 'text', text: text.trim() || textOf(html), ...(html.trim() ? { html } : {}) }];
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

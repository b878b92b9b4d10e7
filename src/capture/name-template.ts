import { cleanTitle } from '../docspace/titles.ts';

export interface NameFields {
  title: string;
  url: string;
  now: Date;
}

/** Room left for an extension (".html", ".mhtml", ".url") inside DocSpace's 170 characters. */
const EXTENSION_ROOM = 10;

/**
 * A file name from the user's template: {title} (the page's title), {date} (YYYY-MM-DD), {time} (HH-MM), {host}
 * (the page's host). Local time: it is the user's day that the name should say. The result is cleaned exactly as
 * DocSpace cleans titles (so "is it there already" compares what the server will store) and is never empty.
 */
export function renderName(template: string, { title, url, now }: NameFields, extension = ''): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}-${pad(now.getMinutes())}`;
  const fields: Record<string, string> = { title: title.trim(), date, time, host: hostOf(url) };
  const filled = template.replace(/\{(title|date|time|host)\}/g, (_, name: string) => fields[name] ?? '');
  const base = filled.replace(/\s+/g, ' ').trim() || hostOf(url) || date;
  const cut = base.length > 170 - EXTENSION_ROOM ? base.slice(0, 170 - EXTENSION_ROOM).trim() : base;
  return cleanTitle(`${cut}${extension}`);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

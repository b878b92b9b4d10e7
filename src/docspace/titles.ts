import { appError } from '../errors/index.ts';

export const MAX_FOLDER_TITLE = 165;
export const MAX_JOB_ITEMS = 1000;

/** DocSpace replaces these in entry titles with "_"; doing it first keeps the name we look for the one it stores. */
const INVALID_TITLE_CHARS = /[\\/:*?"<>|]/g;

/** The title DocSpace will store for what the user typed. */
export function cleanTitle(raw: string): string {
  return raw.trim().replace(INVALID_TITLE_CHARS, '_');
}

/** Cleans a pasted list: trims, drops empty lines and repeats; refuses names DocSpace would refuse. */
export function folderTitles(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const titles: string[] = [];
  for (const line of raw) {
    const title = cleanTitle(line);
    if (title === '' || seen.has(title.toLowerCase())) continue;
    if (title.length > MAX_FOLDER_TITLE) {
      throw appError('folderNameTooLong', { name: `${title.slice(0, 40)}…`, max: MAX_FOLDER_TITLE });
    }
    seen.add(title.toLowerCase());
    titles.push(title);
  }
  if (titles.length === 0) throw appError('folderNamesEmpty', {});
  if (titles.length > MAX_JOB_ITEMS) throw appError('tooManyFolders', { count: titles.length, max: MAX_JOB_ITEMS });
  return titles;
}

import { appError } from '../errors/index.ts';

/** DocSpace stores at most 170 characters (Global.MaxTitle); a new folder's title may have 165 (the request DTO). */
export const MAX_TITLE = 170;
export const MAX_FOLDER_TITLE = 165;
export const MAX_JOB_ITEMS = 1000;

// What .NET's String.Trim removes (Char.IsWhiteSpace), which is not quite JavaScript's trim (no U+FEFF, U+0085).
const DOTNET_SPACE = '[\\u0009-\\u000D\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]';
const EDGE_SPACE = new RegExp(`^${DOTNET_SPACE}+|${DOTNET_SPACE}+$`, 'g');
/**
 * Global.InvalidTitleChars: tab, * + : " < > ? | \ / and every UTF-16 surrogate (the server's regex sees code
 * units, so an emoji becomes two underscores). No `u` flag: the pattern must see code units too.
 */
const INVALID = /[\t*+:"<>?|\\/\uD800-\uDFFF]/g;

/**
 * The title DocSpace stores for what it was given (Global.ReplaceInvalidCharsAndTruncate): trim, cut to 170
 * keeping a short extension, then replace the invalid characters with "_". Every "is it there already"
 * check compares titles cleaned by this one function, so what we look for is what the server wrote.
 */
export function cleanTitle(raw: string): string {
  let title = raw.replace(EDGE_SPACE, '');
  if (title.length > MAX_TITLE) {
    const dot = title.lastIndexOf('.');
    title =
      dot > MAX_TITLE - 20
        ? title.slice(0, MAX_TITLE - (title.length - dot)) + title.slice(dot)
        : title.slice(0, MAX_TITLE);
  }
  return title.replace(INVALID, '_');
}

/** Cleans a pasted list: drops empty lines and repeats; refuses names DocSpace would refuse. */
export function folderTitles(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const titles: string[] = [];
  for (const line of raw) {
    const trimmed = line.replace(EDGE_SPACE, '');
    if (trimmed.length > MAX_FOLDER_TITLE) {
      throw appError('folderNameTooLong', { name: `${trimmed.slice(0, 40)}…`, max: MAX_FOLDER_TITLE });
    }
    const title = cleanTitle(trimmed);
    if (title === '' || seen.has(title.toLowerCase())) continue;
    seen.add(title.toLowerCase());
    titles.push(title);
  }
  if (titles.length === 0) throw appError('folderNamesEmpty', {});
  if (titles.length > MAX_JOB_ITEMS) throw appError('tooManyFolders', { count: titles.length, max: MAX_JOB_ITEMS });
  return titles;
}

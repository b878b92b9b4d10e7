import type { Target } from './driver.ts';

/** The name of an entry as the row shows it. */
export const rowTitle = '.grid .row-title > .server-text';

/** A row of the popup's list by the entry's name: clicking its name clicks the row's link. */
export function row(title: string): Target {
  return { css: rowTitle, text: title };
}

/**
 * A page's address saved as a Windows Internet Shortcut (.url): a two-line text file that Windows, macOS
 * (Finder) and the common Linux desktops open in the browser, and that DocSpace stores as it is. Chosen over
 * an .html redirect page because it carries no markup a viewer could run.
 */
export const LINK_FILE_EXTENSION = '.url';

export function internetShortcut(url: string): string {
  // One line per field; a URL cannot hold a line break, but a hostile one must not add fields either.
  const safe = url.replace(/[\r\n]/g, '');
  return `[InternetShortcut]\r\nURL=${safe}\r\n`;
}

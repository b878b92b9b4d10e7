/**
 * The background obeys only the extension's own pages. Content scripts and other extensions are refused even
 * though the manifest exposes no external messaging, so a future content script cannot become a way in.
 */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  origin?: string | undefined;
}

export function isOwnPage(sender: SenderInfo, ownId: string, ownBaseUrl: string): boolean {
  if (sender.id !== ownId) return false;
  if (!sender.url || !sender.url.startsWith(ownBaseUrl)) return false;
  // Firefox and Chrome both report the page origin for extension pages; a content script has the web page's.
  if (sender.origin !== undefined && sender.origin !== 'null' && !ownBaseUrl.startsWith(sender.origin)) return false;
  return true;
}

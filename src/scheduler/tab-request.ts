import { isRateLimitedPath, type ForeignRequestEvent } from './foreign.ts';

/**
 * The fields of a webRequest event (Chrome's and Firefox's) that decide whether a request counts; nothing
 * else about it (no body, no request headers, no cookies) is read.
 */
export interface WebRequestDetails {
  requestId: string;
  url: string;
  method: string;
  /** -1 when no tab sent it (a worker, the extension's background, the browser itself). */
  tabId: number;
  /** Epoch ms. */
  timeStamp: number;
  /** Chrome: the origin that caused the request. */
  initiator?: string;
  /** Firefox: the URL of the resource (page or worker) that caused it, and of its document. */
  originUrl?: string;
  documentUrl?: string;
  /** onCompleted: the HTTP status; absent on onErrorOccurred. */
  statusCode?: number;
  responseHeaders?: ReadonlyArray<{ name: string; value?: string }>;
}

export interface TabRequest {
  /** The request's origin (scheme, host, port): the portal it counts for. */
  origin: string;
  event: ForeignRequestEvent;
}

/**
 * A request the browser saw, as the scheduler counts it, or null when it must not count: the extension's
 * own requests (they are counted already, from its side), what no web page sent (the browser's own), and
 * anything outside the portal's `/api/` paths.
 *
 * @param ownBaseUrl the extension's base URL (`runtime.getURL('')`), e.g. `chrome-extension://abc/`.
 */
export function tabRequest(details: WebRequestDetails, phase: 'start' | 'end', ownBaseUrl: string): TabRequest | null {
  const own = ownBaseUrl.replace(/\/+$/, '');
  const causes = [details.initiator, details.originUrl, details.documentUrl].filter(
    (cause): cause is string => typeof cause === 'string' && cause !== '',
  );
  if (causes.some((cause) => cause === own || cause.startsWith(`${own}/`))) return null;
  // Without a tab, only a web page's worker counts (a DocSpace service worker); another extension or the
  // browser itself is not the user's DocSpace tab.
  if (details.tabId < 0 && !causes.some((cause) => /^https?:\/\//i.test(cause))) return null;
  let url: URL;
  try {
    url = new URL(details.url);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !isRateLimitedPath(url.pathname)) return null;
  const event: ForeignRequestEvent = {
    id: `tab:${details.requestId}`,
    phase,
    method: details.method.toUpperCase(),
    path: url.pathname,
    at: details.timeStamp,
  };
  if (phase === 'end') {
    event.status = details.statusCode ?? 0;
    if (details.responseHeaders) event.headers = details.responseHeaders;
  }
  return { origin: url.origin, event };
}

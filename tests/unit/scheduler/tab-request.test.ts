import { describe, expect, it } from 'vitest';
import { tabRequest, type WebRequestDetails } from '../../../src/scheduler/tab-request.ts';

const OWN = 'chrome-extension://abcdefghijklmnop/';
const PORTAL = 'https://team.example.com';

function details(overrides: Partial<WebRequestDetails> = {}): WebRequestDetails {
  return {
    requestId: '42',
    url: `${PORTAL}/api/2.0/files/@my?count=25`,
    method: 'get',
    tabId: 7,
    timeStamp: 1_000,
    initiator: PORTAL,
    ...overrides,
  };
}

describe('tabRequest: which browser requests count as the user’s DocSpace tabs', () => {
  it('maps a tab’s API request to a start and an end with the same id, its origin, path, method and time', () => {
    expect(tabRequest(details(), 'start', OWN)).toEqual({
      origin: PORTAL,
      event: { id: 'tab:42', phase: 'start', method: 'GET', path: '/api/2.0/files/@my', at: 1_000 },
    });
    const headers = [{ name: 'X-RateLimit-Remaining', value: '3' }];
    expect(tabRequest(details({ statusCode: 429, responseHeaders: headers, timeStamp: 1_200 }), 'end', OWN)).toEqual({
      origin: PORTAL,
      event: { id: 'tab:42', phase: 'end', method: 'GET', path: '/api/2.0/files/@my', at: 1_200, status: 429, headers },
    });
  });

  it('keeps the port in the origin, so a portal on another port is another portal', () => {
    expect(tabRequest(details({ url: 'http://127.0.0.1:8090/api/2.0/people/@self' }), 'start', OWN)?.origin).toBe(
      'http://127.0.0.1:8090',
    );
  });

  it('ends a request that failed without an answer with status 0', () => {
    expect(tabRequest(details(), 'end', OWN)?.event.status).toBe(0);
  });

  it('never counts the extension’s own requests (Chrome initiator, Firefox originUrl / documentUrl)', () => {
    expect(tabRequest(details({ tabId: -1, initiator: 'chrome-extension://abcdefghijklmnop' }), 'start', OWN)).toBe(
      null,
    );
    const firefoxOwn = 'moz-extension://0c5f3a52/';
    expect(
      tabRequest(
        details({ tabId: -1, initiator: undefined, originUrl: 'moz-extension://0c5f3a52/background.html' }),
        'start',
        firefoxOwn,
      ),
    ).toBe(null);
    // An extension page opened as a tab still is the extension.
    expect(
      tabRequest(
        details({ tabId: 3, initiator: undefined, documentUrl: 'moz-extension://0c5f3a52/extension/popup/index.html' }),
        'end',
        firefoxOwn,
      ),
    ).toBe(null);
  });

  it('does not take another extension with a similar id for its own', () => {
    expect(tabRequest(details({ initiator: 'chrome-extension://abcdefghijklmnopq' }), 'start', OWN)).not.toBe(null);
  });

  it('counts a web page’s worker (no tab, an http(s) initiator) but not the browser or another extension', () => {
    expect(tabRequest(details({ tabId: -1 }), 'start', OWN)).not.toBe(null);
    expect(tabRequest(details({ tabId: -1, initiator: undefined }), 'start', OWN)).toBe(null);
    expect(tabRequest(details({ tabId: -1, initiator: 'chrome-extension://someoneelse' }), 'start', OWN)).toBe(null);
  });

  it('ignores what is not rate limited: static files, the socket, non-http URLs', () => {
    expect(tabRequest(details({ url: `${PORTAL}/static/scripts/app.js` }), 'start', OWN)).toBe(null);
    expect(tabRequest(details({ url: `${PORTAL}/socket.io/?EIO=4` }), 'start', OWN)).toBe(null);
    expect(tabRequest(details({ url: 'ws://team.example.com/api/2.0/x' }), 'start', OWN)).toBe(null);
    expect(tabRequest(details({ url: 'not a url' }), 'start', OWN)).toBe(null);
  });
});

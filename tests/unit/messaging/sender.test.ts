import { describe, expect, it } from 'vitest';
import { isOwnPage } from '../../../src/messaging/sender.ts';

const id = 'abcdefghijklmnopabcdefghijklmnop';
const base = `chrome-extension://${id}/`;

describe('isOwnPage', () => {
  it('accepts the popup and the options page', () => {
    expect(
      isOwnPage({ id, url: `${base}extension/popup/index.html`, origin: `chrome-extension://${id}` }, id, base),
    ).toBe(true);
    expect(isOwnPage({ id, url: `${base}extension/options/index.html` }, id, base)).toBe(true);
  });

  it('refuses another extension, a content script on a web page and a sender without a URL', () => {
    expect(isOwnPage({ id: 'other', url: `chrome-extension://other/x.html` }, id, base)).toBe(false);
    expect(isOwnPage({ id, url: 'https://evil.example.com/', origin: 'https://evil.example.com' }, id, base)).toBe(
      false,
    );
    expect(isOwnPage({ id, url: `${base}x.html`, origin: 'https://evil.example.com' }, id, base)).toBe(false);
    expect(isOwnPage({ id }, id, base)).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GECKO_ID, manifestFor, type SourceManifest } from '../../scripts/manifest-for.ts';

const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as SourceManifest & Record<string, unknown>;

describe('manifest', () => {
  it('asks for no host at install time: portal origins are requested when the user connects one', () => {
    expect(source.host_permissions).toBeUndefined();
    // Plain http only on loopback, as normalisePortalUrl allows: nothing broader may even be asked for.
    expect(source.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    // Notifications say when a job ended; offscreen + clipboardWrite are Chrome's clipboard for the worker (Copy
    // link on a notice: the offscreen document's copy is refused without clipboardWrite). Saving from pages: the
    // context menu, and reading the clicked tab only (activeTab + scripting), no host.
    expect(source.permissions).toEqual([
      'storage',
      'alarms',
      'sidePanel',
      'notifications',
      'offscreen',
      'clipboardWrite',
      'contextMenus',
      'scripting',
      'activeTab',
    ]);
    // Downloads are asked for when the user first downloads something, with the click; webRequest (to see the
    // user's own DocSpace tabs' requests, never to block one) with the portal's host at sign-in, if they agree.
    // identity (the OAuth sign-in window) with the portal's host, when the user picks OAuth. pageCapture
    // (Chrome's MHTML snapshot) at the first snapshot; Firefox has none and is not asked.
    expect(source.optional_permissions).toEqual(['downloads', 'webRequest', 'identity', 'pageCapture']);
    expect(manifestFor(source, 'firefox').optional_permissions).toEqual(['downloads', 'webRequest']);
    expect(source.optional_permissions).not.toContain('webRequestBlocking');
  });

  it('has a strict CSP for the extension pages and no remote code', () => {
    const csp = (source.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp.startsWith("default-src 'none';")).toBe(true);
    // The worker is governed by this policy too: it may reach https portals and loopback http, nothing else.
    expect(csp).toContain('connect-src https: http://127.0.0.1:* http://localhost:*;');
    expect(csp.replace(/connect-src [^;]*;/, '')).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    expect(source.externally_connectable).toBeUndefined();
  });

  it('keeps the service worker for Chrome', () => {
    expect(manifestFor(source, 'chrome').background).toEqual({
      service_worker: 'extension/background/index.ts',
      type: 'module',
    });
  });

  it('gives Firefox background scripts and a gecko id instead', () => {
    const firefox = manifestFor(source, 'firefox');
    expect(firefox.background).toEqual({ scripts: ['extension/background/index.ts'], type: 'module' });
    expect(firefox).toMatchObject({ browser_specific_settings: { gecko: { id: GECKO_ID } } });
    expect(firefox.minimum_chrome_version).toBeUndefined();
    // Firefox has no optional identity permission: the OAuth window's is granted at install there.
    expect(firefox.permissions).toContain('identity');
    expect(firefox.optional_permissions).toEqual(['downloads', 'webRequest']);
  });
});

describe('omnibox and notifications', () => {
  it('has the "ds" keyword in both browsers; Firefox is not asked for offscreen documents it does not have', () => {
    // It is asked for clipboardWrite: "Copy share link" in the menu writes the clipboard from its background page.
    expect(source.omnibox).toEqual({ keyword: 'ds' });
    const firefox = manifestFor(source, 'firefox') as Record<string, unknown> & { permissions: string[] };
    expect(firefox.omnibox).toEqual({ keyword: 'ds' });
    expect(firefox.permissions).toContain('notifications');
    expect(firefox.permissions).not.toContain('offscreen');
    expect(firefox.permissions).toContain('clipboardWrite');
  });
});

describe('side panel', () => {
  it('is the side panel in Chrome and the sidebar in Firefox, each opened by a keyboard command', () => {
    expect(source.side_panel).toEqual({ default_path: 'extension/sidepanel/index.html' });
    const firefox = manifestFor(source, 'firefox') as Record<string, unknown> & { permissions: string[] };
    expect(firefox.side_panel).toBeUndefined();
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox).toMatchObject({
      sidebar_action: { default_panel: 'extension/sidepanel/index.html' },
      commands: { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+S' } } },
    });
  });
});

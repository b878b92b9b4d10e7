import { browser } from './browser.ts';

/**
 * The match pattern for a portal's origin, without its port. Firefox takes no port in a match pattern: with one,
 * permissions.contains() answers false although the host is granted, and permissions.request() opens a prompt
 * again. Chrome reads a pattern without a port as every port of that host, so the grant is the same in both.
 * Ports only appear on self-hosted portals, where the host is the user's own server either way.
 */
const patternFor = (origin: string): string => {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
};

export function hasHostPermission(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [patternFor(origin)] });
}

/** Must be called straight from a click handler: browsers grant host access only inside a user gesture. */
export async function requestHostPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [patternFor(origin)] });
  } catch {
    return false;
  }
}

export function onHostPermissionsChanged(listener: () => void): void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
}

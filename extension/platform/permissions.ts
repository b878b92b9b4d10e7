import { browser } from './browser.ts';

const patternFor = (origin: string): string => `${origin}/*`;

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

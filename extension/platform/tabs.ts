import { browser } from './browser.ts';

/** Opens a portal page; only http(s) URLs are ever handed to the browser. */
export async function openUrl(url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error(`Refusing to open ${parsed.protocol} URL`);
  await browser.tabs.create({ url: parsed.toString() });
}

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { within } from '../e2e-shared/wait.ts';

/** Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi: no driver or browser download. */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      "No Firefox found. Install Debian's firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_PATH.",
    );
  }
  return found;
}

export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Without it BiDi neither navigates to moz-extension: pages nor reaches the parent process (parent-process.ts).
    args: ['--remote-allow-system-access'],
    timeout: 30_000,
    // FIREFOX_DUMPIO=1 shows Firefox's own output, where the add-on's uncaught errors appear.
    dumpio: process.env.FIREFOX_DUMPIO === '1',
    // A protocol call that hangs fails the test instead of holding it until the test timeout.
    protocolTimeout: 30_000,
    extraPrefsFirefox: {
      // The network here is closed: keep Firefox from trying its own services.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.region.network.url': '',
    },
  });
}

/** Closes Firefox, and kills the process puppeteer started for it if closing does not finish. */
export async function closeFirefox(browser: Browser): Promise<void> {
  try {
    await within('closing Firefox', 15_000, browser.close());
  } catch {
    browser.process()?.kill('SIGKILL');
  }
}

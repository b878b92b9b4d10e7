import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { waitFor, within } from '../e2e-shared/wait.ts';
import { FirefoxDriver } from './firefox-driver.ts';
import { closeFirefox } from './launch-firefox.ts';
import { backgroundOf, evaluateInParent } from './parent-process.ts';

/**
 * The test copy of dist/firefox as a temporary add-on, installed fresh for each test. Uninstalling removes its
 * storage.local, alarms and pages (checked by hand: a marker and an alarm set before were gone after a reinstall),
 * so each test starts as a new install would, without the three seconds of a new Firefox.
 */
export const ADDON_UUID = '0c5f3a52-7d1e-4b6a-9f3c-d0c500000e2e';

function geckoIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Firefox gives each add-on a random internal UUID (its moz-extension:// host) unless the
 * extensions.webextensions.uuids pref names one. Uninstalling drops the entry, so it is set before every install.
 */
async function pinUuid(browser: Browser, addonId: string): Promise<void> {
  await evaluateInParent(
    browser,
    `const name = 'extensions.webextensions.uuids';
     const uuids = JSON.parse(Services.prefs.getStringPref(name, '{}'));
     uuids[${JSON.stringify(addonId)}] = ${JSON.stringify(ADDON_UUID)};
     Services.prefs.setStringPref(name, JSON.stringify(uuids));`,
  );
}

export interface InstalledAddon {
  driver: FirefoxDriver;
  /** Uninstalls the add-on and closes every tab but one, for the next test. */
  remove(): Promise<void>;
}

export async function installTestAddon(browser: Browser, extensionDir: string): Promise<InstalledAddon> {
  const addonId = geckoIdOf(extensionDir);
  await pinUuid(browser, addonId);
  await within('installing the add-on', 15_000, browser.installExtension(extensionDir));
  // A background that fails to start shows here, not later as a page that never answers.
  const background = backgroundOf(browser, addonId);
  await waitFor('the add-on background to start', 10_000, async () =>
    (await background.state()) === 'running' ? true : undefined,
  );
  return {
    driver: new FirefoxDriver(browser, addonId, `moz-extension://${ADDON_UUID}/`),
    async remove() {
      if (!browser.connected) return;
      try {
        await within('uninstalling the add-on', 15_000, browser.uninstallExtension(addonId));
        const [keep, ...rest] = await browser.pages();
        await Promise.all(rest.map((page) => page.close()));
        if (!keep) await browser.newPage();
      } catch (error) {
        // A Firefox that cannot be cleaned for the next test is closed; the next test starts a new one.
        await closeFirefox(browser);
        throw error;
      }
    },
  };
}

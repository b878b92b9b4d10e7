import { test as base, expect } from '@playwright/test';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { resetSandbox } from '../e2e-shared/sandbox-api.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { prepareLoadableExtension } from '../support/loadable-extension.ts';
import { specViolations } from '../support/spec-conformance.ts';
import type { FirefoxDriver } from './firefox-driver.ts';
import { closeFirefox, launchFirefox } from './launch-firefox.ts';
import { installTestAddon } from './test-addon.ts';

/**
 * Playwright Test runs the Firefox suite too (timeouts, fixtures, reports), but no Playwright browser: each worker
 * starts one Firefox, driven by puppeteer, always closed at the end; each test gets the add-on freshly installed.
 */
interface WorkerFixtures {
  sandbox: Sandbox;
  extensionDir: string;
  /** Starts a new Firefox when the last one died (a crash in one test does not fail the rest). */
  firefox: () => Promise<Browser>;
}

export const test = base.extend<{ driver: FirefoxDriver; requestsMatchSpec: void }, WorkerFixtures>({
  /** Every test: what the add-on sent must be what the official API documents describe. */
  requestsMatchSpec: [
    async ({ sandbox }, use) => {
      const from = sandbox.log.lastSeq;
      await use();
      expect(specViolations(sandbox.log, from), 'requests the official API documents do not describe').toEqual([]);
    },
    { auto: true },
  ],
  sandbox: [
    async ({}, use) => {
      const sandbox = await startSandbox({ port: 0 });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  extensionDir: [
    async ({}, use) => {
      // The same loopback grant as the Chromium copy: permission prompts cannot be answered by automation.
      const dir = prepareLoadableExtension(resolve('dist/firefox'));
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  firefox: [
    async ({}, use) => {
      let browser: Browser | undefined;
      await use(async () => {
        if (!browser?.connected) {
          if (browser) await closeFirefox(browser);
          browser = await launchFirefox();
        }
        return browser;
      });
      if (browser) await closeFirefox(browser);
    },
    { scope: 'worker' },
  ],
  driver: async ({ extensionDir, sandbox, firefox }, use) => {
    await resetSandbox(sandbox.url);
    const addon = await installTestAddon(await firefox(), extensionDir);
    try {
      await use(addon.driver);
    } finally {
      await addon.remove();
    }
  },
});

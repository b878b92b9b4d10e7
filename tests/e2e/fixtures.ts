import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/server.ts';
import { TFA_USER } from '../sandbox/demo-account.ts';
import { ChromiumDriver } from './chromium-driver.ts';
import { specViolations } from '../support/spec-conformance.ts';
import { chromiumArgs, chromiumPath, prepareLoadableExtension } from '../support/loadable-extension.ts';

export type { LogEntry as SandboxLogEntry } from '../sandbox/request-log.ts';
import type { LogEntry as SandboxLogEntry } from '../sandbox/request-log.ts';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

// Playwright inspects the network of every service worker it attaches to. Stopping the extension's worker
// (ServiceWorker.stopWorker, the bulk-job test) while that inspection has requests in flight crashed Chromium 156
// (SIGTRAP in the browser process) in most runs on a loaded machine, and in none of 24 without it. No test reads
// the worker's requests through Playwright (the sandbox log is the record), so the inspection is off.
process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';

/** The test's browser profile: launched once by `context`, again by a test that restarts the browser. */
interface Profile {
  launch(): Promise<BrowserContext>;
  /** Runs for the first context and for every relaunched one (listeners a test's checks need on each). */
  onContext(listener: (context: BrowserContext) => void): void;
}

interface Fixtures {
  /** The browser's interface language (what chrome.i18n reads); `test.use({ uiLanguage: 'ru' })`. */
  uiLanguage: string;
  profile: Profile;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The shared tests' browser (tests/e2e-shared): the same bodies run in Firefox through tests/firefox. */
  driver: ChromiumDriver;
  /** Every URL an extension page (not the worker) requested; the product promises none go to the portal. */
  pageRequests: string[];
  openOptions: () => Promise<Page>;
  /** The popup page at 380×600; `init` runs in it before its own scripts (spies, recorders). */
  openPopup: (init?: () => void) => Promise<Page>;
  /** Signs in with the demo API key and waits until the options page says it worked. */
  signedIn: () => Promise<void>;
  signInWithApiKey: (apiKey?: string) => Promise<Page>;
  signInWithPassword: (password?: string) => Promise<Page>;
  sandboxLog: () => Promise<SandboxLogEntry[]>;
  /** Every test: what the extension sent must be what the official API documents describe. */
  requestsMatchSpec: void;
  /** Every test: no page and no worker logs a credential (a key, a password, a bearer token). */
  noSecretsLogged: void;
}

export const test = base.extend<Fixtures, { sandbox: Sandbox; extensionDir: string }>({
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
      const dir = prepareLoadableExtension();
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  requestsMatchSpec: [
    async ({ sandbox }, use) => {
      const from = sandbox.log.lastSeq;
      await use();
      expect(specViolations(sandbox.log, from), 'requests the official API documents do not describe').toEqual([]);
    },
    { auto: true },
  ],
  noSecretsLogged: [
    async ({ context, profile, sandbox }, use) => {
      void context; // asked for so that the first browser is up: onContext reaches it and every relaunched one
      const logged: string[] = [];
      const listen = (message: { text(): string }) => void logged.push(message.text());
      const attach = (worker: Worker) => void worker.on('console', listen);
      profile.onContext((each) => {
        each.on('console', listen);
        each.serviceWorkers().forEach(attach);
        each.on('serviceworker', attach);
      });
      await use();
      const secrets = [sandbox.demo.apiKey, sandbox.demo.password, TFA_USER.password];
      const leaks = logged.filter(
        (line) =>
          secrets.some((secret) => line.includes(secret)) ||
          /\bsk-[0-9a-f]{64}\b/.test(line) ||
          /Bearer\s+[\w.-]{16,}/.test(line),
      );
      expect(leaks, 'console lines with a credential').toEqual([]);
    },
    { auto: true },
  ],
  uiLanguage: ['en-US', { option: true }],
  pageRequests: async ({}, use) => {
    await use([]);
  },
  profile: async ({ extensionDir, sandbox, uiLanguage }, use) => {
    await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
    const userDataDir = mkdtempSync(join(tmpdir(), 'dpt-profile-'));
    const launched: BrowserContext[] = [];
    const listeners: Array<(context: BrowserContext) => void> = [];
    await use({
      async launch() {
        const context = await chromium.launchPersistentContext(userDataDir, {
          executablePath: chromiumPath(),
          headless: true,
          // Chromium on Linux takes its interface language from LANGUAGE; --lang covers the other platforms.
          args: [...chromiumArgs(extensionDir), `--lang=${uiLanguage}`],
          env: { ...process.env, LANGUAGE: uiLanguage },
          locale: uiLanguage,
        });
        launched.push(context);
        for (const listener of listeners) listener(context);
        return context;
      },
      onContext(listener) {
        listeners.push(listener);
        launched.forEach(listener);
      },
    });
    for (const context of launched) await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
  context: async ({ profile, pageRequests }, use) => {
    profile.onContext((context) =>
      context.on('page', (page) => {
        page.on('request', (request) => {
          if (page.url().startsWith('chrome-extension://')) pageRequests.push(request.url());
        });
      }),
    );
    await use(await profile.launch());
  },
  worker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  driver: async ({ context, extensionId, profile }, use) => {
    await use(
      new ChromiumDriver(context, extensionId, async (current) => {
        await current.close();
        return profile.launch();
      }),
    );
  },
  openOptions: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/extension/options/index.html`);
      return page;
    });
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async (init) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      if (init) await page.addInitScript(init);
      await page.goto(`chrome-extension://${extensionId}/extension/popup/index.html`);
      return page;
    });
  },
  signInWithApiKey: async ({ openOptions, sandbox }, use) => {
    await use(async (apiKey = sandbox.demo.apiKey) => {
      const options = await openOptions();
      await options.getByLabel('Portal address').fill(sandbox.url);
      await options.locator('input[name=apiKey]').fill(apiKey);
      await options.getByRole('button', { name: 'Connect' }).click();
      return options;
    });
  },
  signedIn: async ({ signInWithApiKey }, use) => {
    await use(async () => {
      await (await signInWithApiKey()).getByTestId('signin-success').waitFor();
    });
  },
  signInWithPassword: async ({ openOptions, sandbox }, use) => {
    await use(async (password = sandbox.demo.password) => {
      const options = await openOptions();
      await options.getByLabel('Portal address').fill(sandbox.url);
      await options.getByLabel('E-mail and password').check();
      await options.getByLabel('E-mail', { exact: true }).fill(sandbox.demo.email);
      await options.getByLabel('Password', { exact: true }).fill(password);
      await options.getByRole('button', { name: 'Connect' }).click();
      return options;
    });
  },
  sandboxLog: async ({ sandbox }, use) => {
    await use(async () => {
      const response = await fetch(`${sandbox.url}/__sandbox/log`);
      return ((await response.json()) as { entries: SandboxLogEntry[] }).entries;
    });
  },
});

export { expect };

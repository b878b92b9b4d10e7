import type { BrowserContext, CDPSession, Locator, Page } from '@playwright/test';
import type { ExtensionDriver, ExtensionPage, Target, WebPage } from '../e2e-shared/driver.ts';
import { waitFor } from '../e2e-shared/wait.ts';
import { putFilesInPage, type PutFiles } from '../e2e-shared/files.ts';
import AxeBuilder from '@axe-core/playwright';

/** The shared driver over Playwright in Chromium: pages are tabs of chrome-extension://<id>/… */
const ACTION_TIMEOUT_MS = 8_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function locate(page: Page, target: Target): Locator {
  if ('testId' in target) return page.getByTestId(target.testId);
  if ('role' in target)
    return page.getByRole(target.role, target.name === undefined ? {} : { name: target.name, exact: true });
  if ('label' in target) return page.getByLabel(target.label, { exact: true });
  const all = page.locator(target.css);
  if (target.text === undefined) return all;
  const text = typeof target.text === 'string' ? new RegExp(`^\\s*${escapeRegExp(target.text)}\\s*$`) : target.text;
  return all.filter({ hasText: text });
}

class ChromiumPage implements ExtensionPage {
  constructor(private readonly page: Page) {}

  fill = (target: Target, value: string) =>
    locate(this.page, target).first().fill(value, { timeout: ACTION_TIMEOUT_MS });
  select = async (target: Target, option: string) =>
    void (await locate(this.page, target).first().selectOption({ label: option }, { timeout: ACTION_TIMEOUT_MS }));
  click = (target: Target) => locate(this.page, target).first().click({ timeout: ACTION_TIMEOUT_MS });

  async clickInPage(target: Target): Promise<void> {
    await locate(this.page, target)
      .first()
      .evaluate((el: HTMLElement) => el.click(), undefined, { timeout: ACTION_TIMEOUT_MS });
  }

  async putFiles(target: Target, input: PutFiles): Promise<void> {
    await locate(this.page, target).first().evaluate(putFilesInPage, input, { timeout: ACTION_TIMEOUT_MS });
  }

  async scrollToEnd(css: string): Promise<void> {
    await this.page
      .locator(css)
      .first()
      .evaluate((el) => el.scrollTo(0, el.scrollHeight), undefined, { timeout: ACTION_TIMEOUT_MS });
  }

  // evaluateAll and count answer at once, without Playwright's auto-waiting: the shared assertions poll.
  text = (target: Target) =>
    locate(this.page, target).evaluateAll((els) => els[0]?.textContent?.replace(/\s+/g, ' ').trim() ?? null);
  count = (target: Target) => locate(this.page, target).count();
  visible = (target: Target) => locate(this.page, target).first().isVisible();
  value = (target: Target) =>
    locate(this.page, target).evaluateAll((els) => (els[0] as HTMLInputElement | undefined)?.value ?? null);
  attribute = (target: Target, name: string) =>
    locate(this.page, target).evaluateAll((els, n) => els[0]?.getAttribute(n) ?? null, name);

  async command<T>(name: string, payload: unknown): Promise<T> {
    type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    const reply = (await this.page.evaluate(
      ([n, p]) =>
        (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'dpt/command', name: n, payload: p }),
      [name, payload] as const,
    )) as { ok: boolean; value?: T; error?: unknown };
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    return reply.value as T;
  }

  async fetchFromPage(url: string): Promise<void> {
    await this.page.evaluate(
      (u) =>
        fetch(u).then(
          () => undefined,
          () => undefined,
        ),
      url,
    );
  }

  press = (key: string) => this.page.keyboard.press(key);

  focused = (attribute?: string) =>
    this.page.evaluate((name) => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return {
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        tag: el.getAttribute('role') ?? el.tagName.toLowerCase(),
        attribute: name ? el.getAttribute(name) : null,
      };
    }, attribute ?? null);

  async colorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMedia({ colorScheme: scheme });
  }

  async accessibilityViolations() {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  }

  /** The Playwright page, for what only Chromium's tests do (colour schemes, screenshots). */
  get raw(): Page {
    return this.page;
  }

  close = () => this.page.close();
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

export class ChromiumDriver implements ExtensionDriver {
  readonly browserName = 'chromium';
  readonly pageRequests: string[] = [];
  private cdp: Promise<{ session: CDPSession; versions: Map<string, WorkerVersion> }> | undefined;

  constructor(
    private context: BrowserContext,
    private readonly extensionId: string,
    private readonly relaunch?: (current: BrowserContext) => Promise<BrowserContext>,
  ) {
    this.recordRequests(context);
  }

  private recordRequests(context: BrowserContext) {
    context.on('page', (page) => {
      page.on('request', (request) => {
        if (page.url().startsWith('chrome-extension://')) this.pageRequests.push(request.url());
      });
    });
  }

  /**
   * Closes the browser (every page, the worker mid-request) and starts it again on the same profile, as a user
   * quitting and reopening it: what the extension stored survives, nothing in memory does. Earlier pages are gone.
   */
  async restartBrowser(): Promise<void> {
    if (!this.relaunch) throw new Error('this driver was made without a way to relaunch its browser');
    this.context = await this.relaunch(this.context);
    this.cdp = undefined;
    this.recordRequests(this.context);
  }

  private async open(path: string): Promise<ChromiumPage> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/${path}`);
    return new ChromiumPage(page);
  }

  openOptions = () => this.open('extension/options/index.html');

  async openWebPage(url: string): Promise<WebPage> {
    const page = await this.context.newPage();
    await page.goto(url);
    return {
      evaluate: <T>(expression: string) => page.evaluate<T>(expression),
      close: () => page.close(),
    };
  }

  async openPopup(): Promise<ChromiumPage> {
    const page = await this.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${this.extensionId}/extension/popup/index.html`);
    return new ChromiumPage(page);
  }

  async openSidePanel(): Promise<ChromiumPage> {
    const page = await this.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(`chrome-extension://${this.extensionId}/extension/sidepanel/index.html`);
    return new ChromiumPage(page);
  }

  async urlOfTabOpenedBy(action: () => Promise<void>): Promise<string> {
    const opened = this.context.waitForEvent('page', { timeout: ACTION_TIMEOUT_MS });
    await action();
    const tab = await opened;
    await tab.waitForURL((url) => url.href !== 'about:blank', { waitUntil: 'commit', timeout: ACTION_TIMEOUT_MS });
    return tab.url();
  }

  /**
   * CDP's ServiceWorker.stopWorker is Chrome's own stop (what it does to an idle or overdue worker): its memory,
   * timers and fetches are gone. Target.closeTarget, the other way, crashed this Chromium (156) about one run in
   * five. The CDP session lives on a non-extension tab so that it keeps no extension page open.
   */
  private workers() {
    this.cdp ??= (async () => {
      const blank =
        this.context.pages().find((page) => !page.url().startsWith('chrome-extension://')) ??
        (await this.context.newPage());
      const session = await this.context.newCDPSession(blank);
      const versions = new Map<string, WorkerVersion>();
      session.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
        for (const version of event.versions) versions.set(version.versionId, version);
      });
      await session.send('ServiceWorker.enable');
      return { session, versions };
    })();
    return this.cdp;
  }

  private async runningWorker(): Promise<WorkerVersion | undefined> {
    const { versions } = await this.workers();
    return [...versions.values()].find((v) => v.scriptURL.includes(this.extensionId) && v.runningStatus === 'running');
  }

  backgroundRunning = async () => (await this.runningWorker()) !== undefined;

  async inBackground<T>(fn: string): Promise<T> {
    const worker = await waitFor('the extension’s service worker', 10_000, async () =>
      this.context.serviceWorkers().findLast((w) => w.url().includes(this.extensionId)),
    );
    return worker.evaluate<T>(`(async () => JSON.parse(JSON.stringify(await (${fn})(globalThis) ?? null)))()`);
  }

  /** The extension's worker, started first if it is not running (opening an extension page starts it). */
  private async worker() {
    const find = () => this.context.serviceWorkers().find((w) => w.url().includes(this.extensionId));
    if (!(await this.backgroundRunning())) {
      const page = await this.open('extension/popup/index.html');
      await page.close();
    }
    return waitFor('the extension’s service worker', 10_000, async () => find());
  }

  async callBackground<T>(name: string, args: unknown[]): Promise<T> {
    const worker = await this.worker();
    return (await worker.evaluate(
      ([n, a]) => (self as unknown as Record<string, (...x: unknown[]) => unknown>)[n]!(...a),
      [name, args] as const,
    )) as T;
  }

  async tabOf(url: string): Promise<{ id: number; url: string; title: string; index: number; windowId: number }> {
    type Tab = { id?: number; url?: string; title?: string; index: number; windowId: number };
    type Tabs = { tabs: { query(q: object): Promise<Tab[]> } };
    const worker = await this.worker();
    return worker.evaluate(async (u) => {
      const found = (await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({})).find((x) => x.url === u);
      return { id: found!.id!, url: found!.url!, title: found!.title!, index: found!.index, windowId: found!.windowId };
    }, url);
  }

  /** Read in a page of `origin`, which is granted clipboard-read (the extension's copy lands on the same clipboard). */
  async readClipboard(origin: string): Promise<string> {
    await this.context.grantPermissions(['clipboard-read'], { origin });
    const reader = await this.context.newPage();
    try {
      await reader.goto(`${origin}/__sandbox/state`);
      return await reader.evaluate(() => navigator.clipboard.readText());
    } finally {
      await reader.close();
    }
  }

  async stopBackground(): Promise<void> {
    const running = await waitFor('a running service worker', 10_000, () => this.runningWorker());
    const { session, versions } = await this.workers();
    await session.send('ServiceWorker.stopWorker', { versionId: running.versionId });
    // "stopped", not merely "not running": an extension page opened while the worker is still "stopping" starts
    // it again mid-stop, and that crashed this Chromium (SIGTRAP) in about one run in three under load. A worker
    // in the middle of a large download took more than 10 s to stop with both suites running side by side, so
    // the stop is asked again every 5 s, for up to 30 s.
    let askedAt = Date.now();
    await waitFor('the service worker to stop', 30_000, async () => {
      if (versions.get(running.versionId)?.runningStatus === 'stopped') return true;
      if (Date.now() - askedAt > 5_000) {
        askedAt = Date.now();
        await session.send('ServiceWorker.stopWorker', { versionId: running.versionId }).catch(() => undefined);
      }
      return undefined;
    });
  }
}

import type { Browser, Page, Target as BrowserTarget } from 'puppeteer-core';
import type { ExtensionDriver, WebPage } from '../e2e-shared/driver.ts';
import { waitFor } from '../e2e-shared/wait.ts';
import { FirefoxPage } from './firefox-page.ts';
import { backgroundOf, evaluateInParent } from './parent-process.ts';

const PAGE_READY_TIMEOUT_MS = 10_000;

/** The shared driver over puppeteer in Firefox: pages are tabs of moz-extension://<fixed uuid>/… */
export class FirefoxDriver implements ExtensionDriver {
  readonly browserName = 'firefox';
  readonly pageRequests: string[] = [];
  private readonly background: ReturnType<typeof backgroundOf>;

  constructor(
    private readonly browser: Browser,
    addonId: string,
    private readonly baseUrl: string,
  ) {
    this.background = backgroundOf(browser, addonId);
  }

  private async open(path: string, viewport?: { width: number; height: number }): Promise<FirefoxPage> {
    const page = await this.browser.newPage();
    this.recordRequests(page);
    if (viewport) await page.setViewport(viewport);
    // Firefox sends BiDi no load event for moz-extension: documents, so waiting for 'load' times out. An empty
    // waitUntil waits for the navigation request alone; then the document itself says when it has loaded.
    await page.goto(`${this.baseUrl}${path}`, { waitUntil: [], timeout: PAGE_READY_TIMEOUT_MS });
    await waitFor(`${path} to load`, PAGE_READY_TIMEOUT_MS, async () =>
      (await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete'))
        ? true
        : undefined,
    );
    return new FirefoxPage(page);
  }

  /**
   * Every request of a page the driver opened: they are all extension pages. (Puppeteer keeps their URL at
   * about:blank, since Firefox reports no BiDi navigation events for moz-extension: documents, so it cannot be
   * checked here as the Chromium driver does.)
   */
  private recordRequests(page: Page): void {
    page.on('request', (request) => this.pageRequests.push(request.url()));
  }

  openOptions = () => this.open('extension/options/index.html');

  async openWebPage(url: string): Promise<WebPage> {
    const page = await this.browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_READY_TIMEOUT_MS });
    return {
      evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
      close: () => page.close(),
    };
  }
  openPopup = () => this.open('extension/popup/index.html', { width: 380, height: 600 });
  openSidePanel = () => this.open('extension/sidepanel/index.html', { width: 400, height: 800 });

  async urlOfTabOpenedBy(action: () => Promise<void>): Promise<string> {
    const known = new Set(this.browser.targets());
    const opened = this.browser.waitForTarget((t: BrowserTarget) => t.type() === 'page' && !known.has(t), {
      timeout: 8_000,
    });
    await action();
    const tab = await opened;
    // An http(s) tab reports its URL; an extension tab stays about:blank to puppeteer, so ask its document.
    const page = await tab.page();
    return waitFor('the new tab to get its URL', 8_000, async () => {
      const url = tab.url() !== 'about:blank' ? tab.url() : await page?.evaluate(() => location.href);
      return url && url !== 'about:blank' ? url : undefined;
    });
  }

  /**
   * Through an extension page: runtime.getBackgroundPage gives the event page's window (started if it was
   * suspended), whose function is called directly; the page's script is the test's, not subject to its CSP.
   */
  async callBackground<T>(name: string, args: unknown[]): Promise<T> {
    const page = await this.open('extension/popup/index.html');
    try {
      return (await page.raw.evaluate(
        async (n: string, a: unknown[]) => {
          type Runtime = { runtime: { getBackgroundPage(): Promise<Record<string, (...x: unknown[]) => unknown>> } };
          const background = await (globalThis as unknown as { browser: Runtime }).browser.runtime.getBackgroundPage();
          return JSON.parse(JSON.stringify((await background[n]!(...a)) ?? null)) as unknown;
        },
        name,
        args,
      )) as T;
    } finally {
      await page.close();
    }
  }

  async tabOf(url: string): Promise<{ id: number; url: string; title: string; index: number; windowId: number }> {
    const page = await this.open('extension/popup/index.html');
    try {
      return await page.raw.evaluate(async (u: string) => {
        type Tab = { id?: number; url?: string; title?: string; index: number; windowId: number };
        type Tabs = { tabs: { query(q: object): Promise<Tab[]> } };
        // All tabs, compared here: a match pattern cannot hold the sandbox's port in Firefox.
        const found = (await (globalThis as unknown as { browser: Tabs }).browser.tabs.query({})).find(
          (x) => x.url === u,
        );
        return {
          id: found!.id!,
          url: found!.url!,
          title: found!.title!,
          index: found!.index,
          windowId: found!.windowId,
        };
      }, url);
    } finally {
      await page.close();
    }
  }

  /** Read by Firefox itself (its parent process): a web page's read would ask the user first. */
  async readClipboard(): Promise<string> {
    return String(
      await evaluateInParent(
        this.browser,
        `const transfer = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
         transfer.init(window.docShell.QueryInterface(Ci.nsILoadContext));
         transfer.addDataFlavor('text/plain');
         Services.clipboard.getData(transfer, Services.clipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
         const data = {};
         transfer.getTransferData('text/plain', data);
         return data.value.QueryInterface(Ci.nsISupportsString).data;`,
      ),
    );
  }

  backgroundRunning = async () => (await this.background.state()) === 'running';

  /** An extension tab of its own, opened once: it reaches the event page through runtime.getBackgroundPage. */
  private helper: Promise<Page> | undefined;

  async inBackground<T>(fn: string): Promise<T> {
    this.helper ??= (async () => {
      const page = await this.browser.newPage();
      await page.goto(`${this.baseUrl}extension/options/index.html`, { waitUntil: [], timeout: PAGE_READY_TIMEOUT_MS });
      await waitFor('the helper page to load', PAGE_READY_TIMEOUT_MS, async () =>
        (await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete'))
          ? true
          : undefined,
      );
      return page;
    })();
    const page = await this.helper;
    const expression = `(async () => {
      const scope = await browser.runtime.getBackgroundPage();
      return JSON.parse(JSON.stringify((await (${fn})(scope)) ?? null));
    })()`;
    return (await page.evaluate(expression)) as T;
  }

  async stopBackground(): Promise<void> {
    await waitFor('a running event page', 10_000, async () => ((await this.backgroundRunning()) ? true : undefined));
    await this.background.terminate();
    await waitFor('the event page to stop', 10_000, async () =>
      (await this.background.state()) === 'stopped' ? true : undefined,
    );
  }
}

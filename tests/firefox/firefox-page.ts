import type { ElementHandle, Page } from 'puppeteer-core';
import type { ExtensionPage, Target } from '../e2e-shared/driver.ts';
import { waitFor } from '../e2e-shared/wait.ts';
import { putFilesInPage, type PutFiles } from '../e2e-shared/files.ts';

/**
 * The shared page interface over puppeteer in Firefox (WebDriver BiDi). Roles and labels are found in Firefox's
 * accessibility tree (puppeteer's ::-p-aria, BiDi's accessibility locator), as Playwright finds them in Chromium's.
 * Each BiDi call is a round trip of tens of milliseconds, so CSS and test-id reads are answered by one script in
 * the page instead of through element handles.
 */
const ACTION_TIMEOUT_MS = 8_000;

interface Snapshot {
  count: number;
  /** Of the first match. */
  text: string | null;
  visible: boolean;
  attribute: string | null;
}

type CssQuery = { css: string; exact: string | null; pattern: { source: string; flags: string } | null };

function cssQuery(target: Target): CssQuery | null {
  if ('testId' in target) return { css: `[data-testid=${JSON.stringify(target.testId)}]`, exact: null, pattern: null };
  if (!('css' in target)) return null;
  const { text } = target;
  return {
    css: target.css,
    exact: typeof text === 'string' ? text : null,
    pattern: text instanceof RegExp ? { source: text.source, flags: text.flags } : null,
  };
}

function ariaSelector(query: { role?: string; name?: string }): string {
  const parts = Object.entries(query).filter(([, value]) => value !== undefined);
  for (const [, value] of parts) {
    // Puppeteer's ::-p-aria parser has no escape for quotes.
    if (value!.includes('"')) throw new Error(`An accessible name with a double quote cannot be queried: ${value}`);
  }
  return `::-p-aria(${parts.map(([key, value]) => `[${key}="${value}"]`).join('')})`;
}

/**
 * Runs in the page: the elements `query` selects (or `given` alone), and what the shared reads want of the
 * first. Visible as Playwright means it: a box of non-zero size, not display:none or visibility:hidden.
 */
function inspectInPage(
  query: CssQuery | null,
  given: Element | null,
  attribute: string | null,
): { count: number; first: Omit<Snapshot, 'count'> | null } {
  // No named inner functions: the test runner's transform would wrap them in a helper the page does not have.
  const all: Array<{ el: Element; text: string }> = [];
  const regex = query?.pattern ? new RegExp(query.pattern.source, query.pattern.flags) : null;
  for (const el of query ? document.querySelectorAll(query.css) : given ? [given] : []) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!query || (regex ? regex.test(text) : query.exact === null || text === query.exact)) all.push({ el, text });
  }
  if (!all[0]) return { count: 0, first: null };
  const { el: first, text } = all[0];
  const box = first.getBoundingClientRect();
  return {
    count: all.length,
    first: {
      text,
      visible: box.width > 0 && box.height > 0 && first.checkVisibility({ visibilityProperty: true }),
      attribute: attribute === null ? null : first.getAttribute(attribute),
    },
  };
}

export class FirefoxPage implements ExtensionPage {
  constructor(private readonly page: Page) {}

  /** Element handles of a role or label target, found in the accessibility tree. */
  private async accessible(target: Target): Promise<ElementHandle<Element>[]> {
    if ('role' in target) return this.page.$$(ariaSelector({ role: target.role, name: target.name }));
    if (!('label' in target)) throw new Error(`Not a role or label target: ${JSON.stringify(target)}`);
    // The label names its control, and the tree may hold the label's own text under the same name.
    const named = await this.page.$$(ariaSelector({ name: target.label }));
    const controls: ElementHandle<Element>[] = [];
    for (const handle of named) {
      if (await handle.evaluate((el) => ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) controls.push(handle);
      else await handle.dispose();
    }
    return controls;
  }

  private async snapshot(target: Target, attribute: string | null = null): Promise<Snapshot> {
    const query = cssQuery(target);
    const empty = { text: null, visible: false, attribute: null };
    if (query) {
      const seen = await this.page.evaluate(inspectInPage, query, null, attribute);
      return { count: seen.count, ...empty, ...seen.first };
    }
    // Handles stay alive in the page until released, so every one is released after use.
    const handles = await this.accessible(target);
    try {
      const seen = handles[0] ? await this.page.evaluate(inspectInPage, null, handles[0], attribute) : null;
      return { count: handles.length, ...empty, ...seen?.first };
    } finally {
      await Promise.all(handles.map((h) => h.dispose()));
    }
  }

  /** The first match as a handle (the caller releases it), or null. */
  private async first(target: Target): Promise<ElementHandle<Element> | null> {
    const query = cssQuery(target);
    if (!query) {
      const handles = await this.accessible(target);
      await Promise.all(handles.slice(1).map((h) => h.dispose()));
      return handles[0] ?? null;
    }
    // The same selection as inspectInPage, handing back the element itself.
    const handle = await this.page.evaluateHandle((q: CssQuery) => {
      const regex = q.pattern ? new RegExp(q.pattern.source, q.pattern.flags) : null;
      for (const el of document.querySelectorAll(q.css)) {
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (regex ? regex.test(text) : q.exact === null || text === q.exact) return el;
      }
      return null;
    }, query);
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (!element) await handle.dispose();
    return element;
  }

  /**
   * Waits (bounded) until the first match is visible, then acts on it once: an action is never repeated, so a
   * click that did its work and then failed cannot click twice.
   */
  private async act(target: Target, what: string, use: (el: ElementHandle<Element>) => Promise<void>): Promise<void> {
    const element = await waitFor(`${JSON.stringify(target)} to ${what}`, ACTION_TIMEOUT_MS, async () => {
      const found = await this.first(target);
      if (!found) return undefined;
      const { first } = await this.page.evaluate(inspectInPage, null, found, null);
      if (first?.visible) return found;
      await found.dispose();
      return undefined;
    });
    try {
      await use(element);
    } finally {
      await element.dispose();
    }
  }

  select(target: Target, option: string): Promise<void> {
    return this.act(target, 'select', (el) =>
      el.evaluate((control, label) => {
        const select = control as HTMLSelectElement;
        const chosen = [...select.options].find((o) => o.text.trim() === label);
        if (!chosen) throw new Error(`no option "${label}"`);
        select.focus();
        select.value = chosen.value;
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, option),
    );
  }

  fill(target: Target, value: string): Promise<void> {
    // As Playwright's fill does: set the value and fire input, so the page's state sees it. Typing 300 lines of
    // folder names key by key over BiDi would take most of a minute.
    return this.act(target, 'fill', (el) =>
      el.evaluate((control, v) => {
        const input = control as HTMLInputElement | HTMLTextAreaElement;
        input.focus();
        const prototype = Object.getPrototypeOf(input) as object;
        Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(input, v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, value),
    );
  }

  click = (target: Target) => this.act(target, 'click', (el) => el.click());

  clickInPage = (target: Target) =>
    this.act(target, 'click in page', (el) => el.evaluate((node) => (node as HTMLElement).click()));

  async putFiles(target: Target, input: PutFiles): Promise<void> {
    // A file input is hidden: found, not waited for to be visible.
    const element = await waitFor(`${JSON.stringify(target)} to take files`, ACTION_TIMEOUT_MS, () =>
      this.first(target).then((e) => e ?? undefined),
    );
    try {
      await element.evaluate(putFilesInPage, input);
    } finally {
      await element.dispose();
    }
  }

  async scrollToEnd(css: string): Promise<void> {
    await this.act({ css }, 'scroll', (el) => el.evaluate((node) => node.scrollTo(0, node.scrollHeight)));
  }

  text = async (target: Target) => (await this.snapshot(target)).text;
  count = async (target: Target) => (await this.snapshot(target)).count;
  visible = async (target: Target) => (await this.snapshot(target)).visible;
  attribute = async (target: Target, name: string) => (await this.snapshot(target, name)).attribute;
  async value(target: Target): Promise<string | null> {
    const element = await this.first(target);
    if (!element) return null;
    try {
      return await element.evaluate((el) => (el as HTMLInputElement).value ?? null);
    } finally {
      await element.dispose();
    }
  }

  async command<T>(name: string, payload: unknown): Promise<T> {
    // Firefox pages have `chrome` too, with promises, as Chrome's MV3 pages do.
    type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    const reply = (await this.page.evaluate(
      (n, p) =>
        (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'dpt/command', name: n, payload: p }),
      name,
      payload,
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

  press = (key: string) => {
    const parts = key.split('+');
    const main = parts.pop()!;
    return (async () => {
      for (const modifier of parts) await this.page.keyboard.down(modifier as never);
      await this.page.keyboard.press(main as never);
      for (const modifier of parts.reverse()) await this.page.keyboard.up(modifier as never);
    })();
  };

  focused = (attribute?: string) =>
    this.page.evaluate((name: string | null) => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return {
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        tag: el.getAttribute('role') ?? el.tagName.toLowerCase(),
        attribute: name ? el.getAttribute(name) : null,
      };
    }, attribute ?? null);

  /** The puppeteer page, for what only the Firefox driver does (calling the background for a test). */
  get raw(): Page {
    return this.page;
  }

  close = () => this.page.close();
}

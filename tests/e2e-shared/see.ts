import { expect } from '@playwright/test';
import type { ExtensionPage, Target } from './driver.ts';

/**
 * The shared tests' assertions: each polls one of the page's instant reads until it holds or the timeout
 * passes, the same in both browsers (Playwright's expect.poll, whose default is the config's expect timeout).
 */
const NOTHING = '(no element)';

const describe = (target: Target): string =>
  JSON.stringify(target, (_key, value: unknown) => (value instanceof RegExp ? String(value) : value));

interface Wait {
  timeout?: number;
}

export async function seeVisible(page: ExtensionPage, target: Target, wait: Wait = {}): Promise<void> {
  await expect.poll(() => page.visible(target), { ...wait, message: `${describe(target)} is visible` }).toBe(true);
}

export async function seeHidden(page: ExtensionPage, target: Target, wait: Wait = {}): Promise<void> {
  await expect.poll(() => page.visible(target), { ...wait, message: `${describe(target)} is hidden` }).toBe(false);
}

/** The whole text (whitespace collapsed) is `expected`, or matches it. */
export async function seeText(
  page: ExtensionPage,
  target: Target,
  expected: string | RegExp,
  wait: Wait = {},
): Promise<void> {
  const text = async () => (await page.text(target)) ?? NOTHING;
  const message = `${describe(target)} has text ${String(expected)}`;
  if (typeof expected === 'string') await expect.poll(text, { ...wait, message }).toBe(expected);
  else await expect.poll(text, { ...wait, message }).toMatch(expected);
}

export async function seeTextContaining(
  page: ExtensionPage,
  target: Target,
  part: string | RegExp,
  wait: Wait = {},
): Promise<void> {
  const text = async () => (await page.text(target)) ?? NOTHING;
  const message = `${describe(target)} contains ${String(part)}`;
  if (typeof part === 'string') await expect.poll(text, { ...wait, message }).toContain(part);
  else await expect.poll(text, { ...wait, message }).toMatch(part);
}

export async function seeCount(page: ExtensionPage, target: Target, count: number, wait: Wait = {}): Promise<void> {
  await expect.poll(() => page.count(target), { ...wait, message: `${describe(target)} count` }).toBe(count);
}

export async function seeAttribute(
  page: ExtensionPage,
  target: Target,
  name: string,
  value: string,
  wait: Wait = {},
): Promise<void> {
  const message = `${describe(target)} has ${name}="${value}"`;
  await expect.poll(() => page.attribute(target, name), { ...wait, message }).toBe(value);
}

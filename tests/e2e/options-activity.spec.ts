// The Activity and Settings tabs of the options page (issue 12, items 3–5): the shared bodies run in Firefox too
// (tests/firefox/options-activity.spec.ts); the rest needs Playwright's Chromium (axe, downloads, colour schemes,
// the worker's console).
import type { ConsoleMessage, Download, Page, Worker } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { playwrightBody } from '../e2e-shared/case.ts';
import { optionsActivityCases } from '../e2e-shared/cases/options-activity.ts';
import { expect, test } from './fixtures.ts';

async function signedIn(signInWithApiKey: () => Promise<Page>): Promise<{ options: Page; portalId: string }> {
  const options = await signInWithApiKey();
  await expect(options.getByTestId('signin-success')).toBeVisible();
  const portalId = await command<{ activePortalId: string }>(options, 'getState', {}).then((s) => s.activePortalId);
  return { options, portalId };
}

async function command<T>(page: Page, name: string, payload: unknown): Promise<T> {
  type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
  const reply = (await page.evaluate(
    ([n, p]) =>
      (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'dpt/command', name: n, payload: p }),
    [name, payload] as const,
  )) as { ok: boolean; value?: T; error?: unknown };
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.value as T;
}

type Areas = { chrome: { storage: Record<'sync' | 'local', { get(keys: null): Promise<Record<string, unknown>> }> } };
const readArea = (worker: Worker, area: 'sync' | 'local') =>
  worker.evaluate((name) => (globalThis as unknown as Areas).chrome.storage[name].get(null), area);

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFile((await (download as Download).path())!, 'utf8');
}

const seriousAxe = async (page: Page) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
};

for (const shared of optionsActivityCases) test(shared.title, playwrightBody(shared));

test('no credential in storage.sync, the diagnostics file, the settings file or any console; a bad import changes nothing', async ({
  context,
  worker,
  signInWithApiKey,
  sandbox,
}) => {
  const secrets = [sandbox.demo.apiKey, sandbox.demo.password];
  const logged: string[] = [];
  const listen = (message: ConsoleMessage) => logged.push(message.text());
  context.on('console', listen);
  context.on('page', (page) => page.on('console', listen));
  worker.on('console', listen);

  const { options, portalId } = await signedIn(signInWithApiKey);
  await command(options, 'listRooms', { portalId }).catch(() => undefined);

  await options.getByRole('tab', { name: 'Activity' }).click();
  const diagnostics = await downloaded(options, () =>
    options.getByRole('button', { name: 'Export diagnostics' }).click(),
  );
  expect(JSON.parse(diagnostics)).toMatchObject({ format: 'docspace-power-tools/diagnostics' });
  expect(diagnostics).toContain(new URL(sandbox.url).host);

  await options.getByRole('tab', { name: 'Settings' }).click();
  await options.getByLabel('Dark').check();
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
  const settings = await downloaded(options, () => options.getByRole('button', { name: 'Export settings' }).click());
  expect(JSON.parse(settings)).toMatchObject({ settings: { theme: 'dark' }, portals: [{ origin: sandbox.url }] });

  const sync = await readArea(worker, 'sync');
  const local = JSON.stringify(await readArea(worker, 'local'));
  for (const secret of secrets) {
    for (const [where, text] of [
      ['storage.sync', JSON.stringify(sync)],
      ['diagnostics', diagnostics],
      ['settings', settings],
      ['console', logged.join('\n')],
    ] as const)
      expect(text.includes(secret), `${where} holds a credential`).toBe(false);
  }
  expect(local.length).toBeGreaterThan(2);
  // The listeners hear both the pages and the worker (else the console check above could not fail).
  await options.evaluate(() => console.log('probe from the page'));
  await worker.evaluate(() => console.log('probe from the worker'));
  await expect.poll(() => logged.filter((text) => text.startsWith('probe from')).length).toBeGreaterThanOrEqual(2);
  expect(logged).toContain('probe from the worker');

  // Malformed files: refused whole, with the reason, and nothing stored changes.
  const storedBefore = await readArea(worker, 'local');
  const behaviourBefore = await command(options, 'getPortalBehaviour', { portalId });
  const input = options.locator('input[name=settingsFile]');
  const bad = [
    ['{ "format": "docspace-power-tools/settings", ', 'is not JSON'],
    [JSON.stringify({ hello: 'world' }), 'not a DocSpace Power Tools settings file'],
    [settings.replace('"theme": "dark"', '"theme": "neon"'), 'settings.theme'],
    [settings.replace('"limits": {}', `"limits": {}, "apiKey": "${sandbox.demo.apiKey}"`), 'portals.0'],
    [settings.replace('"limits": {}', '"limits": { "requestsPer10s": 999999 }'), 'requestsPer10s'],
  ];
  for (const [text, message] of bad) {
    await input.setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(text!) });
    await expect(options.getByRole('alert')).toContainText(message!);
  }
  expect(await readArea(worker, 'local')).toEqual(
    expect.objectContaining({ settings: (storedBefore as { settings: unknown }).settings }),
  );
  expect(await command(options, 'getPortalBehaviour', { portalId })).toEqual(behaviourBefore);
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');

  // A good file applies (light again), and says so.
  await input.setInputFiles({
    name: 'settings.json',
    mimeType: 'application/json',
    buffer: Buffer.from(settings.replace('"theme": "dark"', '"theme": "light"')),
  });
  await expect(options.getByTestId('settings-file-status')).toContainText('Settings imported. 1 portal updated.');
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('theme and language follow the choice in every page; sections; axe on Portals, Activity and Settings, light and dark', async ({
  signInWithApiKey,
  openPopup,
}) => {
  test.setTimeout(60_000);
  const { options } = await signedIn(signInWithApiKey);
  for (const tab of ['Portals', 'Activity', 'Settings']) {
    await options.getByRole('tab', { name: tab }).click();
    if (tab === 'Activity') await expect(options.getByTestId('activity-window')).toHaveCount(2);
    if (tab === 'Settings') await expect(options.getByTestId('portal-behaviour')).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(await seriousAxe(options), `${tab} (${scheme})`).toEqual([]);
    }
  }

  // The popup shows only the chosen sections.
  await options.getByLabel('Trash').uncheck();
  await options.getByLabel('Recent').uncheck();
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('behaviour-saved')).toHaveText('Saved.');
  const popup = await openPopup();
  await expect(popup.getByRole('tab', { name: 'Rooms' })).toBeVisible();
  await expect(popup.getByRole('tab')).toHaveCount(4);

  // Theme: system follows the system, dark and light override it, in the popup too.
  await options.emulateMedia({ colorScheme: 'light' });
  await options.getByLabel('Dark').check();
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = () => options.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).not.toBe('rgb(244, 246, 249)');
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');
  await options.getByLabel('As the system').check();
  await expect(options.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await background()).toBe('rgb(244, 246, 249)');

  // Language: the options page and an open popup switch at once; a page opened later starts in it.
  await options.getByLabel('Language', { exact: true }).selectOption('ru');
  await expect(options.getByRole('tab', { name: 'Настройки' })).toBeVisible();
  await expect(options.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(popup.getByRole('tab', { name: 'Комнаты' })).toBeVisible();
  const later = await openPopup();
  await expect(later.getByRole('tab', { name: 'Комнаты' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: scheme });
    expect(await seriousAxe(options), `Settings in Russian (${scheme})`).toEqual([]);
  }
  await options.getByLabel('Язык', { exact: true }).selectOption('system');
  await expect(options.getByRole('tab', { name: 'Settings' })).toBeVisible();
  await expect(later.getByRole('tab', { name: 'Rooms' })).toBeVisible();
});

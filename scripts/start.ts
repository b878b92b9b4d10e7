// `npm start`: build, start the seeded sandbox, launch Chromium with the extension signed in to it.
// Without a display it runs headless, saves screenshots of the popup and options pages and keeps the sandbox
// up until Ctrl-C (`--once` exits after the screenshots).
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../tests/sandbox/server.ts';
import { chromiumArgs, chromiumPath, prepareLoadableExtension } from '../tests/support/loadable-extension.ts';

const { values: args } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    port: { type: 'string', default: '8090' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: '.start' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log('npm start [-- --once] [--headless] [--port 8090] [--no-build] [--out .start]');
  process.exit(0);
}

if (!args['no-build']) {
  console.log('Building the extension…');
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'chrome'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let browserPath: string;
try {
  browserPath = chromiumPath();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const port = Number(args.port);
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
try {
  sandbox = await startSandbox({ port, seed: 'demo' });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is taken. Run: npm start -- --port 8091` : String(error));
  process.exit(1);
}
console.log(`Sandbox DocSpace: ${sandbox.url}`);
console.log(`  e-mail ${sandbox.demo.email} · password ${sandbox.demo.password}`);
console.log(`  API key ${sandbox.demo.apiKey}`);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.headless || args.once || !hasDisplay;
const extensionDir = prepareLoadableExtension();
const profileDir = mkdtempSync(join(tmpdir(), 'dpt-start-profile-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: browserPath,
  headless,
  args: chromiumArgs(extensionDir),
  viewport: null,
});

const cleanup = async (): Promise<void> => {
  await context.close().catch(() => undefined);
  await sandbox.close().catch(() => undefined);
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(extensionDir, { recursive: true, force: true });
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(0)));
process.on('SIGTERM', () => void cleanup().then(() => process.exit(0)));

try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 760 });
  await options.goto(`chrome-extension://${id}/extension/options/index.html`);
  await options.getByLabel('Portal address').fill(sandbox.url);
  await options.locator('input[name=apiKey]').fill(sandbox.demo.apiKey);
  await options.getByRole('button', { name: 'Connect' }).click();
  await options.getByTestId('signin-success').waitFor({ timeout: 15_000 });
  const popupUrl = `chrome-extension://${id}/extension/popup/index.html`;
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(popupUrl);
  await popup.locator('.row').first().waitFor({ timeout: 15_000 });

  if (!headless) console.log(`Signed in to the sandbox; the popup is open in a tab (${popupUrl}).`);
  if (headless) {
    console.log(
      `${hasDisplay ? 'Headless run' : 'No display found, so Chromium ran headless'}: signed in to the sandbox. Screenshots:`,
    );
    for (const path of await screenshots(context, id, { popup, options }, resolve(args.out))) console.log(`  ${path}`);
    if (args.once) {
      await cleanup();
      process.exit(0);
    }
    console.log(
      'To see the browser: run on a desktop, or `xvfb-run npm start`, or load dist/chrome unpacked in your own',
    );
    console.log('Chromium and connect it to the sandbox above. The sandbox keeps running until Ctrl-C.');
    await context.close();
  } else {
    console.log('Close the browser or press Ctrl-C to stop.');
    await new Promise<void>((done) => context.on('close', () => done()));
    await cleanup();
    process.exit(0);
  }
} catch (error) {
  console.error(`Could not finish the start-up: ${(error as Error).message}`);
  await cleanup();
  process.exit(1);
}

/** The popup and the side panel (inside a room) in both themes, and the options page: what the README shows. */
async function screenshots(
  context: BrowserContext,
  id: string,
  { popup, options }: { popup: Page; options: Page },
  outDir: string,
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const saved: string[] = [];
  const shoot = async (page: Page, name: string, fullPage = false) => {
    const path = join(outDir, `${name}.png`);
    await page.screenshot({ path, fullPage });
    saved.push(path);
  };
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 720 });
  await panel.goto(`chrome-extension://${id}/extension/sidepanel/index.html`);
  await panel.locator('.grid .row-title > .server-text', { hasText: 'Marketing' }).click();
  await panel.locator('.grid .row-title > .server-text', { hasText: 'Campaigns' }).waitFor({ timeout: 15_000 });
  for (const scheme of ['light', 'dark'] as const) {
    for (const page of [popup, panel]) await page.emulateMedia({ colorScheme: scheme });
    await popup.waitForTimeout(300);
    await shoot(popup, `popup-${scheme}`);
    await shoot(panel, `sidepanel-${scheme}`);
  }
  await shoot(options, 'options', true);
  return saved;
}

// Builds both browsers' packages: dist/chrome (MV3 service worker) and dist/firefox (MV3 background scripts).
import { build } from 'vite';
import { pageSizes } from './bundle-sizes.mjs';

/** The popup is opened dozens of times a day: its first-paint JavaScript stays under this (gzip). */
const POPUP_BUDGET_BYTES = 40 * 1024;
const PAGES = ['extension/popup/index.html', 'extension/sidepanel/index.html', 'extension/options/index.html'];

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];
for (const target of targets) {
  if (target !== 'chrome' && target !== 'firefox') {
    console.error(`Unknown target "${target}". Use chrome and/or firefox.`);
    process.exit(2);
  }
  process.env.TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log(`built dist/${target}`);
  for (const { page, files, raw, gzip } of pageSizes(`dist/${target}`, PAGES)) {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `  ${page.padEnd(32)} first-paint JS ${kb(raw).padStart(9)}, gzip ${kb(gzip).padStart(8)} (${files} files)`,
    );
    if (page.includes('popup') && gzip > POPUP_BUDGET_BYTES) {
      console.error(
        `The popup's first-paint JavaScript is ${kb(gzip)} gzip, over its ${kb(POPUP_BUDGET_BYTES)} budget.`,
      );
      process.exitCode = 1;
    }
  }
}

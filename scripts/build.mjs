// Builds both browsers' packages: dist/chrome (MV3 service worker) and dist/firefox (MV3 background scripts).
import { build } from 'vite';
import { pageSizes } from './bundle-sizes.mjs';

/**
 * The popup is opened dozens of times a day: the app's JavaScript it loads before it works stays under this
 * (gzip), and the classic script that paints the last view before that (prepaint.js) under the second.
 */
const POPUP_BUDGET_BYTES = 40 * 1024;
const PREPAINT_BUDGET_BYTES = 2 * 1024;
const PAGES = ['extension/popup/index.html', 'extension/sidepanel/index.html', 'extension/options/index.html'];

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];
for (const target of targets) {
  if (target !== 'chrome' && target !== 'firefox') {
    console.error(`Unknown target "${target}". Use chrome and/or firefox.`);
    process.exit(2);
  }
  process.env.TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  // The popup's first script is classic, not a module: it runs as the page is parsed, with nothing to fetch first.
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2022',
      lib: {
        entry: 'extension/prepaint/prepaint.ts',
        formats: ['iife'],
        name: 'dptPrepaint',
        fileName: () => 'prepaint.js',
      },
    },
  });
  console.log(`built dist/${target}`);
  for (const { page, files, raw, gzip, classic } of pageSizes(`dist/${target}`, PAGES)) {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    const before = classic.gzip ? `; before it, ${classic.files.join(', ')} ${kb(classic.gzip)} gzip` : '';
    console.log(
      `  ${page.padEnd(32)} first-paint JS ${kb(raw).padStart(9)}, gzip ${kb(gzip).padStart(8)} (${files} files${before})`,
    );
    const over = (what, bytes, budget) => {
      if (bytes <= budget) return;
      console.error(`The popup's ${what} is ${kb(bytes)} gzip, over its ${kb(budget)} budget.`);
      process.exitCode = 1;
    };
    if (page.includes('popup')) {
      over('first-paint JavaScript', gzip, POPUP_BUDGET_BYTES);
      over('prepaint script', classic.gzip, PREPAINT_BUDGET_BYTES);
    }
  }
}

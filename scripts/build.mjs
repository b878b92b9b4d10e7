// Builds both browsers' packages: dist/chrome (MV3 service worker) and dist/firefox (MV3 background scripts).
import { build } from 'vite';

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];
for (const target of targets) {
  if (target !== 'chrome' && target !== 'firefox') {
    console.error(`Unknown target "${target}". Use chrome and/or firefox.`);
    process.exit(2);
  }
  process.env.TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log(`built dist/${target}`);
}

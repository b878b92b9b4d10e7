import { readFileSync } from 'node:fs';
import { createLogger, defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import sourceManifest from './manifest.json' with { type: 'json' };
import { manifestFor, type Target } from './scripts/manifest-for.ts';

const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/**
 * Mozilla's Readability (Apache-2.0) as a file the background injects into a tab before reading its article
 * (scripting.executeScript({ files })): a classic script, copied as it is published, with its licence.
 */
function readabilityFile(): Plugin {
  return {
    name: 'dpt-readability',
    generateBundle() {
      const dir = 'node_modules/@mozilla/readability';
      this.emitFile({
        type: 'asset',
        fileName: 'vendor/readability.js',
        source: readFileSync(`${dir}/Readability.js`, 'utf8'),
      });
      this.emitFile({
        type: 'asset',
        fileName: 'vendor/readability.LICENSE.md',
        source: readFileSync(`${dir}/LICENSE.md`, 'utf8'),
      });
    },
  };
}

// The popup's /prepaint.js is a classic script on purpose, built apart by scripts/build.mjs: not a warning.
const logger = createLogger();
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (!message.includes('<script src="/prepaint.js">')) warn(message, options);
};

export default defineConfig({
  customLogger: logger,
  plugins: [
    preact(),
    readabilityFile(),
    // The cast is the plugin's own manifest type; manifestFor keeps the JSON shape intact.
    crx({ manifest: manifestFor(sourceManifest, target) as never, browser: target }),
  ],
  publicDir: 'public',
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
    // The side panel and the save picker are not manifest fields the plugin knows: their pages are inputs of their
    // own; so is the offscreen document that copies to the clipboard for the service worker (Chrome).
    rollupOptions: {
      input: {
        sidepanel: 'extension/sidepanel/index.html',
        capture: 'extension/capture/index.html',
        ...(target === 'chrome' ? { offscreen: 'extension/platform/offscreen-clipboard.html' } : {}),
      },
    },
  },
  server: { strictPort: true, port: 5173 },
});

import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import sourceManifest from './manifest.json' with { type: 'json' };
import { manifestFor, type Target } from './scripts/manifest-for.ts';

const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  plugins: [
    preact(),
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
    // The side panel is not a manifest field the plugin knows: its page is an input of its own; so is the
    // offscreen document that copies to the clipboard for the service worker (Chrome).
    rollupOptions: {
      input: {
        sidepanel: 'extension/sidepanel/index.html',
        ...(target === 'chrome' ? { offscreen: 'extension/platform/offscreen-clipboard.html' } : {}),
      },
    },
  },
  server: { strictPort: true, port: 5173 },
});

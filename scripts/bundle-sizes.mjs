// What each extension page loads before it can paint: its entry script and every chunk that script imports
// statically (dynamic import() chunks, like the popup's dialogs, are left out), raw and gzip; apart from those,
// the classic scripts that run first (the popup's prepaint.js, which paints the last view before the app loads).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

function staticGraph(dir, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const [, spec] of code.matchAll(STATIC_IMPORT)) staticGraph(dir, join(file, '..', spec), seen);
  return seen;
}

/** The modules a page runs before its app paints, and the classic scripts before them (paths inside `dir`). */
export function firstPaintFiles(dir, page) {
  const html = readFileSync(join(dir, page), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g)].map((m) => m[1]);
  const classic = [...html.matchAll(/<script(?![^>]*type="module")[^>]*src="\/([^"]+)"/g)].map((m) => m[1]);
  const modules = new Set();
  for (const entry of entries) staticGraph(dir, entry, modules);
  return { modules: [...modules], classic };
}

function sizes(dir, files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

export function pageSizes(dir, pages) {
  return pages
    .filter((page) => existsSync(join(dir, page)))
    .map((page) => {
      const { modules, classic } = firstPaintFiles(dir, page);
      return {
        page,
        files: modules.length,
        ...sizes(dir, modules),
        classic: { files: classic, ...sizes(dir, classic) },
      };
    });
}

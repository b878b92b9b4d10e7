// What each extension page loads before it can paint: its entry script and every chunk that script imports
// statically (dynamic import() chunks, like the popup's dialogs, are left out), raw and gzip.
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

export function pageSizes(dir, pages) {
  return pages
    .filter((page) => existsSync(join(dir, page)))
    .map((page) => {
      const html = readFileSync(join(dir, page), 'utf8');
      const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g)].map((m) => m[1]);
      const files = new Set();
      for (const entry of entries) staticGraph(dir, entry, files);
      let raw = 0;
      let gzip = 0;
      for (const file of files) {
        const bytes = readFileSync(join(dir, file));
        raw += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
      }
      return { page, files: files.size, raw, gzip };
    });
}

// Web pages and files for the save-from-page tests (not DocSpace routes): an article page with an image, a link to
// a file and text to select; an image whose address names no type; a file of any size with deterministic bytes
// and a Content-Disposition name. They go through the pipeline like any request (faults apply, the log has them),
// need no sign-in, and are served on the sandbox's origin (127.0.0.1), as a site the user visits would be.
import type { Reply, RequestContext } from '../context.ts';
import { generatePng } from '../png.ts';
import type { Router } from '../router.ts';

export const CAPTURE_PAGE_TEXT = 'Harbour lights were counted twice by the keeper of the northern pier';

const PARAGRAPHS = [
  `${CAPTURE_PAGE_TEXT}. The tally went into a ledger bound in green cloth, and the ledger went into a drawer.`,
  'Every evening the lamps were trimmed, the wicks were cut square, and the glass was wiped with newspaper until it shone.',
  'Ships that passed at night saw the lights long before they saw the pier, and steered by them without a second thought.',
  'In winter the keeper wrote down the weather as well: the wind, the swell, and how far out the fog had come that day.',
  'The ledgers are kept in the harbour office now, where anyone may read them on the first Tuesday of every month.',
];

function page(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Harbour lights</title>
<style>.lead { color: rgb(10, 80, 160); } article { max-width: 40em; }</style></head>
<body>
<nav><a href="/">Home</a> · <a href="/test-pages/article">Articles</a></nav>
<article>
<h1>Harbour lights</h1>
<p class="byline">By the harbour office</p>
${PARAGRAPHS.map((p, i) => `<p${i === 0 ? ' class="lead" id="lead"' : ''}>${p}</p>`).join('\n')}
<p><img id="picture" src="/test-pages/image/picture" alt="The northern pier" width="64" height="64"></p>
<p id="selectable">Selected words: <strong>the green ledger</strong> and <em>the square wicks</em>.</p>
<p><a id="file-link" href="/test-pages/file/report?size=2048">The keeper's report</a></p>
</article>
<script>window.pageScriptRan = true; document.body.dataset.script = 'ran';</script>
</body>
</html>`;
}

/** The byte at `index` of a served file: what the tests compare the saved file with. */
export function captureFileByte(index: number, seed: number): number {
  return (index * 31 + seed * 7 + (index >> 8)) & 0xff;
}

export function captureFileBytes(size: number, seed: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) bytes[i] = captureFileByte(i, seed);
  return bytes;
}

const MAX_FILE = 64 * 1024 * 1024;

export function registerCapturePages(router: Router): void {
  router.get('/test-pages/article', 'anonymous', (): Reply => ({
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    body: page(),
  }));
  router.get('/test-pages/image/:name', 'anonymous', (ctx: RequestContext): Reply => ({
    status: 200,
    // No extension in the address: the name's extension must come from this header.
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' },
    body: generatePng(String(ctx.params['name']).length, 64, 64),
  }));
  router.get('/test-pages/file/:name', 'anonymous', (ctx: RequestContext): Reply => {
    const size = Math.min(MAX_FILE, Math.max(0, Number(ctx.query.get('size') ?? 1024) || 0));
    const seed = Number(ctx.query.get('seed') ?? 1) || 1;
    const filename = ctx.query.get('filename') ?? `Keeper's report ${seed}.pdf`;
    return {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="fallback.bin"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        'Cache-Control': 'no-store',
      },
      body: captureFileBytes(size, seed),
    };
  });
}

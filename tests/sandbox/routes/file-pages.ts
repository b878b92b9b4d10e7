// The non-API pages a file's URLs point to: /doceditor (webUrl of documents), /media/view/{id}
// (images, audio, video) and /filehandler.ashx (viewUrl = download, thumbnails), and the web client's
// folder page (/rooms/shared/{id}/filter?folder={id}, where a folder or room opens). They stand in for
// the editor, the viewers and the web client, so opening an entry from the extension opens a real page. Unlike the real
// portal they do not require a session: the browser tab the extension opens has no sandbox cookie.
import type { Reply, RequestContext } from '../context.ts';
import { downloadUrl } from '../dto/entries.ts';
import { FileType } from '../enums.ts';
import { emptyReply } from '../envelope.ts';
import { fileBytes } from '../file-content.ts';
import { fileAtVersion } from '../file-versions.ts';
import { fileTypeOf, humanSize, mimeTypeOf } from '../file-kinds.ts';
import { generatePng } from '../png.ts';
import { PORTAL } from '../portal-config.ts';
import type { Router } from '../router.ts';
import type { FileRecord } from '../store.ts';
import { parseEntryId } from './common.ts';

const HTML_TYPE = 'text/html; charset=utf-8';
const PAGE_CSP = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(status: number, title: string, body: string): Reply {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>body{font:15px system-ui,sans-serif;margin:2rem;color:#333}main{max-width:60rem}</style></head>` +
    `<body><main>${body}</main></body></html>`;
  return { status, headers: { 'Content-Type': HTML_TYPE, 'Content-Security-Policy': PAGE_CSP }, body: html };
}

function fileFrom(ctx: RequestContext, raw: string | undefined): FileRecord | undefined {
  const id = parseEntryId(raw);
  return id === undefined ? undefined : ctx.store.getFile(id);
}

function notFoundPage(): Reply {
  return page(404, 'File not found', '<h1>File not found</h1><p>The required file was not found.</p>');
}

function fileSummary(ctx: RequestContext, file: FileRecord, kind: string): string {
  return (
    `<h1 data-testid="file-title">${escapeHtml(file.title)}</h1>` +
    `<p>${escapeHtml(kind)} (DocSpace sandbox stand-in) &middot; version ${file.version} &middot; ${escapeHtml(humanSize(file.size))}</p>` +
    `<p><a href="${escapeHtml(downloadUrl(ctx.origin, file.id))}">Download</a></p>`
  );
}

function editorPage(ctx: RequestContext): Reply {
  const file = fileFrom(ctx, ctx.query.get('fileid'));
  if (!file) return notFoundPage();
  return page(
    200,
    `${file.title} - ONLYOFFICE`,
    `<div data-testid="doceditor" data-file-id="${file.id}">${fileSummary(ctx, file, 'Document editor')}</div>`,
  );
}

function mediaPage(ctx: RequestContext): Reply {
  const file = fileFrom(ctx, ctx.params['fileId']);
  if (!file) return notFoundPage();
  const src = escapeHtml(`${ctx.origin}/filehandler.ashx?action=view&fileid=${file.id}`);
  const type = fileTypeOf(file.title);
  const player =
    type === FileType.Image
      ? `<img src="${src}" alt="${escapeHtml(file.title)}" style="max-width:100%">`
      : type === FileType.Video
        ? `<video src="${src}" controls></video>`
        : type === FileType.Audio
          ? `<audio src="${src}" controls></audio>`
          : '';
  return page(
    200,
    `${file.title} - ONLYOFFICE`,
    `<div data-testid="media-viewer" data-file-id="${file.id}">${fileSummary(ctx, file, 'Media viewer')}${player}</div>`,
  );
}

/** The web client's page of a folder or room (the address the extension opens a folder at). */
function folderPage(ctx: RequestContext): Reply {
  const id = parseEntryId(ctx.query.get('folder') ?? ctx.params['folderId']);
  const folder = id === undefined ? undefined : ctx.store.getFolder(id);
  if (!folder)
    return page(404, 'Folder not found', '<h1>Folder not found</h1><p>The required folder was not found.</p>');
  return page(
    200,
    `${folder.title} - ${PORTAL.name}`,
    `<div data-testid="folder-page" data-folder-id="${folder.id}"><h1 data-testid="folder-title">${escapeHtml(folder.title)}</h1>` +
      `<p>${folder.roomType !== undefined ? 'Room' : 'Folder'} (DocSpace sandbox stand-in for the web client)</p></div>`,
  );
}

/** RFC 5987 filename for Content-Disposition, plus an ASCII fallback. */
function disposition(kind: 'attachment' | 'inline', title: string): string {
  const ascii = title.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(title)}`;
}

/** A single `bytes=a-b` range, or null for none/unsupported (then the whole body is sent). */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return 'invalid';
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start > end || start >= size ? 'invalid' : { start, end };
}

/** The file at `version` (current when absent); undefined if unknown. */
function versionOf(file: FileRecord, raw: string | undefined): FileRecord | undefined {
  if (raw === undefined || raw === '') return file;
  return /^\d+$/.test(raw) ? fileAtVersion(file, Number(raw)) : undefined;
}

export interface FilePagesDeps {
  /** Built bulk downloads (`action=bulk&filename=`), see routes/bulk-download.ts. */
  archives?: Map<string, { title: string; bytes: Buffer; contentType: string }>;
  /** Checks `stream_auth` of a presigned stream URL. */
  checkStreamAuth?: (fileId: number, version: number, auth: string) => boolean;
}

function fileHandler(ctx: RequestContext, deps: FilePagesDeps): Reply {
  const action = (ctx.query.get('action') ?? '').toLowerCase();
  if (action === 'bulk') {
    const archive = deps.archives?.get(ctx.query.get('filename') ?? '');
    if (!archive) return emptyReply(404);
    const headers = {
      'Content-Type': archive.contentType,
      'Content-Disposition': disposition('attachment', archive.title),
      'Accept-Ranges': 'bytes',
    };
    return rangeReply(ctx, headers, archive.bytes);
  }
  const current = fileFrom(ctx, ctx.query.get('fileid'));
  if (!current) return emptyReply(404);
  const file = versionOf(current, ctx.query.get('version'));
  if (!file) return emptyReply(404);
  const streamAuth = ctx.query.get('stream_auth');
  if (streamAuth !== undefined && deps.checkStreamAuth && !deps.checkStreamAuth(file.id, file.version, streamAuth))
    return emptyReply(403);
  if (action === 'thumb') {
    return {
      status: 200,
      headers: { 'Content-Type': 'image/png', 'Cache-Control': 'private, max-age=3600' },
      body: generatePng(file.id),
    };
  }
  if (action !== 'download' && action !== 'view' && action !== 'stream') return emptyReply(400);

  const bytes = fileBytes(file);
  const headers: Record<string, string> = {
    'Content-Type': mimeTypeOf(file.title),
    'Content-Disposition': disposition(action === 'download' ? 'attachment' : 'inline', file.title),
    'Accept-Ranges': 'bytes',
  };
  return rangeReply(ctx, headers, bytes);
}

function rangeReply(ctx: RequestContext, headers: Record<string, string>, bytes: Buffer): Reply {
  const range = parseRange(ctx.req.headers.range, bytes.length);
  if (range === 'invalid') return { status: 416, headers: { 'Content-Range': `bytes */${bytes.length}` } };
  if (range) {
    headers['Content-Range'] = `bytes ${range.start}-${range.end}/${bytes.length}`;
    return { status: 206, headers, body: bytes.subarray(range.start, range.end + 1) };
  }
  return { status: 200, headers, body: bytes };
}

function landingPage(ctx: RequestContext): Reply {
  return page(
    200,
    PORTAL.name,
    `<h1>${escapeHtml(PORTAL.name)}</h1><p>A DocSpace-compatible sandbox. API base: <code>${escapeHtml(ctx.origin)}/api/2.0</code></p>`,
  );
}

export function registerFilePages(router: Router, deps: FilePagesDeps = {}): void {
  router.get('/', 'anonymous', landingPage);
  router.get('/doceditor', 'anonymous', editorPage);
  router.get('/media/view/:fileId', 'anonymous', mediaPage);
  router.get('/rooms/shared/:folderId/filter', 'anonymous', folderPage);
  router.get('/filehandler.ashx', 'anonymous', (ctx) => fileHandler(ctx, deps));
  // Room logos (RoomLogoManager): public static files, as the portal's storage serves them.
  router.get('/storage/room_logos/root/:name', 'anonymous', (ctx) => {
    const match = /^(\d+)_(orig|large|medium|small)\.png$/.exec(ctx.params['name'] ?? '');
    const size = { orig: 280, large: 96, medium: 32, small: 16 }[match?.[2] ?? ''];
    if (!match || size === undefined) return emptyReply(404);
    return {
      status: 200,
      headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' },
      body: generatePng(Number(match[1]), size, size),
    };
  });
  router.get('/static/images/:name', 'anonymous', (ctx) => {
    if (!/\.png$/i.test(ctx.params['name'] ?? '')) return emptyReply(404);
    return {
      status: 200,
      headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' },
      body: generatePng(7, 82, 82),
    };
  });
}

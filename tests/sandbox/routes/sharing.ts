// External links (docspace-api.md §8.2, §3.7, §7): primary and additional links of files, folders
// and rooms, the share-link landing page `/s/{key}`, `GET files/share/{key}` and the presigned
// stream URL of a file.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readJsonBody } from '../body.ts';
import type { BodyReader } from '../body.ts';
import type { Reply, RequestContext } from '../context.ts';
import { downloadUrl } from '../dto/entries.ts';
import { externalShareDto, fileShareDto, LinkType } from '../dto/share.ts';
import { locate } from '../dto/locate.ts';
import { FileShare, FileType, FolderType } from '../enums.ts';
import { SubjectType } from '../members/access.ts';
import { checkEntryRole, checkRoomRole } from '../members/roles.ts';
import { ok } from '../envelope.ts';
import { invalidOperation } from '../errors.ts';
import { fileTypeOf, humanSize } from '../file-kinds.ts';
import { areaOfEntry, MESSAGES } from '../operations/actions.ts';
import { PORTAL } from '../portal-config.ts';
import { QueryReader } from '../query.ts';
import type { Router } from '../router.ts';
import type { EntryRecord, ShareLinkRecord } from '../store.ts';
import { requireFile, requireFolder, requireRoom } from './access.ts';
import { API, currentUser } from './common.ts';
import { escapeHtml } from './file-pages.ts';

const DEFAULT_LINK_TITLE = 'Shared link';
const DEFAULT_INVITATION_TITLE = 'Invitation link';

const { Read, Editing } = FileShare;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STREAM_SECRET = randomBytes(32);

/** `stream_auth` of a presigned stream URL: an HMAC of file and version (PathProvider.GetFileStreamUrl). */
export function streamAuth(fileId: number, version: number): string {
  return createHmac('sha256', STREAM_SECRET).update(`${fileId}:${version}`).digest('base64url');
}

function newKey(): string {
  return randomBytes(12).toString('base64url');
}

function sortedLinks(ctx: RequestContext, entry: EntryRecord): ShareLinkRecord[] {
  return ctx.store
    .linksOf(entry.kind, entry.id)
    .sort((a, b) => Number(b.primary) - Number(a.primary) || a.created.getTime() - b.created.getTime());
}

function primaryLink(ctx: RequestContext, entry: EntryRecord): ShareLinkRecord | undefined {
  return ctx.store.linksOf(entry.kind, entry.id).find((l) => l.primary && l.linkType === LinkType.External);
}

interface LinkSettings {
  access?: number | undefined;
  title?: string | undefined;
  expirationDate?: Date | null | undefined;
  internal?: boolean | undefined;
  denyDownload?: boolean | undefined;
  password?: string | undefined;
}

function readLinkSettings(
  r: BodyReader,
): LinkSettings & { linkId?: string | undefined; primary: boolean; linkType?: number | undefined } {
  const access = r.enumValue(FileShare, 'access', 'ASC.Files.Core.Security.FileShare');
  const settings = {
    access: access === undefined && r.has('access') ? undefined : access,
    linkId: r.text('linkId', 'LinkId'),
    title: r.text('title', 'Title', { maxLength: 255 }),
    expirationDate: r.date('expirationDate'),
    internal: r.optionalBool('internal'),
    denyDownload: r.optionalBool('denyDownload'),
    password: r.text('password', 'Password', { maxLength: 255 }),
    primary: r.bool('primary', false),
    linkType: r.int('linkType'),
  };
  return settings;
}

function createLink(
  ctx: RequestContext,
  entry: EntryRecord,
  settings: LinkSettings & { primary: boolean; linkType?: number | undefined; id?: string | undefined },
): ShareLinkRecord {
  const linkType = settings.linkType === LinkType.Invitation ? LinkType.Invitation : LinkType.External;
  const isForm = entry.kind === 'file' && fileTypeOf(entry.title) === FileType.Pdf && entry.isForm === true;
  return ctx.store.addShareLink({
    id: settings.id ?? randomUUID(),
    key: newKey(),
    entryKind: entry.kind,
    entryId: entry.id,
    title: settings.title?.trim() || (linkType === LinkType.Invitation ? DEFAULT_INVITATION_TITLE : DEFAULT_LINK_TITLE),
    access: settings.access ?? (isForm ? Editing : Read),
    primary: settings.primary,
    internal: settings.internal ?? false,
    denyDownload: settings.denyDownload ?? false,
    linkType,
    expirationDate: settings.expirationDate ?? null,
    ...(settings.password ? { password: settings.password } : {}),
    createdBy: currentUser(ctx).id,
    created: new Date(),
  });
}

/** The role check of SetAceObjectAsync for a link: by room type for rooms, by the containing room
 *  (or My documents) for files and folders. */
function checkAccess(
  ctx: RequestContext,
  entry: EntryRecord,
  access: number | undefined,
  linkType: number,
  primary: boolean,
): void {
  if (access === undefined || access === FileShare.None) return;
  const subject =
    linkType === LinkType.Invitation
      ? SubjectType.InvitationLink
      : primary
        ? SubjectType.PrimaryExternalLink
        : SubjectType.ExternalLink;
  if (entry.kind === 'folder' && entry.roomType !== undefined) {
    checkRoomRole(entry.folderType, subject, access);
    return;
  }
  const room = locate(ctx.store, entry.kind === 'file' ? entry.folderId : entry.id)?.room;
  checkEntryRole(room?.folderType, subject, access);
}

function defaultLinkAccess(entry: EntryRecord): number {
  if (entry.kind === 'file') return fileTypeOf(entry.title) === FileType.Pdf && entry.isForm === true ? Editing : Read;
  return entry.folderType === FolderType.FillingFormsRoom ? FileShare.FillForms : Read;
}

function checkShareable(ctx: RequestContext, entry: EntryRecord): void {
  if (areaOfEntry(ctx.store, entry) !== 'live') throw invalidOperation(MESSAGES.securityException);
  if (entry.kind === 'folder' && entry.parentId === 0) throw invalidOperation(MESSAGES.securityException);
}

/** GetPrimaryExternalLinkAsync: the primary external link, created (Read) when missing. */
function primaryOrCreate(ctx: RequestContext, entry: EntryRecord, settings: LinkSettings = {}): ShareLinkRecord {
  const existing = primaryLink(ctx, entry);
  if (existing) return existing;
  checkShareable(ctx, entry);
  checkAccess(ctx, entry, settings.access ?? defaultLinkAccess(entry), LinkType.External, true);
  return createLink(ctx, entry, { ...settings, primary: true });
}

/** SetExternalLinkAsync: create (unknown/empty linkId), update, or revoke (access None). */
function setLink(ctx: RequestContext, entry: EntryRecord, r: BodyReader, roomLink: boolean): Reply {
  const settings = readLinkSettings(r);
  r.done();
  checkShareable(ctx, entry);
  const linkType = roomLink ? (settings.linkType ?? LinkType.External) : LinkType.External;
  const now = new Date();
  const existing = settings.linkId ? ctx.store.shareLinks.get(settings.linkId.toLowerCase()) : undefined;
  const link = existing && existing.entryKind === entry.kind && existing.entryId === entry.id ? existing : undefined;
  const primary = link ? link.primary : settings.primary && !primaryLink(ctx, entry);
  checkAccess(ctx, entry, settings.access ?? (link ? undefined : defaultLinkAccess(entry)), linkType, primary);
  if (settings.access === FileShare.None) {
    if (link) ctx.store.deleteShareLink(link.id);
    return ok(ctx, null);
  }
  if (!link) {
    // SetAceLinkAsync keeps a given link id (only an empty one gets a new id).
    const givenId = settings.linkId && GUID.test(settings.linkId) ? settings.linkId.toLowerCase() : undefined;
    const taken = givenId !== undefined && ctx.store.shareLinks.has(givenId);
    const created = createLink(ctx, entry, { ...settings, linkType, primary, id: taken ? undefined : givenId });
    return ok(ctx, fileShareDto(ctx.origin, created, now));
  }
  if (settings.access !== undefined) link.access = settings.access;
  if (settings.title !== undefined && settings.title.trim()) link.title = settings.title.trim();
  if (settings.expirationDate !== undefined) link.expirationDate = settings.expirationDate;
  if (settings.internal !== undefined) link.internal = settings.internal;
  if (settings.denyDownload !== undefined) link.denyDownload = settings.denyDownload;
  if (settings.password !== undefined) {
    if (settings.password) link.password = settings.password;
    else delete link.password;
  }
  ctx.store.touch();
  return ok(ctx, fileShareDto(ctx.origin, link, now));
}

function listLinks(
  ctx: RequestContext,
  entry: EntryRecord,
  filter: (l: ShareLinkRecord) => boolean = () => true,
): Reply {
  const q = new QueryReader(ctx.query);
  const { startIndex, count } = q.paging();
  q.done();
  const now = new Date();
  const links = sortedLinks(ctx, entry).filter(filter);
  const page = links.slice(startIndex, startIndex + count).map((l) => fileShareDto(ctx.origin, l, now));
  // ApiContext.SetCount(min(total - offset, count)).SetTotalCount(total).
  return ok(ctx, page, { count: Math.max(0, Math.min(links.length - startIndex, count)), total: links.length });
}

function sharePage(status: number, title: string, body: string): Reply {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>body{font:15px system-ui,sans-serif;margin:2rem;color:#333}</style></head><body><main>${body}</main></body></html>`;
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
    body: html,
  };
}

export function registerSharingRoutes(router: Router): void {
  // ---- files ----
  router.get(`${API}/files/file/:id/link`, 'authenticated', (ctx) => {
    const file = requireFile(ctx, ctx.params['id']);
    return ok(ctx, fileShareDto(ctx.origin, primaryOrCreate(ctx, file), new Date()));
  });
  router.post(`${API}/files/file/:id/link`, 'authenticated', async (ctx) => {
    const file = requireFile(ctx, ctx.params['id']);
    const r = await readJsonBody(ctx, { dtoProperty: 'File', required: false });
    const settings = readLinkSettings(r);
    r.done();
    return ok(ctx, fileShareDto(ctx.origin, primaryOrCreate(ctx, file, settings), new Date()));
  });
  router.get(`${API}/files/file/:id/links`, 'authenticated', (ctx) =>
    listLinks(ctx, requireFile(ctx, ctx.params['id'])),
  );
  router.add('PUT', `${API}/files/file/:id/links`, 'authenticated', async (ctx) => {
    const file = requireFile(ctx, ctx.params['id']);
    return setLink(ctx, file, await readJsonBody(ctx, { dtoProperty: 'File' }), false);
  });

  // ---- folders ----
  router.get(`${API}/files/folder/:id/link`, 'authenticated', (ctx) => {
    const folder = requireFolder(ctx, ctx.params['id']);
    return ok(ctx, fileShareDto(ctx.origin, primaryOrCreate(ctx, folder), new Date()));
  });
  router.post(`${API}/files/folder/:id/link`, 'authenticated', async (ctx) => {
    const folder = requireFolder(ctx, ctx.params['id']);
    const r = await readJsonBody(ctx, { dtoProperty: 'Folder', required: false });
    const settings = readLinkSettings(r);
    r.done();
    return ok(ctx, fileShareDto(ctx.origin, primaryOrCreate(ctx, folder, settings), new Date()));
  });
  router.get(`${API}/files/folder/:id/links`, 'authenticated', (ctx) =>
    listLinks(ctx, requireFolder(ctx, ctx.params['id'])),
  );
  router.add('PUT', `${API}/files/folder/:id/links`, 'authenticated', async (ctx) => {
    const folder = requireFolder(ctx, ctx.params['id']);
    return setLink(ctx, folder, await readJsonBody(ctx, { dtoProperty: 'Folder' }), false);
  });

  // ---- rooms ----
  router.get(`${API}/files/rooms/:id/link`, 'authenticated', (ctx) => {
    const room = requireRoom(ctx, ctx.params['id']);
    return ok(ctx, fileShareDto(ctx.origin, primaryOrCreate(ctx, room), new Date()));
  });
  router.get(`${API}/files/rooms/:id/links`, 'authenticated', (ctx) => {
    const room = requireRoom(ctx, ctx.params['id']);
    const raw = ctx.query.get('type');
    const type = raw === undefined || raw === '' ? undefined : Number(raw);
    return listLinks(ctx, room, (l) => type === undefined || l.linkType === type);
  });
  router.add('PUT', `${API}/files/rooms/:id/links`, 'authenticated', async (ctx) => {
    const room = requireRoom(ctx, ctx.params['id']);
    return setLink(ctx, room, await readJsonBody(ctx, { dtoProperty: 'RoomLink' }), true);
  });

  // ---- by key ----
  router.get(`${API}/files/share/:key`, 'anonymous', (ctx) => {
    const link = ctx.store.findShareLinkByKey(ctx.params['key'] ?? '');
    return ok(ctx, externalShareDto(ctx.store, link, ctx.auth.identity !== null, new Date()));
  });

  router.get('/s/:key', 'anonymous', (ctx) => {
    const link = ctx.store.findShareLinkByKey(ctx.params['key'] ?? '');
    const entry = link
      ? link.entryKind === 'file'
        ? ctx.store.getFile(link.entryId)
        : ctx.store.getFolder(link.entryId)
      : undefined;
    if (!link || !entry)
      return sharePage(404, 'Link not found', '<h1>Link not found</h1><p>The link is invalid or has been revoked.</p>');
    if (link.expirationDate && link.expirationDate.getTime() <= Date.now()) {
      return sharePage(410, 'Link expired', '<h1>Link expired</h1><p>The validity of this link has expired.</p>');
    }
    const kind = entry.kind === 'file' ? 'File' : entry.roomType !== undefined ? 'Room' : 'Folder';
    const details =
      entry.kind === 'file'
        ? `<p>${escapeHtml(humanSize(entry.size))}${link.denyDownload ? '' : ` &middot; <a href="${escapeHtml(downloadUrl(ctx.origin, entry.id))}">Download</a>`}</p>`
        : `<p>${ctx.store.folderStats(entry.id).filesCount} files</p>`;
    return sharePage(
      200,
      `${entry.title} - ${PORTAL.name}`,
      `<div data-testid="shared-entry" data-entry-kind="${entry.kind}" data-entry-id="${entry.id}" data-access="${link.access}">` +
        `<p>${kind} shared from ${escapeHtml(PORTAL.name)} (sandbox)</p><h1 data-testid="shared-title">${escapeHtml(entry.title)}</h1>${details}</div>`,
    );
  });

  // ---- presigned stream URL ----
  router.get(`${API}/files/file/:fileId/presigneduri`, 'authenticated', (ctx) => {
    const file = requireFile(ctx, ctx.params['fileId']);
    const url = `${ctx.origin}/filehandler.ashx?action=stream&fileid=${file.id}&version=${file.version}&stream_auth=${streamAuth(file.id, file.version)}`;
    return ok(ctx, url);
  });
}

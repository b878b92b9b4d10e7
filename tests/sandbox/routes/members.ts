// Room members and invitations (VirtualRoomsController: GET|PUT files/rooms/{id}/share, POST
// files/rooms/{id}/resend) and sharing files and folders with people (SecurityController: GET
// files/file/{id}/share, PUT files/file/{fileId}/share, the same for folders). Lists answer
// `count` = min(total - startIndex, count) and `total`, as ApiContext.SetCount/SetTotalCount.
import { readJsonBody } from '../body.ts';
import type { BodyReader } from '../body.ts';
import type { RequestContext } from '../context.ts';
import { fileShareDto, LinkType } from '../dto/share.ts';
import { locate } from '../dto/locate.ts';
import { memberShareDto, ownerShareDto } from '../dto/member-share.ts';
import type { MemberDtoScope } from '../dto/member-share.ts';
import { FileShare, FolderType } from '../enums.ts';
import { ok } from '../envelope.ts';
import { accessDenied } from '../errors.ts';
import { canManageMembers, sharesOf, SubjectType } from '../members/access.ts';
import { resendInvitations, setAccess } from '../members/invite.ts';
import type { Invitation } from '../members/invite.ts';
import { matchesText } from '../people/directory.ts';
import { isDocSpaceAdmin, isGuest } from '../people/roles.ts';
import { QueryReader } from '../query.ts';
import type { Router } from '../router.ts';
import type { EntryRecord, FolderRecord, MemberShareRecord, UserRecord } from '../store.ts';
import { requireFile, requireFolder, requireRoom } from './access.ts';
import { API, currentUser } from './common.ts';

/** ShareFilterType. */
const Filter = {
  UserOrGroup: 0,
  InvitationLink: 1,
  ExternalLink: 2,
  AdditionalExternalLink: 4,
  PrimaryExternalLink: 8,
  Link: 15,
  User: 16,
  Group: 32,
} as const;

function owner(ctx: RequestContext, entry: EntryRecord): UserRecord | undefined {
  const where = locate(ctx.store, entry.kind === 'file' ? entry.folderId : entry.id);
  const ownerId =
    where?.room?.createdBy ?? (where?.root.folderType === FolderType.USER ? where.root.createdBy : entry.createdBy);
  return ctx.store.users.get(ownerId);
}

/** FileSharingHelper.CanSetAccessAsync: room managers and admins; the owner in My documents. */
function canEditAccess(ctx: RequestContext, entry: EntryRecord, user: UserRecord): boolean {
  const where = locate(ctx.store, entry.kind === 'file' ? entry.folderId : entry.id);
  if (!where) return false;
  if (where.root.folderType === FolderType.Archive) return false;
  if (where.room) return canManageMembers(ctx.store, user, where.room);
  return where.root.folderType === FolderType.USER && where.root.createdBy === user.id;
}

function scopeFor(ctx: RequestContext, entry: EntryRecord): MemberDtoScope {
  const viewer = currentUser(ctx);
  return { store: ctx.store, origin: ctx.origin, viewer, canEdit: canEditAccess(ctx, entry, viewer) };
}

function groupMatches(ctx: RequestContext, share: MemberShareRecord, text: string | undefined): boolean {
  if (text === undefined) return true;
  if (share.subjectType === SubjectType.Group)
    return (ctx.store.groups.get(share.subjectId)?.name ?? '').toLowerCase().includes(text.trim().toLowerCase());
  const user = ctx.store.users.get(share.subjectId);
  return user !== undefined && matchesText(user, text);
}

/** GetPureSharesAsync: the owner first (for user filters), then shares, then links. */
function shareItems(ctx: RequestContext, entry: EntryRecord, filterType: number, text: string | undefined) {
  const scope = scopeFor(ctx, entry);
  const items: Array<Record<string, unknown>> = [];
  const people = filterType === Filter.UserOrGroup || filterType === Filter.User || filterType === Filter.Group;
  if (filterType === Filter.UserOrGroup || filterType === Filter.User) {
    const o = owner(ctx, entry);
    if (o && (text === undefined || matchesText(o, text))) items.push(ownerShareDto(scope, o));
  }
  if (people) {
    for (const share of sharesOf(ctx.store, entry.kind, entry.id)) {
      if (filterType === Filter.User && share.subjectType !== SubjectType.User) continue;
      if (filterType === Filter.Group && share.subjectType !== SubjectType.Group) continue;
      if (!groupMatches(ctx, share, text)) continue;
      const dto = memberShareDto(scope, share);
      if (dto) items.push(dto);
    }
    return items;
  }
  // Links need the right to read them (room managers, admins).
  if (!scope.canEdit && !isDocSpaceAdmin(scope.viewer)) return items;
  const now = new Date();
  const links = ctx.store
    .linksOf(entry.kind, entry.id)
    .filter((l) => {
      if (filterType === Filter.InvitationLink) return l.linkType === LinkType.Invitation;
      if (filterType === Filter.ExternalLink) return l.linkType === LinkType.External;
      if (filterType === Filter.AdditionalExternalLink) return l.linkType === LinkType.External && !l.primary;
      if (filterType === Filter.PrimaryExternalLink) return l.linkType === LinkType.External && l.primary;
      return true;
    })
    .filter((l) => text === undefined || l.title.toLowerCase().includes(text.trim().toLowerCase()))
    .sort((a, b) => Number(b.primary) - Number(a.primary) || a.created.getTime() - b.created.getTime());
  for (const link of links) items.push(fileShareDto(ctx.origin, link, now));
  return items;
}

function listShares(ctx: RequestContext, entry: EntryRecord, allowFilter: boolean) {
  const q = new QueryReader(ctx.query);
  const { startIndex, count } = q.paging();
  const filterType = allowFilter
    ? (q.enumValue(Filter, 'filterType', 'FilterType') ?? Filter.UserOrGroup)
    : Filter.UserOrGroup;
  const text = allowFilter ? q.text('filterValue') : undefined;
  q.done();
  const items = shareItems(ctx, entry, filterType, text);
  return ok(ctx, items.slice(startIndex, startIndex + count), {
    count: Math.max(0, Math.min(items.length - startIndex, count)),
    total: items.length,
  });
}

function readInvitations(r: BodyReader, listName: string, idName: string): Invitation[] {
  const raw = r.value(listName);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    r.fail(
      `$.${listName}`,
      `The JSON value could not be converted to System.Collections.Generic.List. Path: $.${listName}`,
    );
    return [];
  }
  return raw.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const o = item as Record<string, unknown>;
    const access =
      typeof o['access'] === 'number' ? o['access'] : FileShare[String(o['access']) as keyof typeof FileShare];
    return [
      {
        ...(typeof o[idName] === 'string' && o[idName] !== '00000000-0000-0000-0000-000000000000'
          ? { id: o[idName] as string }
          : {}),
        ...(typeof o['email'] === 'string' && o['email'] ? { email: o['email'] } : {}),
        access: access ?? FileShare.None,
      },
    ];
  });
}

function roomOf(ctx: RequestContext, entry: EntryRecord): FolderRecord | undefined {
  return locate(ctx.store, entry.kind === 'file' ? entry.folderId : entry.id)?.room;
}

/** SetSecurityInfoAsync for a file or folder: the changed subjects' shares. */
async function shareEntry(ctx: RequestContext, entry: EntryRecord) {
  const r = await readJsonBody(ctx, { dtoProperty: 'SecurityInfoSimple' });
  const invitations = readInvitations(r, 'share', 'shareTo');
  r.bool('notify', false);
  r.text('sharingMessage', 'SharingMessage', { maxLength: 255 });
  r.done();
  const user = currentUser(ctx);
  if (invitations.length === 0) return ok(ctx, [], { count: 1 });
  if (!canEditAccess(ctx, entry, user)) throw accessDenied();
  const { subjects } = setAccess(ctx.store, entry, invitations, user, new Date(), roomOf(ctx, entry));
  const scope = scopeFor(ctx, entry);
  const items = sharesOf(ctx.store, entry.kind, entry.id)
    .filter((s) => subjects.includes(s.subjectId))
    .map((s) => memberShareDto(scope, s))
    .filter((d) => d !== undefined);
  return ok(ctx, items, { count: 1 });
}

function refuseGuests(ctx: RequestContext): void {
  if (isGuest(currentUser(ctx))) throw accessDenied();
}

export function registerMemberRoutes(router: Router): void {
  router.get(`${API}/files/rooms/:id/share`, 'authenticated', (ctx) =>
    listShares(ctx, requireRoom(ctx, ctx.params['id']), true),
  );

  router.add('PUT', `${API}/files/rooms/:id/share`, 'authenticated', async (ctx) => {
    const room = requireRoom(ctx, ctx.params['id']);
    const r = await readJsonBody(ctx, { dtoProperty: 'RoomInvitation' });
    const invitations = readInvitations(r, 'invitations', 'id');
    r.bool('notify', false);
    r.text('message', 'Message');
    r.text('culture', 'Culture');
    r.bool('force', false);
    r.done();
    // RoomSecurityDto: nothing to do answers {error: 0}.
    if (invitations.length === 0) return ok(ctx, { error: 0 });
    const user = currentUser(ctx);
    if (!canEditAccess(ctx, room, user)) throw accessDenied();
    const result = setAccess(ctx.store, room, invitations, user, new Date(), room);
    const scope = scopeFor(ctx, room);
    const members = sharesOf(ctx.store, 'folder', room.id)
      .filter((s) => result.subjects.includes(s.subjectId))
      .map((s) => memberShareDto(scope, s))
      .filter((d) => d !== undefined);
    return ok(ctx, { members, warning: result.warning, error: 0 });
  });

  /** `Task` action: an envelope without `response`. */
  router.post(`${API}/files/rooms/:id/resend`, 'authenticated', async (ctx) => {
    const room = requireRoom(ctx, ctx.params['id']);
    const r = await readJsonBody(ctx, { dtoProperty: 'UserInvitation' });
    const ids = r.strings('usersIds') ?? [];
    const all = r.bool('resendAll', false);
    r.done();
    const user = currentUser(ctx);
    if (!canEditAccess(ctx, room, user)) throw accessDenied();
    resendInvitations(
      ctx.store,
      room,
      ids.map((id) => id.toLowerCase()),
      all,
      user,
      new Date(),
    );
    return ok(ctx, null);
  });

  router.get(`${API}/files/file/:id/share`, 'authenticated', (ctx) => {
    refuseGuests(ctx);
    return listShares(ctx, requireFile(ctx, ctx.params['id']), false);
  });
  router.get(`${API}/files/folder/:id/share`, 'authenticated', (ctx) => {
    refuseGuests(ctx);
    return listShares(ctx, requireFolder(ctx, ctx.params['id']), false);
  });
  router.add('PUT', `${API}/files/file/:fileId/share`, 'authenticated', (ctx) =>
    shareEntry(ctx, requireFile(ctx, ctx.params['fileId'])),
  );
  router.add('PUT', `${API}/files/folder/:folderId/share`, 'authenticated', (ctx) =>
    shareEntry(ctx, requireFolder(ctx, ctx.params['folderId'])),
  );
}

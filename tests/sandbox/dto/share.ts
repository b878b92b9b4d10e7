// FileShareDto for external links (FileShareDtoHelper.Get, docspace-api.md §8.2) and
// ExternalShareDto (GET files/share/{key}, §3.7). Property order as the C# classes declare them.
import { apiDate } from '../dates.ts';
import { FileEntryType } from '../enums.ts';
import { PORTAL } from '../portal-config.ts';
import type { SandboxStore, ShareLinkRecord } from '../store.ts';

/** SubjectType. */
export const SubjectType = { User: 0, ExternalLink: 1, Group: 2, InvitationLink: 3, PrimaryExternalLink: 4 } as const;
/** LinkType. */
export const LinkType = { Invitation: 0, External: 1 } as const;

export function shareUrl(origin: string, link: ShareLinkRecord): string {
  return `${origin}/s/${link.key}`;
}

export function isExpired(link: ShareLinkRecord, now: Date): boolean {
  return link.expirationDate !== null && link.expirationDate.getTime() <= now.getTime();
}

export function subjectTypeOf(link: ShareLinkRecord): number {
  if (link.linkType === LinkType.Invitation) return SubjectType.InvitationLink;
  return link.primary ? SubjectType.PrimaryExternalLink : SubjectType.ExternalLink;
}

export function fileShareDto(origin: string, link: ShareLinkRecord, now: Date): Record<string, unknown> {
  const sharedLink = {
    id: link.id,
    title: link.title,
    shareLink: shareUrl(origin, link),
    expirationDate: link.expirationDate ? apiDate(link.expirationDate, PORTAL.utcOffsetMinutes) : undefined,
    linkType: link.linkType,
    password: link.password,
    denyDownload: link.denyDownload,
    isExpired: isExpired(link, now),
    primary: link.primary,
    internal: link.internal,
    requestToken: link.key,
    ...(link.linkType === LinkType.Invitation ? { currentUseCount: 0 } : {}),
  };
  return {
    access: link.access,
    sharedTo: sharedLink,
    sharedLink,
    isLocked: false,
    isOwner: false,
    canEditAccess: false,
    canEditInternal: true,
    canEditDenyDownload: true,
    canEditExpirationDate: true,
    canRevoke: !link.primary || link.entryKind === 'folder',
    subjectType: subjectTypeOf(link),
  };
}

/** Status of ExternalShareDto. */
export const ExternalShareStatus = {
  Ok: 0,
  Invalid: 1,
  Expired: 2,
  RequiredPassword: 3,
  InvalidPassword: 4,
  ExternalAccessDenied: 5,
} as const;

export function externalShareDto(
  store: SandboxStore,
  link: ShareLinkRecord | undefined,
  authenticated: boolean,
  now: Date,
): Record<string, unknown> {
  const base = {
    tenantId: PORTAL.tenantId,
    shared: false,
    linkId: link?.id ?? '00000000-0000-0000-0000-000000000000',
    isAuthenticated: authenticated,
    isRoomMember: false,
  };
  if (!link) return { status: ExternalShareStatus.Invalid, ...base };
  const entry = link.entryKind === 'file' ? store.getFile(link.entryId) : store.getFolder(link.entryId);
  if (!entry) return { status: ExternalShareStatus.Invalid, ...base };
  const status = isExpired(link, now)
    ? ExternalShareStatus.Expired
    : link.password
      ? ExternalShareStatus.RequiredPassword
      : ExternalShareStatus.Ok;
  const isRoom = entry.kind === 'folder' && entry.roomType !== undefined;
  const type = entry.kind === 'file' ? FileEntryType.File : FileEntryType.Folder;
  return {
    status,
    id: String(entry.id),
    title: entry.title,
    type,
    tenantId: PORTAL.tenantId,
    entityId: String(entry.id),
    entityTitle: entry.title,
    entityType: type,
    isRoom,
    shared: status === ExternalShareStatus.Ok,
    linkId: link.id,
    isAuthenticated: authenticated,
    isRoomMember: isRoom && authenticated,
  };
}

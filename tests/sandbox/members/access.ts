// Who may see and do what in rooms and shared entries, from the user and group shares in the store
// (FileSecurity): DocSpace admins see every room with full rights; anyone else sees the rooms they
// created or are a member of (directly or through a group), with the access of that membership
// (a direct share wins over a group's); a file or folder in someone's My documents is visible to
// the people it is shared with. Entries inside a room follow the room.
import { locate } from '../dto/locate.ts';
import { FileShare, FolderType } from '../enums.ts';
import { isDocSpaceAdmin } from '../people/roles.ts';
import type { SandboxStore } from '../store.ts';
import type { EntryRecord, FolderRecord, MemberShareRecord, UserRecord } from '../store-records.ts';

export const SubjectType = { User: 0, ExternalLink: 1, Group: 2, InvitationLink: 3, PrimaryExternalLink: 4 } as const;

export function shareKey(kind: EntryRecord['kind'], entryId: number, subjectId: string): string {
  return `${kind}:${entryId}:${subjectId}`;
}

export function sharesOf(store: SandboxStore, kind: EntryRecord['kind'], entryId: number): MemberShareRecord[] {
  const out: MemberShareRecord[] = [];
  for (const share of store.memberShares.values())
    if (share.entryKind === kind && share.entryId === entryId) out.push(share);
  return out.sort((a, b) => a.created.getTime() - b.created.getTime());
}

/** The user and the groups the user belongs to. */
export function subjectsOf(store: SandboxStore, userId: string): string[] {
  const subjects = [userId];
  for (const group of store.groups.values()) if (group.memberIds.includes(userId)) subjects.push(group.id);
  return subjects;
}

/** The share that gives the user access to an entry (direct first), or undefined. */
export function shareFor(
  store: SandboxStore,
  userId: string,
  kind: EntryRecord['kind'],
  entryId: number,
): MemberShareRecord | undefined {
  const direct = store.memberShares.get(shareKey(kind, entryId, userId));
  if (direct) return direct;
  let best: MemberShareRecord | undefined;
  for (const subject of subjectsOf(store, userId).slice(1)) {
    const share = store.memberShares.get(shareKey(kind, entryId, subject));
    if (share && (!best || rank(share.access) > rank(best.access))) best = share;
  }
  return best;
}

/** Stronger roles first: manager, content creator, editing, … read. */
function rank(access: number): number {
  const order: number[] = [
    FileShare.Read,
    FileShare.Comment,
    FileShare.Review,
    FileShare.FillForms,
    FileShare.Editing,
    FileShare.ContentCreator,
    FileShare.RoomManager,
  ];
  return order.indexOf(access);
}

/** The user's FileShare in a room: owner and admins manage it; members have their share. */
export function roomAccess(store: SandboxStore, user: UserRecord, room: FolderRecord): number | undefined {
  if (isDocSpaceAdmin(user) || room.createdBy === user.id) return FileShare.RoomManager;
  return shareFor(store, user.id, 'folder', room.id)?.access;
}

export function canSeeRoom(store: SandboxStore, user: UserRecord, room: FolderRecord): boolean {
  return roomAccess(store, user, room) !== undefined;
}

/** FileSharingHelper.CanSetAccessAsync for a room: admins, the owner and room managers. */
export function canManageMembers(store: SandboxStore, user: UserRecord, room: FolderRecord): boolean {
  return roomAccess(store, user, room) === FileShare.RoomManager && user.type !== 'Guest';
}

/** The share of an entry (or of a folder above it) in someone else's My documents that the user has. */
export function personalShareFor(
  store: SandboxStore,
  user: UserRecord,
  entry: EntryRecord,
): MemberShareRecord | undefined {
  let current: EntryRecord | undefined = entry;
  for (let guard = 0; current && guard < 64; guard++) {
    const share = shareFor(store, user.id, current.kind, current.id);
    if (share) return share;
    const parentId: number = current.kind === 'file' ? current.folderId : current.parentId;
    current = parentId === 0 ? undefined : store.getFolder(parentId);
  }
  return undefined;
}

/** Whether the user may see an entry: own sections, visible rooms, or a share. */
export function entryVisibleTo(store: SandboxStore, user: UserRecord, entry: EntryRecord): boolean {
  const where = locate(store, entry.kind === 'file' ? entry.folderId : entry.id);
  if (!where) return false;
  const root = where.root;
  if (root.folderType === FolderType.VirtualRooms || root.folderType === FolderType.Archive) {
    return where.room === undefined || canSeeRoom(store, user, where.room);
  }
  if (Object.values(user.sections).includes(root.id)) return true;
  if (root.folderType !== FolderType.USER) return false;
  return entry.id !== root.id && personalShareFor(store, user, entry) !== undefined;
}

/** Entries of others' My documents shared with the user (the "Shared with me" section). */
export function sharedWithUser(store: SandboxStore, user: UserRecord): EntryRecord[] {
  const subjects = new Set(subjectsOf(store, user.id));
  const out: EntryRecord[] = [];
  for (const share of store.memberShares.values()) {
    if (!subjects.has(share.subjectId) || share.access === FileShare.None) continue;
    const entry = share.entryKind === 'file' ? store.getFile(share.entryId) : store.getFolder(share.entryId);
    const root = entry ? locate(store, entry.kind === 'file' ? entry.folderId : entry.id)?.root : undefined;
    if (entry && root?.folderType === FolderType.USER && !Object.values(user.sections).includes(root.id))
      if (!out.includes(entry)) out.push(entry);
  }
  return out;
}

/** FileEntryDto.access: the caller's FileShare on the entry (None in one's own sections). */
export function entryAccess(store: SandboxStore, user: UserRecord | undefined, entry: EntryRecord): number {
  const where = locate(store, entry.kind === 'file' ? entry.folderId : entry.id);
  if (!where || !user) return FileShare.None;
  const root = where.root.folderType;
  if (root === FolderType.VirtualRooms || root === FolderType.Archive) {
    if (!where.room) return FileShare.RoomManager;
    return roomAccess(store, user, where.room) ?? FileShare.Restrict;
  }
  if (root === FolderType.USER && !Object.values(user.sections).includes(where.root.id))
    return personalShareFor(store, user, entry)?.access ?? FileShare.Restrict;
  return FileShare.None;
}

// Setting people's and groups' access (FileSharing.SetAceObjectAsync, the non-link part): rooms take
// room roles by room type and user type; files and folders take file accesses, and only in My
// documents; `access: 0` removes a share; an e-mail that is no user yet becomes an invited guest.
// Every change is recorded in the room's history, as the server's MessageService does.
import { randomUUID } from 'node:crypto';
import { FileShare, fileShareName } from '../enums.ts';
import { HistoryAction, recordMemberEvent } from '../history/record.ts';
import { addPersonalSections } from '../seed-people.ts';
import type { SandboxStore } from '../store.ts';
import type { EntryRecord, FolderRecord, MemberShareRecord, UserRecord } from '../store-records.ts';
import { shareKey, SubjectType } from './access.ts';
import { checkEntryRole, checkRoomRole, checkUserTypeRole } from './roles.ts';

export interface Invitation {
  /** A user or group id (empty when inviting by e-mail). */
  id?: string;
  email?: string;
  access: number;
}

export interface InviteResult {
  /** Subjects whose share exists after the call (for the answer's member list). */
  subjects: string[];
  warning?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** AddInvitedUserAsync: a guest who has not joined yet, with their own (empty) sections. */
function inviteGuest(store: SandboxStore, email: string, by: UserRecord, now: Date): UserRecord {
  const id = randomUUID();
  const first = store.allocateId();
  for (let i = 1; i < 5; i++) store.allocateId();
  const name = email.split('@')[0] ?? email;
  return store.addUser({
    id,
    firstName: name,
    lastName: '',
    displayName: name,
    email,
    userName: name,
    password: randomUUID(),
    isOwner: false,
    type: 'Guest',
    status: 1,
    activationStatus: 2,
    cultureName: 'en-US',
    registrationDate: now,
    createdBy: by.id,
    sections: addPersonalSections(store, id, first, now),
  });
}

function resolveSubject(
  store: SandboxStore,
  invitation: Invitation,
  by: UserRecord,
  now: Date,
): { id: string; type: number; user?: UserRecord } | 'skip' | { warning: string } {
  if (invitation.email && !invitation.id) {
    const email = invitation.email.trim();
    if (!EMAIL.test(email)) return { warning: `Incorrect email: ${email}` };
    const known = [...store.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
    if (invitation.access === FileShare.None)
      return known ? { id: known.id, type: SubjectType.User, user: known } : 'skip';
    const user = known ?? inviteGuest(store, email, by, now);
    return { id: user.id, type: SubjectType.User, user };
  }
  const id = (invitation.id ?? '').toLowerCase();
  const user = store.users.get(id);
  if (user) return user.status === 1 ? { id, type: SubjectType.User, user } : 'skip';
  if (store.groups.has(id)) return { id, type: SubjectType.Group };
  return 'skip';
}

export function setAccess(
  store: SandboxStore,
  entry: EntryRecord,
  invitations: readonly Invitation[],
  by: UserRecord,
  now: Date,
  room: FolderRecord | undefined,
): InviteResult {
  const result: InviteResult = { subjects: [] };
  const isRoom = entry.kind === 'folder' && entry.roomType !== undefined;
  for (const invitation of invitations) {
    const subject = resolveSubject(store, invitation, by, now);
    if (subject === 'skip') continue;
    if ('warning' in subject) {
      result.warning ??= subject.warning;
      continue;
    }
    if (isRoom) {
      checkRoomRole(entry.folderType, subject.type, invitation.access);
      if (subject.user && invitation.access !== FileShare.None) checkUserTypeRole(subject.user.type, invitation.access);
    } else {
      // Files and folders are shared with people only in My documents.
      checkEntryRole(room?.folderType, subject.type, invitation.access);
    }
    const key = shareKey(entry.kind, entry.id, subject.id);
    const before = store.memberShares.get(key);
    const history = { store, userId: by.id, date: now };
    const who = subject.type === SubjectType.Group ? { groupId: subject.id } : { userId: subject.id };
    const group = subject.type === SubjectType.Group;
    if (invitation.access === FileShare.None) {
      if (before) {
        store.memberShares.delete(key);
        store.touch();
        if (isRoom)
          recordMemberEvent(history, group ? HistoryAction.RoomGroupRemove : HistoryAction.RoomRemoveUser, entry, who);
      }
      continue;
    }
    result.subjects.push(subject.id);
    if (before?.access === invitation.access) continue;
    const record: MemberShareRecord = {
      entryKind: entry.kind,
      entryId: entry.id,
      subjectId: subject.id,
      subjectType: subject.type,
      access: invitation.access,
      createdBy: before?.createdBy ?? by.id,
      created: before?.created ?? now,
      ...(subject.user?.activationStatus === 2 ? { invitedAt: now } : {}),
    };
    store.memberShares.set(key, record);
    store.touch();
    if (!isRoom) continue;
    const access = fileShareName(invitation.access);
    if (before) {
      const action = group ? HistoryAction.RoomUpdateAccessForGroup : HistoryAction.RoomUpdateAccessForUser;
      recordMemberEvent(history, action, entry, who, access, fileShareName(before.access));
    } else {
      recordMemberEvent(
        history,
        group ? HistoryAction.RoomGroupAdded : HistoryAction.RoomCreateUser,
        entry,
        who,
        access,
      );
    }
  }
  return result;
}

/** ResendEmailInvitationsAsync: the invited members who have not joined yet get the e-mail again. */
export function resendInvitations(
  store: SandboxStore,
  room: FolderRecord,
  userIds: readonly string[],
  all: boolean,
  by: UserRecord,
  now: Date,
): number {
  let sent = 0;
  for (const share of store.memberShares.values()) {
    if (share.entryKind !== 'folder' || share.entryId !== room.id || share.subjectType !== SubjectType.User) continue;
    if (!all && !userIds.includes(share.subjectId)) continue;
    const user = store.users.get(share.subjectId);
    if (user?.activationStatus !== 2) continue;
    share.invitedAt = now;
    recordMemberEvent({ store, userId: by.id, date: now }, HistoryAction.RoomInviteResend, room, { userId: user.id });
    sent++;
  }
  if (sent > 0) store.touch();
  return sent;
}

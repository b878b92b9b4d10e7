// FileShareDto for people and groups (FileShareDtoHelper.Get, FileSharing.ToAceAsync): a user's
// share carries `sharedTo`/`sharedToUser` (EmployeeFullDto), a group's `sharedTo`/`sharedToGroup`
// (GroupSummaryDto). The entry's owner comes first as a default ACE (ReadWrite, isOwner, cannot
// be edited), as GetDefaultAcesAsync adds it. Property order as FileShareDto declares it.
import { FileShare } from '../enums.ts';
import { SubjectType } from '../members/access.ts';
import type { SandboxStore } from '../store.ts';
import type { MemberShareRecord, UserRecord } from '../store-records.ts';
import { employeeFullDto, groupSummaryDto } from './employee.ts';

export interface MemberDtoScope {
  store: SandboxStore;
  origin: string;
  viewer: UserRecord;
  /** The viewer may change access (room manager, admin, or the owner of a personal entry). */
  canEdit: boolean;
}

function flags(scope: MemberDtoScope, subjectId: string, owner: boolean) {
  return {
    isLocked: subjectId === scope.viewer.id,
    isOwner: owner,
    canEditAccess: !owner && scope.canEdit && subjectId !== scope.viewer.id,
    canEditInternal: !owner && scope.canEdit,
    canEditDenyDownload: false,
    canEditExpirationDate: !owner && scope.canEdit,
    canRevoke: false,
  };
}

export function ownerShareDto(scope: MemberDtoScope, owner: UserRecord): Record<string, unknown> {
  const user = employeeFullDto(owner, { store: scope.store, origin: scope.origin, viewer: scope.viewer });
  return {
    access: FileShare.ReadWrite,
    sharedTo: user,
    sharedToUser: user,
    isLocked: false,
    isOwner: true,
    canEditAccess: false,
    canEditInternal: false,
    canEditDenyDownload: false,
    canEditExpirationDate: false,
    canRevoke: false,
    subjectType: SubjectType.User,
  };
}

export function memberShareDto(scope: MemberDtoScope, share: MemberShareRecord): Record<string, unknown> | undefined {
  if (share.subjectType === SubjectType.Group) {
    const group = scope.store.groups.get(share.subjectId);
    if (!group) return undefined;
    const dto = groupSummaryDto(scope.store, group);
    return {
      access: share.access,
      sharedTo: dto,
      sharedToGroup: dto,
      ...flags(scope, share.subjectId, false),
      subjectType: SubjectType.Group,
    };
  }
  const user = scope.store.users.get(share.subjectId);
  if (!user) return undefined;
  const dto = employeeFullDto(user, { store: scope.store, origin: scope.origin, viewer: scope.viewer });
  return {
    access: share.access,
    sharedTo: dto,
    sharedToUser: dto,
    ...flags(scope, share.subjectId, false),
    subjectType: SubjectType.User,
  };
}

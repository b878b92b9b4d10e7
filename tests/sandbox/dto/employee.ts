// EmployeeDto (embedded createdBy/updatedBy) and EmployeeFullDto (people/@self), field order as the
// server writes them (derived-class properties first, then base ones).
import { apiDate } from '../dates.ts';
import { PORTAL } from '../portal-config.ts';
import type { SandboxStore, UserRecord } from '../store.ts';

const AVATAR = {
  max: '/static/images/default_user_photo_size_200-200.png',
  big: '/static/images/default_user_photo_size_82-82.png',
  medium: '/static/images/default_user_photo_size_48-48.png',
  small: '/static/images/default_user_photo_size_32-32.png',
} as const;

export function profileUrl(origin: string, user: UserRecord): string {
  return `${origin}/accounts/people/filter?search=${encodeURIComponent(user.email)}`;
}

/** The short form used inside entries. Unknown users render as a deleted profile would. */
export function employeeDto(user: UserRecord | undefined, origin: string): Record<string, unknown> {
  if (!user)
    return {
      id: '00000000-0000-0000-0000-000000000000',
      displayName: 'Profile removed',
      hasAvatar: false,
      isAnonim: false,
    };
  return {
    id: user.id,
    displayName: user.displayName,
    avatarSmall: AVATAR.small,
    profileUrl: profileUrl(origin, user),
    hasAvatar: false,
    isAnonim: false,
  };
}

export function employeeFullDto(user: UserRecord, store: SandboxStore, origin: string): Record<string, unknown> {
  const usedSpace = store.folderStats(user.sections.my).bytes;
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    userName: user.userName,
    email: user.email,
    contacts: [],
    status: 1,
    activationStatus: 1,
    department: '',
    groups: [],
    isAdmin: user.isAdmin,
    isRoomAdmin: false,
    isLDAP: false,
    listAdminModules: [],
    isOwner: user.isOwner,
    isVisitor: false,
    isCollaborator: false,
    cultureName: user.cultureName,
    mobilePhoneActivationStatus: 0,
    isSSO: false,
    quotaLimit: -1,
    usedSpace,
    isCustomQuota: false,
    registrationDate: apiDate(user.registrationDate, PORTAL.utcOffsetMinutes),
    hasPersonalFolder: true,
    tfaAppEnabled: user.tfaAppEnabled === true,
    id: user.id,
    displayName: user.displayName,
    avatar: AVATAR.big,
    avatarOriginal: AVATAR.max,
    avatarMax: AVATAR.max,
    avatarMedium: AVATAR.medium,
    avatarSmall: AVATAR.small,
    profileUrl: profileUrl(origin, user),
    hasAvatar: false,
    isAnonim: false,
  };
}

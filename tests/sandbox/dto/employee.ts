// EmployeeDto (embedded createdBy/updatedBy) and EmployeeFullDto (people/@self, people/{id}, the
// directory), field order as the server writes them (derived-class properties first, then base
// ones). EmployeeFullDtoHelper.GetFullAsync rules: `isAdmin` is a DocSpace admin who is not the
// owner; groups are hidden from a plain user looking at someone else; `createdBy` and
// `tfaAppEnabled` are filled only for a DocSpace admin viewer.
import { apiDate } from '../dates.ts';
import { isDocSpaceAdmin } from '../people/roles.ts';
import { PORTAL } from '../portal-config.ts';
import type { GroupRecord, SandboxStore, UserRecord } from '../store.ts';

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

/** GroupSummaryDto: `manager` is the manager's user name. */
export function groupSummaryDto(store: SandboxStore, group: GroupRecord): Record<string, unknown> {
  const manager = group.managerId ? store.users.get(group.managerId) : undefined;
  return { id: group.id, name: group.name, manager: manager?.userName };
}

export function groupsOf(store: SandboxStore, userId: string): GroupRecord[] {
  return [...store.groups.values()].filter((g) => g.memberIds.includes(userId));
}

export interface FullDtoOptions {
  store: SandboxStore;
  origin: string;
  /** Who is asking (the rules above depend on it). */
  viewer: UserRecord;
  /** people/@self only: the cookie's login event (0 without one). */
  loginEventId?: number;
  /** people/room/{id}: whether the user has access to the entry. */
  shared?: boolean;
}

export function employeeFullDto(user: UserRecord, options: FullDtoOptions): Record<string, unknown> {
  const { store, origin, viewer } = options;
  const adminViewer = isDocSpaceAdmin(viewer);
  const showGroups = viewer.type !== 'User' || viewer.id === user.id;
  const groups = showGroups ? groupsOf(store, user.id) : [];
  const hash = `?hash=${user.registrationDate.getTime() % 1_000_000_007}`;
  const createdBy = adminViewer && user.createdBy ? store.users.get(user.createdBy) : undefined;
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    userName: user.userName,
    email: user.email,
    contacts: [],
    status: user.status,
    activationStatus: user.activationStatus,
    department: showGroups ? groups.map((g) => g.name).join(', ') : undefined,
    groups: groups.length > 0 ? groups.map((g) => groupSummaryDto(store, g)) : undefined,
    title: user.title,
    location: user.location,
    isAdmin: isDocSpaceAdmin(user) && !user.isOwner,
    isRoomAdmin: user.type === 'RoomAdmin',
    isLDAP: false,
    isOwner: user.isOwner,
    isVisitor: user.type === 'Guest',
    isCollaborator: user.type === 'User',
    cultureName: user.cultureName,
    mobilePhoneActivationStatus: 0,
    isSSO: false,
    quotaLimit: -1,
    usedSpace: adminViewer || viewer.id === user.id ? store.folderStats(user.sections.my).bytes : undefined,
    shared: options.shared,
    isCustomQuota: false,
    loginEventId: options.loginEventId,
    createdBy: createdBy ? employeeDto(createdBy, origin) : undefined,
    registrationDate: apiDate(user.registrationDate, PORTAL.utcOffsetMinutes),
    hasPersonalFolder: user.type !== 'Guest',
    tfaAppEnabled: adminViewer ? user.tfaAppEnabled === true : undefined,
    id: user.id,
    displayName: user.displayName,
    avatar: AVATAR.big + hash,
    avatarOriginal: AVATAR.max + hash,
    avatarMax: AVATAR.max + hash,
    avatarMedium: AVATAR.medium + hash,
    avatarSmall: AVATAR.small + hash,
    profileUrl: profileUrl(origin, user),
    hasAvatar: false,
    isAnonim: false,
  };
}

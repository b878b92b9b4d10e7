// User types and what they may do (UserManager.IsDocSpaceAdminAsync, IsGuestAsync, …).
import type { UserRecord } from '../store-records.ts';

export const EmployeeStatus = { Active: 1, Terminated: 2, Pending: 4 } as const;
export const ActivationStatus = { NotActivated: 0, Activated: 1, Pending: 2 } as const;

/** EmployeeType as the filters bind it: names or the integers 0..4. */
export const EmployeeTypeValue = { All: 0, RoomAdmin: 1, Guest: 2, DocSpaceAdmin: 3, User: 4 } as const;

export function isDocSpaceAdmin(user: UserRecord | undefined): boolean {
  return user?.type === 'DocSpaceAdmin';
}

export function isGuest(user: UserRecord | undefined): boolean {
  return user?.type === 'Guest';
}

/** Room admins and DocSpace admins may create rooms and manage their members. */
export function canManageRooms(user: UserRecord | undefined): boolean {
  return user?.type === 'DocSpaceAdmin' || user?.type === 'RoomAdmin';
}

/** UserManager.CanUserViewAnotherUserAsync, simplified: guests see only themselves and admins. */
export function canViewUser(viewer: UserRecord, other: UserRecord): boolean {
  if (viewer.id === other.id || viewer.type !== 'Guest') return true;
  return other.type === 'DocSpaceAdmin';
}

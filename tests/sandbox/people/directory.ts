// The people directory's filter (UserController.GetByFilterAsync → UserQueryFilter): status,
// activation, type, admin flag, group, area, text; sorted as DbUserService sorts (first name by
// default, active people before pending before disabled, ascending unless told otherwise).
import type { SandboxStore } from '../store.ts';
import type { UserRecord } from '../store-records.ts';
import { EmployeeStatus, EmployeeTypeValue } from './roles.ts';

export interface DirectoryFilter {
  employeeStatus?: number;
  activationStatus?: number;
  /** EmployeeType values (0 All, 1 RoomAdmin, 2 Guest, 3 DocSpaceAdmin, 4 User). */
  employeeTypes?: number[];
  isAdministrator?: boolean;
  groupId?: string;
  withoutGroup?: boolean;
  excludeGroup?: boolean;
  /** Area: 0 All, 1 People (no guests), 2 Guests. */
  area?: number;
  text?: string;
  sortBy?: string;
  descending?: boolean;
}

const TYPE_VALUE: Record<UserRecord['type'], number> = {
  RoomAdmin: EmployeeTypeValue.RoomAdmin,
  Guest: EmployeeTypeValue.Guest,
  DocSpaceAdmin: EmployeeTypeValue.DocSpaceAdmin,
  User: EmployeeTypeValue.User,
};

/** Type order of UserSortType.Type: owner and admins, room admins, users, guests. */
const TYPE_RANK: Record<UserRecord['type'], number> = { DocSpaceAdmin: 0, RoomAdmin: 1, User: 2, Guest: 3 };

function statusRank(user: UserRecord): number {
  if (user.status === EmployeeStatus.Active) return user.activationStatus === 2 ? 1 : 0;
  return 2;
}

export function inGroup(store: SandboxStore, userId: string, groupId: string): boolean {
  return store.groups.get(groupId.toLowerCase())?.memberIds.includes(userId) ?? false;
}

export function matchesText(user: UserRecord, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [user.firstName, user.lastName, user.displayName, user.email].some((v) => v.toLowerCase().includes(needle));
}

export function filterUsers(store: SandboxStore, filter: DirectoryFilter): UserRecord[] {
  const hasGroup = (u: UserRecord) => [...store.groups.values()].some((g) => g.memberIds.includes(u.id));
  const types = filter.employeeTypes?.filter((t) => t !== EmployeeTypeValue.All) ?? [];
  const out = [...store.users.values()].filter((u) => {
    if (filter.employeeStatus !== undefined && filter.employeeStatus !== 7) {
      const status = u.activationStatus === 2 && u.status === EmployeeStatus.Active ? EmployeeStatus.Pending : u.status;
      if (filter.employeeStatus === 5 ? status === EmployeeStatus.Terminated : status !== filter.employeeStatus)
        return false;
    }
    if (filter.activationStatus !== undefined && u.activationStatus !== filter.activationStatus) return false;
    if (types.length > 0 && !types.includes(TYPE_VALUE[u.type])) return false;
    if (filter.isAdministrator && u.type !== 'DocSpaceAdmin') return false;
    if (filter.area === 1 && u.type === 'Guest') return false;
    if (filter.area === 2 && u.type !== 'Guest') return false;
    if (filter.withoutGroup && hasGroup(u)) return false;
    if (filter.groupId && !filter.withoutGroup) {
      const member = inGroup(store, u.id, filter.groupId);
      if (filter.excludeGroup ? member : !member) return false;
    }
    return filter.text === undefined || matchesText(u, filter.text);
  });
  return sortUsers(out, filter.sortBy, filter.descending ?? false);
}

export function sortUsers(users: UserRecord[], sortBy: string | undefined, descending: boolean): UserRecord[] {
  const key = (sortBy ?? 'firstname').toLowerCase();
  const dir = descending ? -1 : 1;
  const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
  const compare = (a: UserRecord, b: UserRecord): number => {
    switch (key) {
      case 'email':
        return dir * byName(a.email, b.email);
      case 'type':
        return dir * (TYPE_RANK[a.type] - TYPE_RANK[b.type]) || byName(a.firstName, b.firstName);
      case 'registrationdate':
      case 'createdate':
        return dir * (a.registrationDate.getTime() - b.registrationDate.getTime());
      case 'lastname':
        return statusRank(a) - statusRank(b) || dir * byName(a.lastName, b.lastName);
      default:
        return statusRank(a) - statusRank(b) || dir * byName(a.firstName, b.firstName);
    }
  };
  return [...users].sort(compare);
}

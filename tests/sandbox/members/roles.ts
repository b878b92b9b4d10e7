// Which access each kind of subject may get, by room type (FileSecurity.AvailableRoomAccesses), by
// user type (AvailableUserAccesses) and for files and folders outside rooms
// (_availableRoomFileAccesses). FileSharing.SetAceObjectAsync answers anything else with
// InvalidOperationException "The role is not available for this user type" (403).
import { ApiError } from '../errors.ts';
import { FileShare, FolderType } from '../enums.ts';
import type { EmployeeType } from '../store-records.ts';
import { SubjectType } from './access.ts';

const { None, ReadWrite, Read, Restrict, Review, Comment, FillForms, RoomManager, Editing, ContentCreator } = FileShare;

export const ROLE_NOT_AVAILABLE = 'The role is not available for this user type';

export const roleNotAvailable = (): ApiError =>
  new ApiError(403, ROLE_NOT_AVAILABLE, 'System.InvalidOperationException');

const DEFAULT_FILE_ACCESS = [Editing, FillForms, Review, Comment, Read, None];

type SubjectAccess = Partial<Record<number, readonly number[]>>;

/** FolderType of a room → subject type → allowed FileShare. */
export const ROOM_ACCESSES: Readonly<Record<number, SubjectAccess>> = {
  [FolderType.CustomRoom]: {
    [SubjectType.User]: [RoomManager, ContentCreator, Editing, Review, Comment, Read, None],
    [SubjectType.Group]: [ContentCreator, Editing, Review, Comment, Read, None],
    [SubjectType.InvitationLink]: [ContentCreator, Editing, Review, Comment, Read, None],
    [SubjectType.ExternalLink]: DEFAULT_FILE_ACCESS,
    [SubjectType.PrimaryExternalLink]: DEFAULT_FILE_ACCESS,
  },
  [FolderType.PublicRoom]: {
    [SubjectType.User]: [RoomManager, ContentCreator, None],
    [SubjectType.Group]: [ContentCreator, None],
    [SubjectType.InvitationLink]: [ContentCreator, Read, None],
    [SubjectType.ExternalLink]: DEFAULT_FILE_ACCESS,
    [SubjectType.PrimaryExternalLink]: DEFAULT_FILE_ACCESS,
  },
  [FolderType.FillingFormsRoom]: {
    [SubjectType.User]: [RoomManager, ContentCreator, FillForms, None],
    [SubjectType.Group]: [ContentCreator, FillForms, None],
    [SubjectType.InvitationLink]: [ContentCreator, FillForms, None],
    [SubjectType.ExternalLink]: [FillForms, Read, None],
    [SubjectType.PrimaryExternalLink]: [FillForms, Read, None],
  },
  [FolderType.EditingRoom]: {
    [SubjectType.User]: [RoomManager, ContentCreator, Editing, Read, None],
    [SubjectType.Group]: [ContentCreator, Editing, Read, None],
    [SubjectType.InvitationLink]: [ContentCreator, Editing, Read, None],
  },
  [FolderType.VirtualDataRoom]: {
    [SubjectType.User]: [RoomManager, ContentCreator, Editing, Read, FillForms, None],
    [SubjectType.Group]: [ContentCreator, Editing, Read, FillForms, None],
    [SubjectType.InvitationLink]: [ContentCreator, Editing, Read, FillForms, None],
  },
  [FolderType.AiRoom]: {
    [SubjectType.User]: [RoomManager, ContentCreator, Read, None],
    [SubjectType.Group]: [ContentCreator, Read, None],
    [SubjectType.InvitationLink]: [ContentCreator, Read, None],
  },
};

/** Files and folders outside a room (My documents), and inside rooms: links only, by room type. */
export const ENTRY_ACCESSES: Readonly<Record<number, SubjectAccess>> = {
  [FolderType.USER]: {
    [SubjectType.User]: [ReadWrite, Editing, FillForms, Review, Comment, Read, Restrict, None],
    [SubjectType.Group]: [ReadWrite, Editing, FillForms, Review, Comment, Read, Restrict, None],
    [SubjectType.ExternalLink]: DEFAULT_FILE_ACCESS,
    [SubjectType.PrimaryExternalLink]: DEFAULT_FILE_ACCESS,
  },
  [FolderType.FillingFormsRoom]: {
    [SubjectType.ExternalLink]: [FillForms, None],
    [SubjectType.PrimaryExternalLink]: [FillForms, None],
  },
};
const ROOM_ENTRY_DEFAULT: SubjectAccess = {
  [SubjectType.ExternalLink]: DEFAULT_FILE_ACCESS,
  [SubjectType.PrimaryExternalLink]: DEFAULT_FILE_ACCESS,
};

/** Room roles a user of each type may hold (RoomManager needs an admin or room admin). */
export const USER_TYPE_ACCESSES: Readonly<Record<EmployeeType, readonly number[]>> = {
  DocSpaceAdmin: [RoomManager, ContentCreator, Editing, FillForms, Review, Comment, Read, None],
  RoomAdmin: [RoomManager, ContentCreator, Editing, Review, Comment, FillForms, Read, None],
  User: [ContentCreator, Editing, Review, Comment, FillForms, Read, None],
  Guest: [ContentCreator, Editing, Review, Comment, FillForms, Read, None],
};

/** Throws RoleNotAvailable unless `access` is allowed for the subject on a room of this type. */
export function checkRoomRole(roomFolderType: number, subjectType: number, access: number): void {
  if (!ROOM_ACCESSES[roomFolderType]?.[subjectType]?.includes(access)) throw roleNotAvailable();
}

/** The same for a file or folder; `roomFolderType` is the room it is in, if any. */
export function checkEntryRole(roomFolderType: number | undefined, subjectType: number, access: number): void {
  const table =
    roomFolderType === undefined
      ? ENTRY_ACCESSES[FolderType.USER]
      : (ENTRY_ACCESSES[roomFolderType] ?? ROOM_ENTRY_DEFAULT);
  if (!table?.[subjectType]?.includes(access)) throw roleNotAvailable();
}

export function checkUserTypeRole(type: EmployeeType, access: number): void {
  if (!USER_TYPE_ACCESSES[type].includes(access)) throw roleNotAvailable();
}

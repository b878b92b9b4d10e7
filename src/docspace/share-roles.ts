/**
 * Which access a person may be given, as the server allows it (FileSecurity's available accesses by room type
 * and by user type; FileShare numbers on the wire). Offering only these means the portal never answers "The
 * role is not available for this user type" for a choice the user made.
 */
import type { PersonType } from '../protocol/index.ts';

const ROOM_MANAGER = 9;
const CONTENT_CREATOR = 11;
const EDITING = 10;
const REVIEW = 5;
const COMMENT = 6;
const READ = 2;
const FILL_FORMS = 7;
const READ_WRITE = 1;
const RESTRICT = 3;

/** By room type (RoomType, the number rooms carry): what a user may hold in such a room, best first. */
const ROOM_USER_ACCESS: Readonly<Record<number, readonly number[]>> = {
  1: [ROOM_MANAGER, CONTENT_CREATOR, FILL_FORMS],
  2: [ROOM_MANAGER, CONTENT_CREATOR, EDITING, READ],
  5: [ROOM_MANAGER, CONTENT_CREATOR, EDITING, REVIEW, COMMENT, READ],
  6: [ROOM_MANAGER, CONTENT_CREATOR],
  8: [ROOM_MANAGER, CONTENT_CREATOR, EDITING, READ, FILL_FORMS],
  9: [ROOM_MANAGER, CONTENT_CREATOR, READ],
};

/** A file or folder of My documents shared with a person. */
const ENTRY_USER_ACCESS: readonly number[] = [READ_WRITE, EDITING, FILL_FORMS, REVIEW, COMMENT, READ, RESTRICT];

/** Only DocSpace and room admins may manage a room. */
const TYPE_EXCLUDES: Readonly<Record<PersonType, readonly number[]>> = {
  admin: [],
  roomAdmin: [],
  user: [ROOM_MANAGER],
  guest: [ROOM_MANAGER],
};

/** The levels to offer for a person on a room (its RoomType) or on a file or folder (roomType undefined). */
export function accessLevelsFor(roomType: number | undefined, person: PersonType): number[] {
  const base = roomType === undefined ? ENTRY_USER_ACCESS : (ROOM_USER_ACCESS[roomType] ?? []);
  return base.filter((level) => !TYPE_EXCLUDES[person].includes(level));
}

/** What a new member gets unless the user chooses: the least that lets them work with the content. */
export function defaultAccess(levels: readonly number[]): number | undefined {
  for (const preferred of [EDITING, READ_WRITE, CONTENT_CREATOR, FILL_FORMS, READ]) {
    if (levels.includes(preferred)) return preferred;
  }
  return levels[0];
}

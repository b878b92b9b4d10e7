/** Sharing with people: the directory, who has access to an entry, and giving access (rooms and personal entries). */
import * as v from 'valibot';
import type { EntryId, EntryRef, PersonType } from '../protocol/index.ts';
import type { DocSpaceClient } from './client.ts';

const id = (value: EntryId) => encodeURIComponent(String(value));

const personSchema = v.looseObject({
  id: v.string(),
  displayName: v.optional(v.nullable(v.string())),
  email: v.optional(v.nullable(v.string())),
  isOwner: v.optional(v.boolean()),
  isAdmin: v.optional(v.boolean()),
  isRoomAdmin: v.optional(v.boolean()),
  isVisitor: v.optional(v.boolean()),
  shared: v.optional(v.boolean()),
});
export type PersonDto = v.InferOutput<typeof personSchema>;

const memberSchema = v.looseObject({
  access: v.number(),
  sharedToUser: v.optional(v.nullable(personSchema)),
  sharedToGroup: v.optional(v.nullable(v.looseObject({ id: v.string(), name: v.optional(v.nullable(v.string())) }))),
  isOwner: v.optional(v.boolean()),
  canEditAccess: v.optional(v.boolean()),
  subjectType: v.optional(v.number()),
});
export type MemberDto = v.InferOutput<typeof memberSchema>;

export function personType(person: PersonDto): PersonType {
  if (person.isOwner || person.isAdmin) return 'admin';
  if (person.isRoomAdmin) return 'roomAdmin';
  return person.isVisitor ? 'guest' : 'user';
}

/**
 * Active people matching `query` (name or e-mail). For a room, the room's own list, which a room member may read
 * and which says who has access already; for a personal entry, the directory (admins and room admins only).
 */
export async function findPeople(
  client: DocSpaceClient,
  query: string,
  roomId: EntryId | undefined,
): Promise<PersonDto[]> {
  const params = new URLSearchParams({ filterValue: query, count: '10', startIndex: '0', employeeStatus: '1' });
  const path = roomId === undefined ? '/api/2.0/people/filter' : `/api/2.0/people/room/${id(roomId)}`;
  const { data } = await client.call(`${path}?${params}`, {
    schema: v.array(personSchema),
    lane: 'interactive',
    supersedeKey: 'people-search',
  });
  return data;
}

const sharePath = (entry: EntryRef, isRoom: boolean) =>
  isRoom
    ? `/api/2.0/files/rooms/${id(entry.id)}/share`
    : `/api/2.0/files/${entry.kind === 'file' ? 'file' : 'folder'}/${id(entry.id)}/share`;

/** People and groups with access (links left out), the owner first. */
export async function entryMembers(client: DocSpaceClient, entry: EntryRef, isRoom: boolean): Promise<MemberDto[]> {
  // filterType 0 = users and groups (rooms); personal entries list everything, links are dropped here.
  const query = isRoom ? '?filterType=0&startIndex=0&count=100' : '';
  const { data } = await client.call(`${sharePath(entry, isRoom)}${query}`, {
    schema: v.array(memberSchema),
    lane: 'interactive',
  });
  return data.filter((m) => m.sharedToUser || m.sharedToGroup);
}

/** Gives (or, with access 0, takes away) access; the same request twice leaves the same state. */
export async function shareWith(
  client: DocSpaceClient,
  entry: EntryRef,
  isRoom: boolean,
  invitations: ReadonlyArray<{ personId: string; access: number }>,
): Promise<void> {
  const body = isRoom
    ? { invitations: invitations.map((i) => ({ id: i.personId, access: i.access })), notify: false }
    : { share: invitations.map((i) => ({ shareTo: i.personId, access: i.access })), notify: false };
  await client.call(sharePath(entry, isRoom), {
    method: 'PUT',
    body,
    schema: v.unknown(),
    lane: 'user',
    idempotent: true,
  });
}

import { getFolder } from '../../../src/docspace/api-entries.ts';
import { entryMembers, findPeople, personType, shareWith, type MemberDto } from '../../../src/docspace/api-sharing.ts';
import { accessLevelsFor, defaultAccess } from '../../../src/docspace/share-roles.ts';
import { clampText } from '../../../src/format/text.ts';
import type { CommandHandlers, EntryRef, Member } from '../../../src/protocol/index.ts';
import type { PortalSession } from '../../../src/sessions/portal-session.ts';
import type { CommandContext } from '../../platform/ports.ts';
import type { BackgroundContext } from '../app.ts';

type SharingCommands = Pick<CommandHandlers<CommandContext>, 'findPeople' | 'entryMembers' | 'shareWithPeople'>;

/** Sharing with people: who may be given which access is the server's rule, offered as such (share-roles.ts). */
export function sharingHandlers(background: BackgroundContext): SharingCommands {
  const session = (portalId: string) => background.sessions.require(portalId);
  /** The room type when the entry is a room (rooms share through their own routes and roles). */
  const roomTypeOf = async (s: PortalSession, entry: EntryRef): Promise<number | undefined> =>
    entry.kind === 'folder' ? (await getFolder(s.client, entry.id)).roomType : undefined;
  const members = async (s: PortalSession, entry: EntryRef, isRoom: boolean): Promise<Member[]> =>
    (await entryMembers(s.client, entry, isRoom)).map(toMember);

  return {
    async findPeople({ portalId, entry, query }) {
      const s = await session(portalId);
      const roomType = await roomTypeOf(s, entry);
      const found = await findPeople(s.client, query.trim(), roomType === undefined ? undefined : entry.id);
      return {
        people: found.map((dto) => {
          const type = personType(dto);
          const levels = accessLevelsFor(roomType, type);
          return {
            id: dto.id,
            name: visibleName(dto.displayName ?? '', dto.email ?? dto.id),
            email: dto.email ?? '',
            type,
            levels,
            defaultAccess: defaultAccess(levels) ?? null,
            shared: dto.shared === true,
          };
        }),
      };
    },
    async entryMembers({ portalId, entry }) {
      const s = await session(portalId);
      return { members: await members(s, entry, (await roomTypeOf(s, entry)) !== undefined) };
    },
    async shareWithPeople({ portalId, entry, invitations }) {
      const s = await session(portalId);
      const isRoom = (await roomTypeOf(s, entry)) !== undefined;
      await shareWith(s.client, entry, isRoom, invitations);
      return { members: await members(s, entry, isRoom) };
    },
  };
}

/** A server's name as a list can show it: never empty, never a screenful. */
const visibleName = (name: string, fallback: string): string => clampText(name.trim() || fallback, 120);

function toMember(dto: MemberDto): Member {
  const user = dto.sharedToUser;
  const group = dto.sharedToGroup;
  return {
    id: user?.id ?? group?.id ?? '',
    name: user ? visibleName(user.displayName ?? '', user.email ?? user.id) : visibleName(group?.name ?? '', '—'),
    kind: user ? 'user' : 'group',
    access: dto.access,
    owner: dto.isOwner === true,
    canEdit: dto.canEditAccess === true,
  };
}

import * as v from 'valibot';
import { command, portalIdSchema, text } from './define.ts';
import { entryRefSchema } from './entries.ts';

/** What the portal lets a person be given (only admins and room admins may manage a room). */
export type PersonType = 'admin' | 'roomAdmin' | 'user' | 'guest';

export interface Person {
  id: string;
  name: string;
  email: string;
  type: PersonType;
  /** The FileShare levels this person may get on this entry, best first (none: cannot be added). */
  levels: number[];
  defaultAccess: number | null;
  /** Has access already. */
  shared: boolean;
}

export interface Member {
  id: string;
  name: string;
  kind: 'user' | 'group';
  access: number;
  owner: boolean;
  /** The account may change this member's access. */
  canEdit: boolean;
}

const personId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const access = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(11));

export const sharingCommands = {
  findPeople: command<{ people: Person[] }>()(
    v.object({ portalId: portalIdSchema, entry: entryRefSchema, query: text(100) }),
  ),
  entryMembers: command<{ members: Member[] }>()(v.object({ portalId: portalIdSchema, entry: entryRefSchema })),
  /** Access 0 takes it away. Answers with who has access now. */
  shareWithPeople: command<{ members: Member[] }>()(
    v.object({
      portalId: portalIdSchema,
      entry: entryRefSchema,
      invitations: v.pipe(v.array(v.object({ personId, access })), v.minLength(1), v.maxLength(50)),
    }),
  ),
};

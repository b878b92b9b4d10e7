// The portal's people beyond the demo owner: one user of every type (a second DocSpace admin with
// two-factor sign-in, a room admin, a user, a guest), an invited user who has not joined yet and a
// disabled one; three groups; and who is a member of which demo room. Ids, e-mails and passwords
// are fixed so tests can name them (`SANDBOX_PEOPLE`, `SANDBOX_GROUPS`, `DEMO_ROOM_MEMBERS`).
import { DEMO_USER_ID, TFA_USER } from './demo-account.ts';
import { FileShare, FolderType } from './enums.ts';
import { ActivationStatus, EmployeeStatus } from './people/roles.ts';
import type { SandboxStore } from './store.ts';
import type { EmployeeType, UserSections } from './store-records.ts';

interface SeededPerson {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  type: EmployeeType;
  status: number;
  activationStatus: number;
  /** Section folder ids My documents, Trash, Shared with me, Favorites, Recent, in that order. */
  firstSectionId: number;
}

const person = (p: SeededPerson) => Object.freeze(p);

export const SANDBOX_PEOPLE = Object.freeze({
  tfaAdmin: person({
    userId: TFA_USER.userId,
    firstName: 'Tfa',
    lastName: 'User',
    email: TFA_USER.email,
    password: TFA_USER.password,
    type: 'DocSpaceAdmin',
    status: EmployeeStatus.Active,
    activationStatus: ActivationStatus.Activated,
    firstSectionId: 8,
  }),
  roomAdmin: person({
    userId: '3f6c2a10-8d4e-4b7a-9c1f-5e2d7a9b0c11',
    firstName: 'Robert',
    lastName: 'Stone',
    email: 'robert.stone@docspace.sandbox',
    password: 'room-admin-password',
    type: 'RoomAdmin',
    status: EmployeeStatus.Active,
    activationStatus: ActivationStatus.Activated,
    firstSectionId: 13,
  }),
  user: person({
    userId: '3f6c2a10-8d4e-4b7a-9c1f-5e2d7a9b0c12',
    firstName: 'Irene',
    lastName: 'Collins',
    email: 'irene.collins@docspace.sandbox',
    password: 'user-password',
    type: 'User',
    status: EmployeeStatus.Active,
    activationStatus: ActivationStatus.Activated,
    firstSectionId: 18,
  }),
  guest: person({
    userId: '3f6c2a10-8d4e-4b7a-9c1f-5e2d7a9b0c13',
    firstName: 'Grace',
    lastName: 'Hall',
    email: 'grace.hall@partner.example',
    password: 'guest-password',
    type: 'Guest',
    status: EmployeeStatus.Active,
    activationStatus: ActivationStatus.Activated,
    firstSectionId: 23,
  }),
  invited: person({
    userId: '3f6c2a10-8d4e-4b7a-9c1f-5e2d7a9b0c14',
    firstName: 'Paul',
    lastName: 'Newman',
    email: 'paul.newman@docspace.sandbox',
    password: 'invited-password',
    type: 'User',
    status: EmployeeStatus.Active,
    activationStatus: ActivationStatus.Pending,
    firstSectionId: 28,
  }),
  disabled: person({
    userId: '3f6c2a10-8d4e-4b7a-9c1f-5e2d7a9b0c15',
    firstName: 'Diana',
    lastName: 'Frost',
    email: 'diana.frost@docspace.sandbox',
    password: 'disabled-password',
    type: 'User',
    status: EmployeeStatus.Terminated,
    activationStatus: ActivationStatus.Activated,
    firstSectionId: 33,
  }),
});

export const SANDBOX_GROUPS = Object.freeze({
  marketing: { id: '6b1d0f3e-2c4a-4e8b-a1d2-7f9e0c3b5a21', name: 'Marketing team' },
  sales: { id: '6b1d0f3e-2c4a-4e8b-a1d2-7f9e0c3b5a22', name: 'Sales' },
  legal: { id: '6b1d0f3e-2c4a-4e8b-a1d2-7f9e0c3b5a23', name: 'Legal' },
});

const P = SANDBOX_PEOPLE;

/** Room id → members (the room creator, the demo owner, is its owner and not listed). */
export const DEMO_ROOM_MEMBERS: Readonly<
  Record<number, ReadonlyArray<{ subjectId: string; subjectType: 0 | 2; access: number }>>
> = Object.freeze({
  101: [
    { subjectId: P.roomAdmin.userId, subjectType: 0, access: FileShare.RoomManager },
    { subjectId: P.user.userId, subjectType: 0, access: FileShare.Editing },
    { subjectId: SANDBOX_GROUPS.marketing.id, subjectType: 2, access: FileShare.ContentCreator },
  ],
  102: [{ subjectId: P.user.userId, subjectType: 0, access: FileShare.Read }],
  104: [{ subjectId: P.roomAdmin.userId, subjectType: 0, access: FileShare.ContentCreator }],
  106: [
    { subjectId: SANDBOX_GROUPS.sales.id, subjectType: 2, access: FileShare.Editing },
    { subjectId: P.guest.userId, subjectType: 0, access: FileShare.Read },
  ],
});

const SECTION_ORDER: ReadonlyArray<[keyof UserSections, number, string]> = [
  ['my', FolderType.USER, 'My documents'],
  ['trash', FolderType.TRASH, 'Trash'],
  ['share', FolderType.SHARE, 'Shared with me'],
  ['favorites', FolderType.Favorites, 'Favorites'],
  ['recent', FolderType.Recent, 'Recent'],
];

const FOLDER_DEFAULTS = {
  tags: [],
  pinned: false,
  isPrivate: false,
  indexing: false,
  denyDownload: false,
  mute: false,
  shared: false,
};

function sectionsFrom(first: number): UserSections {
  return { my: first, trash: first + 1, share: first + 2, favorites: first + 3, recent: first + 4 };
}

/** Adds a user's five personal section folders (ids `first`..`first + 4`). */
export function addPersonalSections(store: SandboxStore, userId: string, first: number, created: Date): UserSections {
  SECTION_ORDER.forEach(([, folderType, title], i) =>
    store.addFolder({
      id: first + i,
      parentId: 0,
      title,
      folderType: folderType as FolderType,
      ...FOLDER_DEFAULTS,
      createdBy: userId,
      created,
      updatedBy: userId,
      updated: created,
    }),
  );
  return sectionsFrom(first);
}

/** Everyone but the owner (seeded first by seed-demo.ts), the groups and the room memberships. */
export function seedPeople(store: SandboxStore): void {
  let day = 0;
  for (const p of Object.values(SANDBOX_PEOPLE)) {
    const registered = new Date(Date.UTC(2025, 1, 1 + 3 * day++, 10, 0, 0));
    store.addUser({
      id: p.userId,
      firstName: p.firstName,
      lastName: p.lastName,
      displayName: `${p.firstName} ${p.lastName}`,
      email: p.email,
      userName: p.email.split('@')[0] ?? p.email,
      password: p.password,
      isOwner: false,
      type: p.type,
      status: p.status,
      activationStatus: p.activationStatus,
      cultureName: 'en-US',
      registrationDate: registered,
      createdBy: DEMO_USER_ID,
      ...(p.userId === TFA_USER.userId ? { tfaAppEnabled: true } : {}),
      sections: addPersonalSections(store, p.userId, p.firstSectionId, registered),
    });
  }
  store.addGroup({
    ...SANDBOX_GROUPS.marketing,
    managerId: P.roomAdmin.userId,
    memberIds: [P.roomAdmin.userId, P.user.userId],
  });
  store.addGroup({ ...SANDBOX_GROUPS.sales, managerId: P.user.userId, memberIds: [P.user.userId, P.invited.userId] });
  store.addGroup({ ...SANDBOX_GROUPS.legal, memberIds: [P.tfaAdmin.userId] });

  const since = new Date('2025-12-01T09:00:00.000Z');
  for (const [roomId, members] of Object.entries(DEMO_ROOM_MEMBERS)) {
    for (const m of members) {
      store.memberShares.set(`folder:${roomId}:${m.subjectId}`, {
        entryKind: 'folder',
        entryId: Number(roomId),
        ...m,
        createdBy: DEMO_USER_ID,
        created: since,
      });
    }
  }
  store.touch();
}

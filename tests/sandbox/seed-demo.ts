// The demo portal: the owner, rooms of every type, a deep folder chain, a 180-file folder for paging,
// every file type, favourites, recent files, a Trash, an empty folder and one hostile file name,
// plus the people of seed-people.ts. Ids and dates are fixed so tests can name them (the constants
// are in seed-demo-catalog.ts); bulk files get ids from 1000 upward.
import {
  DEMO_API_KEY,
  DEMO_API_KEY_ID,
  DEMO_EMAIL,
  DEMO_FIRST_NAME,
  DEMO_LAST_NAME,
  DEMO_DISPLAY_NAME,
  DEMO_PASSWORD,
  DEMO_USER_ID,
} from './demo-account.ts';
import { FolderType, ROOM_FOLDER_TYPE } from './enums.ts';
import {
  DEMO_EXTRA_KEYS,
  DEMO_FILES,
  DEMO_FOLDERS,
  DEMO_PAGING_FOLDER,
  DEMO_ROOMS,
  DEMO_SECTIONS,
  DEMO_SEED_TIME,
  DEMO_SHARE_LINKS,
  DEMO_HOSTILE_TITLE,
} from './seed-demo-catalog.ts';
import { seedDemoHistory } from './seed-demo-history.ts';
import { SANDBOX_PEOPLE, seedPeople } from './seed-people.ts';
import type { FolderRecord, SandboxStore } from './store.ts';
import { addApiKey } from './store-api-keys.ts';
import { markOpened, setFavorite } from './store-marks.ts';

export * from './seed-demo-catalog.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number): Date => new Date(DEMO_SEED_TIME.getTime() - ms);

const ROOM_SETTINGS: Record<keyof typeof DEMO_ROOMS, Partial<FolderRecord>> = {
  marketing: { tags: ['campaigns', 'brand'], pinned: true, color: '5299E0' },
  contracts: { tags: ['legal'], indexing: true, color: 'E0A052' },
  onboarding: { tags: ['hr'], color: '52B0E0' },
  pressKit: { tags: ['public', 'brand'], shared: true, color: '8F52E0', logo: true },
  design: { tags: [], color: 'E05252' },
  sales: { tags: ['sales'], color: '52E08F' },
  oldProjects: { tags: ['2024'], color: '9E9E9E' },
};

export function seedDemo(store: SandboxStore): void {
  const user = DEMO_USER_ID;
  store.addUser({
    id: user,
    firstName: DEMO_FIRST_NAME,
    lastName: DEMO_LAST_NAME,
    displayName: DEMO_DISPLAY_NAME,
    email: DEMO_EMAIL,
    userName: 'demo',
    password: DEMO_PASSWORD,
    isOwner: true,
    type: 'DocSpaceAdmin',
    status: 1,
    activationStatus: 1,
    cultureName: 'en-US',
    registrationDate: new Date('2025-01-15T08:30:00.000Z'),
    sections: {
      my: DEMO_SECTIONS.my.id,
      trash: DEMO_SECTIONS.trash.id,
      favorites: DEMO_SECTIONS.favorites.id,
      recent: DEMO_SECTIONS.recent.id,
      share: DEMO_SECTIONS.share.id,
    },
  });

  addApiKey(store, {
    id: DEMO_API_KEY_ID,
    name: 'Demo key',
    userId: user,
    key: DEMO_API_KEY,
    createdOn: ago(30 * DAY),
  });
  addApiKey(store, {
    id: '0b3c8e52-6a1d-4f1e-9d7a-5c2b4e8f9a11',
    name: 'Files read-only',
    userId: user,
    key: DEMO_EXTRA_KEYS.filesReadOnly,
    permissions: ['files:read'],
    createdOn: ago(20 * DAY),
  });
  addApiKey(store, {
    id: '0b3c8e52-6a1d-4f1e-9d7a-5c2b4e8f9a12',
    name: 'Expired',
    userId: user,
    key: DEMO_EXTRA_KEYS.expired,
    createdOn: ago(400 * DAY),
    expiresAt: ago(35 * DAY),
  });
  addApiKey(store, {
    id: '0b3c8e52-6a1d-4f1e-9d7a-5c2b4e8f9a13',
    name: 'Revoked',
    userId: user,
    key: DEMO_EXTRA_KEYS.revoked,
    createdOn: ago(10 * DAY),
    isActive: false,
  });

  const stamp = (created: Date, updated: Date = created) => ({ createdBy: user, created, updatedBy: user, updated });
  const folderDefaults = {
    tags: [],
    pinned: false,
    isPrivate: false,
    indexing: false,
    denyDownload: false,
    mute: false,
    shared: false,
  };

  const created = new Date('2025-01-15T08:30:00.000Z');
  for (const section of Object.values(DEMO_SECTIONS)) {
    store.addFolder({
      id: section.id,
      parentId: 0,
      title: section.title,
      folderType: section.folderType,
      ...folderDefaults,
      ...stamp(created),
    });
  }
  store.portalSections = { rooms: DEMO_SECTIONS.rooms.id, archive: DEMO_SECTIONS.archive.id };

  seedPeople(store);

  const roomAges: Record<keyof typeof DEMO_ROOMS, number> = {
    marketing: 2 * HOUR,
    contracts: 1 * DAY,
    onboarding: 3 * DAY,
    pressKit: 5 * DAY,
    design: 8 * DAY,
    sales: 12 * DAY,
    oldProjects: 200 * DAY,
  };
  for (const [key, room] of Object.entries(DEMO_ROOMS) as Array<
    [keyof typeof DEMO_ROOMS, (typeof DEMO_ROOMS)[keyof typeof DEMO_ROOMS]]
  >) {
    const age = roomAges[key];
    store.addFolder({
      id: room.id,
      parentId: key === 'oldProjects' ? DEMO_SECTIONS.archive.id : DEMO_SECTIONS.rooms.id,
      title: room.title,
      folderType: ROOM_FOLDER_TYPE[room.roomType],
      roomType: room.roomType,
      ...folderDefaults,
      ...ROOM_SETTINGS[key],
      ...stamp(ago(age + 90 * DAY), ago(age)),
    });
  }

  const folder = (id: number, parentId: number, title: string, ageMs: number) =>
    store.addFolder({
      id,
      parentId,
      title,
      folderType: FolderType.DEFAULT,
      ...folderDefaults,
      ...stamp(ago(ageMs + 20 * DAY), ago(ageMs)),
    });
  const file = (
    id: number | undefined,
    folderId: number,
    title: string,
    size: number,
    ageMs: number,
    extra: { isForm?: boolean; version?: number } = {},
  ) =>
    store.addFile({
      ...(id !== undefined ? { id } : {}),
      folderId,
      title,
      size,
      version: extra.version ?? 1,
      versionGroup: extra.version ?? 1,
      ...(extra.isForm ? { isForm: true } : {}),
      ...stamp(ago(ageMs + 7 * DAY), ago(ageMs)),
    });

  const { marketing, contracts, onboarding, pressKit, design, sales, oldProjects } = DEMO_ROOMS;
  const F = DEMO_FOLDERS;
  const D = DEMO_FILES;

  // Marketing: the deep chain Campaigns / 2026 / Q1, the 180-image Assets folder, every media type.
  folder(F.campaigns, marketing.id, 'Campaigns', 3 * HOUR);
  folder(F.campaigns2026, F.campaigns, '2026', 4 * HOUR);
  folder(F.q1, F.campaigns2026, 'Q1', 5 * HOUR);
  folder(F.assets, marketing.id, 'Assets', 6 * HOUR);
  file(D.q1LaunchPlan, F.q1, 'Q1 launch plan.docx', 48_213, 5 * HOUR, { version: 3 });
  seedVersions(store, D.q1LaunchPlan);
  file(D.q1Budget, F.q1, 'Q1 budget.xlsx', 31_744, 26 * HOUR);
  file(D.q1Kickoff, F.q1, 'Q1 kickoff.pptx', 2_457_600, 50 * HOUR);
  file(D.campaignCalendar, F.campaigns2026, 'Campaign calendar 2026.xlsx', 22_118, 3 * DAY);
  file(D.briefTemplate, F.campaigns, 'Campaign brief template.docx', 18_944, 9 * DAY);
  file(D.brandGuidelines, marketing.id, 'Brand guidelines.pdf', 1_843_200, 2 * DAY);
  file(D.productLaunchVideo, marketing.id, 'Product launch.mp4', 24_117_248, 4 * DAY);
  file(D.podcast, marketing.id, 'Podcast episode 12.mp3', 8_388_608, 6 * DAY);
  file(D.logoPack, marketing.id, 'Logo pack.zip', 12_582_912, 10 * DAY);
  file(D.customerJourney, marketing.id, 'Customer journey.vsdx', 93_184, 11 * DAY);
  file(D.brandBook, marketing.id, 'Brand book.docx', 65_536, 15 * DAY);
  const prefixes = ['banner', 'photo', 'icon', 'hero', 'social'];
  for (let i = 1; i <= DEMO_PAGING_FOLDER.fileCount; i++) {
    const title = `${prefixes[(i - 1) % prefixes.length]}-${String(i).padStart(3, '0')}.png`;
    file(999 + i, F.assets, title, 40_960 + ((i * 7919) % 409_600), i * HOUR);
  }

  // Contracts (VDR): a Clients folder and a register.
  folder(F.clients, contracts.id, 'Clients', 1 * DAY);
  file(320, F.clients, 'Acme MSA.pdf', 402_112, 1 * DAY);
  file(321, F.clients, 'Globex NDA.docx', 27_648, 16 * DAY);
  file(322, contracts.id, 'Contract template.docx', 35_840, 2 * DAY);
  file(323, contracts.id, 'Signed contracts register.xlsx', 14_336, 4 * DAY);

  file(325, onboarding.id, 'Employee onboarding form.pdf', 286_720, 3 * DAY, { isForm: true });
  file(326, onboarding.id, 'New hire checklist.docx', 21_504, 6 * DAY);

  file(328, pressKit.id, 'Press release.docx', 29_696, 5 * DAY);
  file(329, pressKit.id, 'Company fact sheet.pdf', 512_000, 7 * DAY);
  file(330, pressKit.id, 'Product photo.png', 1_258_291, 9 * DAY);
  file(331, pressKit.id, 'Company overview.pptx', 3_145_728, 12 * DAY);

  folder(F.unsorted, design.id, 'Unsorted', 8 * DAY);
  file(333, design.id, 'Homepage mockup.png', 734_003, 8 * DAY);
  file(334, design.id, 'Wireframes.vsdx', 156_672, 13 * DAY);
  file(335, design.id, 'Design tokens.xyz', 2_048, 14 * DAY);
  file(336, design.id, 'Style guide.pdf', 972_800, 20 * DAY);

  file(338, sales.id, 'Sales pipeline.xlsx', 45_056, 12 * DAY);
  file(339, sales.id, 'Pitch deck.pptx', 5_242_880, 14 * DAY);

  folder(F.retrospective, oldProjects.id, 'Retrospective', 200 * DAY);
  file(350, oldProjects.id, 'Final report 2024.docx', 88_064, 200 * DAY);
  file(351, F.retrospective, 'Lessons learned.docx', 19_456, 201 * DAY);

  // My documents: a few files of different types, a folder, the hostile name.
  const my = DEMO_SECTIONS.my.id;
  folder(F.personalNotes, my, 'Personal notes', 1 * DAY);
  file(342, F.personalNotes, 'Ideas.docx', 12_800, 1 * DAY);
  file(D.budget2026, my, 'Budget 2026.xlsx', 52_224, 30 * HOUR);
  file(D.hostile, my, DEMO_HOSTILE_TITLE, 10_240, 2 * DAY);
  file(343, my, 'Travel photos.png', 2_097_152, 4 * DAY);
  file(344, my, 'Tax return 2025.pdf', 358_400, 9 * DAY);
  file(345, my, 'Meeting recording.mp4', 31_457_280, 11 * DAY);
  file(346, my, 'Voice memo.mp3', 1_572_864, 12 * DAY);
  file(347, my, 'Backup.zip', 7_340_032, 18 * DAY);
  file(348, my, 'Org chart.vsdx', 61_440, 25 * DAY);
  file(349, my, 'notes.xyz', 1_024, 40 * DAY);

  // Trash: one file from My documents, one folder (with a file) from Marketing.
  const trash = DEMO_SECTIONS.trash.id;
  const oldDraft = file(D.oldDraft, trash, 'Old draft.docx', 16_384, 3 * DAY);
  oldDraft.trash = { originParentId: my, trashedAt: ago(2 * DAY) };
  const obsolete = folder(F.obsolete, trash, 'Obsolete', 6 * DAY);
  obsolete.trash = { originParentId: marketing.id, trashedAt: ago(1 * DAY) };
  file(361, F.obsolete, 'Outdated banner.png', 204_800, 30 * DAY);

  setFavorite(store, user, 'file', D.brandGuidelines, true);
  setFavorite(store, user, 'file', D.budget2026, true);
  setFavorite(store, user, 'folder', F.campaigns, true);

  markOpened(store, user, D.q1LaunchPlan, ago(1 * HOUR));
  markOpened(store, user, D.budget2026, ago(3 * HOUR));
  markOpened(store, user, 328, ago(1 * DAY));
  markOpened(store, user, 322, ago(2 * DAY));

  // Rooms get their primary external link when created (public: "Shared link", form filling: "Link to fill out").
  for (const [roomId, link] of [
    [pressKit.id, DEMO_SHARE_LINKS.pressKit],
    [onboarding.id, DEMO_SHARE_LINKS.onboarding],
  ] as const) {
    store.addShareLink({
      ...link,
      entryKind: 'folder',
      entryId: roomId,
      primary: true,
      internal: false,
      denyDownload: false,
      linkType: 1,
      expirationDate: null,
      createdBy: user,
      created: ago(80 * DAY),
    });
  }
  seedDemoHistory(store);
}

/** File 301 claims version 3: its versions 1 and 2, by the owner and by Irene, with comments. */
function seedVersions(store: SandboxStore, fileId: number): void {
  const file = store.getFile(fileId);
  if (!file) return;
  const v3 = file.updated;
  file.history = [
    {
      version: 1,
      versionGroup: 1,
      title: file.title,
      size: 41_872,
      createdBy: DEMO_USER_ID,
      created: new Date(v3.getTime() - 6 * DAY),
      comment: 'Created',
    },
    {
      version: 2,
      versionGroup: 2,
      title: file.title,
      size: 45_030,
      createdBy: SANDBOX_PEOPLE.user.userId,
      created: new Date(v3.getTime() - 2 * DAY),
      comment: 'Edited',
    },
  ];
  file.comment = 'Edited';
  store.touch();
}

// `--seed large`: the demo portal plus volume, for paging, scrolling, search and benchmark runs:
// 1,000 more rooms, a room holding 10,000 files, and a chain of folders 25 deep with a file at the
// bottom. Ids and dates are fixed. Built with the store's plain add methods (no per-entry work
// beyond a Map insert), so it takes tens of milliseconds; the listing caches fill on first use.
import { FolderType, ROOM_FOLDER_TYPE, RoomType } from './enums.ts';
import { DEMO_USER_ID } from './demo-account.ts';
import { DEMO_SECTIONS, DEMO_SEED_TIME, seedDemo } from './seed-demo.ts';
import type { SandboxStore } from './store.ts';

export const LARGE_SEED = {
  /** Rooms "Project 0001" … "Project 1000", ids 20001–21000, room types in rotation. */
  rooms: { firstId: 20_001, count: 1_000 },
  /** "Bulk files": 10,000 files, ids 100000–109999. */
  bigRoom: { id: 21_001, title: 'Bulk files', fileCount: 10_000, firstFileId: 100_000 },
  /** "Deep structure" / Level 01 / … / Level 25, folder ids 22001–22025; one file at the bottom. */
  deepChain: {
    roomId: 21_002,
    title: 'Deep structure',
    depth: 25,
    firstFolderId: 22_001,
    leafFolderId: 22_025,
    leafFileId: 110_000,
  },
} as const;

const ROOM_TYPES: readonly RoomType[] = [
  RoomType.EditingRoom,
  RoomType.CustomRoom,
  RoomType.VirtualDataRoom,
  RoomType.FillingFormsRoom,
  RoomType.PublicRoom,
];
const EXTENSIONS = ['docx', 'xlsx', 'pptx', 'pdf', 'png', 'txt', 'mp4', 'zip'];
const MINUTE = 60_000;
const folderDefaults = {
  tags: [] as string[],
  pinned: false,
  isPrivate: false,
  indexing: false,
  denyDownload: false,
  mute: false,
  shared: false,
};

export function seedLarge(store: SandboxStore): void {
  seedDemo(store);
  const user = DEMO_USER_ID;
  const base = DEMO_SEED_TIME.getTime();
  const stamp = (ageMs: number) => {
    const at = new Date(base - ageMs);
    return { createdBy: user, created: at, updatedBy: user, updated: at };
  };
  const roomsSection = DEMO_SECTIONS.rooms.id;

  const { rooms, bigRoom, deepChain } = LARGE_SEED;
  for (let i = 0; i < rooms.count; i++) {
    const roomType = ROOM_TYPES[i % ROOM_TYPES.length]!;
    store.addFolder({
      id: rooms.firstId + i,
      parentId: roomsSection,
      title: `Project ${String(i + 1).padStart(4, '0')}`,
      folderType: ROOM_FOLDER_TYPE[roomType],
      roomType,
      ...folderDefaults,
      tags: i % 10 === 0 ? ['bulk'] : [],
      ...stamp((i + 1) * 37 * MINUTE),
    });
  }

  store.addFolder({
    id: bigRoom.id,
    parentId: roomsSection,
    title: bigRoom.title,
    folderType: ROOM_FOLDER_TYPE[RoomType.EditingRoom],
    roomType: RoomType.EditingRoom,
    ...folderDefaults,
    ...stamp(30 * MINUTE),
  });
  for (let i = 0; i < bigRoom.fileCount; i++) {
    const ext = EXTENSIONS[i % EXTENSIONS.length]!;
    store.addFile({
      id: bigRoom.firstFileId + i,
      folderId: bigRoom.id,
      title: `file-${String(i + 1).padStart(5, '0')}.${ext}`,
      size: 1_024 + ((i * 7_919) % 4_194_304),
      version: 1,
      versionGroup: 1,
      ...stamp((i + 1) * 3 * MINUTE),
    });
  }

  store.addFolder({
    id: deepChain.roomId,
    parentId: roomsSection,
    title: deepChain.title,
    folderType: ROOM_FOLDER_TYPE[RoomType.CustomRoom],
    roomType: RoomType.CustomRoom,
    ...folderDefaults,
    ...stamp(45 * MINUTE),
  });
  let parentId: number = deepChain.roomId;
  for (let level = 1; level <= deepChain.depth; level++) {
    const id = deepChain.firstFolderId + level - 1;
    store.addFolder({
      id,
      parentId,
      title: `Level ${String(level).padStart(2, '0')}`,
      folderType: FolderType.DEFAULT,
      ...folderDefaults,
      ...stamp(level * MINUTE),
    });
    parentId = id;
  }
  store.addFile({
    id: deepChain.leafFileId,
    folderId: parentId,
    title: 'Bottom.docx',
    size: 12_288,
    version: 1,
    versionGroup: 1,
    ...stamp(MINUTE),
  });
}

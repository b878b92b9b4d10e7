// The fixed ids, titles and keys of the demo portal (seed-demo.ts builds it), for tests to name.
import { createHash } from 'node:crypto';
import { FolderType, RoomType } from './enums.ts';

/** "Now" of the seeded portal; every seeded date is before it. */
export const DEMO_SEED_TIME = new Date('2026-03-02T09:00:00.000Z');

export const DEMO_SECTIONS = {
  rooms: { id: 1, title: 'Rooms', folderType: FolderType.VirtualRooms },
  archive: { id: 2, title: 'Archive', folderType: FolderType.Archive },
  my: { id: 3, title: 'My documents', folderType: FolderType.USER },
  trash: { id: 4, title: 'Trash', folderType: FolderType.TRASH },
  share: { id: 5, title: 'Shared with me', folderType: FolderType.SHARE },
  favorites: { id: 6, title: 'Favorites', folderType: FolderType.Favorites },
  recent: { id: 7, title: 'Recent', folderType: FolderType.Recent },
} as const;

/** The personal sections of the two-factor user (TFA_USER), empty. */
export const TFA_USER_SECTIONS = {
  my: { id: 8, title: 'My documents', folderType: FolderType.USER },
  trash: { id: 9, title: 'Trash', folderType: FolderType.TRASH },
  share: { id: 10, title: 'Shared with me', folderType: FolderType.SHARE },
  favorites: { id: 11, title: 'Favorites', folderType: FolderType.Favorites },
  recent: { id: 12, title: 'Recent', folderType: FolderType.Recent },
} as const;

export const DEMO_ROOMS = {
  marketing: { id: 101, title: 'Marketing', roomType: RoomType.EditingRoom },
  contracts: { id: 102, title: 'Contracts', roomType: RoomType.VirtualDataRoom },
  onboarding: { id: 103, title: 'Onboarding forms', roomType: RoomType.FillingFormsRoom },
  pressKit: { id: 104, title: 'Press kit', roomType: RoomType.PublicRoom },
  design: { id: 105, title: 'Design', roomType: RoomType.CustomRoom },
  sales: { id: 106, title: 'Sales team', roomType: RoomType.EditingRoom },
  /** In the Archive (searchArea=1). */
  oldProjects: { id: 107, title: 'Old projects 2024', roomType: RoomType.EditingRoom },
} as const;

export const DEMO_FOLDERS = {
  campaigns: 201,
  campaigns2026: 202,
  /** Marketing / Campaigns / 2026 / Q1 */
  q1: 203,
  /** Marketing / Assets: 180 images. */
  assets: 204,
  clients: 205,
  /** Design / Unsorted: empty. */
  unsorted: 206,
  personalNotes: 207,
  retrospective: 208,
  /** In the Trash, deleted from Marketing. */
  obsolete: 209,
} as const;

export const DEMO_HOSTILE_TITLE = '<img src=x onerror=alert(1)>.docx';

export const DEMO_FILES = {
  q1LaunchPlan: 301,
  q1Budget: 302,
  q1Kickoff: 303,
  campaignCalendar: 304,
  briefTemplate: 305,
  brandGuidelines: 306,
  productLaunchVideo: 307,
  podcast: 308,
  logoPack: 309,
  customerJourney: 310,
  brandBook: 311,
  budget2026: 340,
  /** `<img src=x onerror=alert(1)>.docx` in My documents. */
  hostile: 341,
  /** In the Trash, deleted from My documents. */
  oldDraft: 360,
} as const;

/** The breadcrumb titles of the deep folder, root first. */
export const DEMO_DEEP_FOLDER = {
  id: DEMO_FOLDERS.q1,
  path: ['Rooms', 'Marketing', 'Campaigns', '2026', 'Q1'],
} as const;

/** The rooms' primary external links (fixed ids and keys: `/s/{key}` works across restarts). */
export const DEMO_SHARE_LINKS = {
  pressKit: {
    id: '5f2c9a7e-1b3d-4c6e-8a0f-2d4b6c8e0a01',
    key: 'sbx-press-kit-public',
    title: 'Shared link',
    access: 2,
  },
  onboarding: {
    id: '5f2c9a7e-1b3d-4c6e-8a0f-2d4b6c8e0a02',
    key: 'sbx-onboarding-forms',
    title: 'Link to fill out',
    access: 7,
  },
} as const;

export const DEMO_PAGING_FOLDER = { id: DEMO_FOLDERS.assets, title: 'Assets', fileCount: 180 } as const;
export const DEMO_EMPTY_FOLDER = { id: DEMO_FOLDERS.unsorted, title: 'Unsorted' } as const;

/** Extra keys for auth tests: same derivation as the demo key, from their own seed strings. */
function keyFrom(seed: string): string {
  return `sk-${createHash('sha256').update(seed).digest('hex')}`;
}
export const DEMO_EXTRA_KEYS = {
  /** Valid, but only `files:read`: GET /people/@self answers 403. */
  filesReadOnly: keyFrom('docspace-sandbox-files-read-key'),
  expired: keyFrom('docspace-sandbox-expired-key'),
  revoked: keyFrom('docspace-sandbox-revoked-key'),
} as const;

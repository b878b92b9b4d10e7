import { describe, expect, it } from 'vitest';
import {
  DEMO_DEEP_FOLDER,
  DEMO_EMPTY_FOLDER,
  DEMO_FILES,
  DEMO_HOSTILE_TITLE,
  DEMO_PAGING_FOLDER,
  DEMO_ROOMS,
  DEMO_SECTIONS,
} from '../../sandbox/server.ts';
import { API_DATE, useSandbox } from './helpers.ts';

const t = useSandbox();
const list = async (path: string) => {
  const res = await t.get(path, t.apiKey);
  expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
  return res.json.response;
};
const titles = (content: { folders: Array<{ title: string }>; files: Array<{ title: string }> }) =>
  [...content.folders, ...content.files].map((e) => e.title);

describe('paging over the 180-file folder', () => {
  const path = `/api/2.0/files/${DEMO_PAGING_FOLDER.id}`;

  it('defaults to 100 entries per page and reports the total', async () => {
    const page = await list(path);
    expect(page).toMatchObject({ startIndex: 0, count: 100, total: 180, new: 0 });
    expect(page.files).toHaveLength(100);
    expect(page.current).toMatchObject({ id: DEMO_PAGING_FOLDER.id, title: 'Assets', filesCount: 180 });
  });

  it('walks the folder with startIndex += count and sees every file exactly once', async () => {
    const seen: number[] = [];
    for (let startIndex = 0; ; startIndex += 40) {
      const page = await list(`${path}?startIndex=${startIndex}&count=40`);
      expect(page.total).toBe(180);
      expect(page.startIndex).toBe(startIndex);
      expect(page.count).toBe(page.files.length);
      seen.push(...page.files.map((f: { id: number }) => f.id));
      if (startIndex + 40 >= page.total) break;
    }
    expect(seen).toHaveLength(180);
    expect(new Set(seen).size).toBe(180);
  });

  it('a start past the end yields an empty page with the same total', async () => {
    expect(await list(`${path}?startIndex=180&count=10`)).toMatchObject({
      count: 0,
      total: 180,
      files: [],
      folders: [],
    });
    expect(await list(`${path}?startIndex=170&count=100`)).toMatchObject({ count: 10, total: 180 });
  });

  it('sorts on request: AZ ascending and descending', async () => {
    const asc = await list(`${path}?sortBy=AZ&sortOrder=ascending&count=3`);
    expect(titles(asc)).toEqual(['banner-001.png', 'banner-006.png', 'banner-011.png']);
    const desc = await list(`${path}?sortBy=AZ&sortOrder=1&count=1`);
    expect(titles(desc)).toEqual(['social-180.png']);
  });

  it('filters by title, case-insensitively', async () => {
    const page = await list(`${path}?filterValue=HERO&count=100`);
    expect(page.total).toBe(36);
    expect(titles(page).every((title: string) => title.startsWith('hero-'))).toBe(true);
  });
});

describe('folders and breadcrumbs', () => {
  it('pathParts of the deep folder run from the Rooms section to the folder', async () => {
    const page = await list(`/api/2.0/files/${DEMO_DEEP_FOLDER.id}`);
    expect(page.pathParts.map((p: { title: string }) => p.title)).toEqual(DEMO_DEEP_FOLDER.path);
    expect(page.pathParts[0]).toEqual({ id: DEMO_SECTIONS.rooms.id, title: 'Rooms', folderType: 14 });
    expect(page.pathParts[1]).toEqual({ id: DEMO_ROOMS.marketing.id, title: 'Marketing', roomType: 2, folderType: 16 });
    expect(page.pathParts[4]).toEqual({ id: DEMO_DEEP_FOLDER.id, title: 'Q1', folderType: 0 });
    for (const file of page.files) {
      expect(file).toMatchObject({
        rootFolderType: 14,
        rootFolderId: DEMO_SECTIONS.rooms.id,
        parentRoomType: 16,
        fileEntryType: 2,
      });
    }
  });

  it('lists folders before files, in the same paging', async () => {
    const room = await list(`/api/2.0/files/${DEMO_ROOMS.marketing.id}?count=3`);
    expect(room.folders.map((f: { title: string }) => f.title).sort()).toEqual(['Assets', 'Campaigns']);
    expect(room.files).toHaveLength(1);
    const next = await list(`/api/2.0/files/${DEMO_ROOMS.marketing.id}?startIndex=2&count=3`);
    expect(next.folders).toHaveLength(0);
    expect(next.total).toBe(room.total);
  });

  it('searches the subtree with filterValue (withSubFolders defaults to true)', async () => {
    const deep = await list(`/api/2.0/files/${DEMO_ROOMS.marketing.id}?filterValue=q1`);
    expect(titles(deep).sort()).toEqual(['Q1', 'Q1 budget.xlsx', 'Q1 kickoff.pptx', 'Q1 launch plan.docx']);
    const shallow = await list(`/api/2.0/files/${DEMO_ROOMS.marketing.id}?filterValue=q1&withSubFolders=false`);
    expect(shallow.total).toBe(0);
  });

  it('filterType narrows to one kind', async () => {
    const marketing = `/api/2.0/files/${DEMO_ROOMS.marketing.id}`;
    expect(titles(await list(`${marketing}?filterType=2`)).sort()).toEqual(['Assets', 'Campaigns']);
    expect(titles(await list(`${marketing}?filterType=22`))).toEqual(['Brand guidelines.pdf']);
    expect(titles(await list(`${marketing}?filterType=MediaOnly`)).sort()).toEqual([
      'Podcast episode 12.mp3',
      'Product launch.mp4',
    ]);
    expect((await list(`${marketing}?filterType=FilesOnly`)).folders).toHaveLength(0);
  });

  it('an empty folder is an empty page', async () => {
    expect(await list(`/api/2.0/files/${DEMO_EMPTY_FOLDER.id}`)).toMatchObject({
      files: [],
      folders: [],
      count: 0,
      total: 0,
    });
  });

  it('GET /files/folder/{id} and /files/file/{id} return single DTOs', async () => {
    const folder = await list(`/api/2.0/files/folder/${DEMO_ROOMS.contracts.id}`);
    expect(folder).toMatchObject({
      id: DEMO_ROOMS.contracts.id,
      roomType: 8,
      type: 29,
      fileEntryType: 1,
      indexing: true,
    });
    const file = await list(`/api/2.0/files/file/${DEMO_FILES.q1LaunchPlan}`);
    expect(file).toMatchObject({
      id: DEMO_FILES.q1LaunchPlan,
      title: 'Q1 launch plan.docx',
      fileType: 7,
      fileExst: '.docx',
      version: 3,
    });
  });
});

describe('entry DTOs', () => {
  it('files carry the URL forms, sizes and types of the real server', async () => {
    const base = t.sandbox.url;
    const page = await list(`/api/2.0/files/${DEMO_ROOMS.marketing.id}?filterType=FilesOnly`);
    const byTitle = new Map(page.files.map((f: { title: string }) => [f.title, f]));
    expect(byTitle.get('Brand guidelines.pdf')).toMatchObject({
      fileType: 10,
      fileExst: '.pdf',
      contentLength: '1.76 MB',
      pureContentLength: 1_843_200,
      viewUrl: `${base}/filehandler.ashx?action=download&fileid=${DEMO_FILES.brandGuidelines}`,
      webUrl: `${base}/doceditor?fileid=${DEMO_FILES.brandGuidelines}&version=1`,
      isFavorite: true,
    });
    expect(byTitle.get('Product launch.mp4')).toMatchObject({
      fileType: 2,
      webUrl: `${base}/media/view/${DEMO_FILES.productLaunchVideo}`,
    });
    expect(byTitle.get('Logo pack.zip')).toMatchObject({
      fileType: 1,
      webUrl: `${base}/filehandler.ashx?action=download&fileid=${DEMO_FILES.logoPack}`,
    });
    expect(byTitle.get('Customer journey.vsdx')).toMatchObject({ fileType: 11 });
    const any = page.files[0];
    expect(any.created).toMatch(API_DATE);
    expect(any.createdBy).toMatchObject({ displayName: 'Demo User', hasAvatar: false, isAnonim: false });
    expect(any.security).toMatchObject({ Read: true, Download: true });
    expect(page.files.filter((f: { isFavorite?: boolean }) => f.isFavorite === false)).toHaveLength(0);
  });

  it('the hostile title comes back verbatim, as data', async () => {
    const my = await list('/api/2.0/files/@my');
    const hostile = my.files.find((f: { id: number }) => f.id === DEMO_FILES.hostile);
    expect(hostile.title).toBe(DEMO_HOSTILE_TITLE);
  });

  it('the editor page escapes the hostile title', async () => {
    const res = await t.get(`/doceditor?fileid=${DEMO_FILES.hostile}&version=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).toContain('&#60;img src=x onerror=alert(1)&#62;.docx');
  });

  it('the web client stand-in shows a folder at the address the extension opens it at', async () => {
    const res = await t.get(`/rooms/shared/${DEMO_DEEP_FOLDER.id}/filter?folder=${DEMO_DEEP_FOLDER.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`data-folder-id="${DEMO_DEEP_FOLDER.id}"`);
    expect(res.text).toContain('>Q1<');
    expect((await t.get('/rooms/shared/999999/filter?folder=999999')).status).toBe(404);
  });

  it('downloads have the advertised size', async () => {
    const res = await fetch(`${t.sandbox.url}/filehandler.ashx?action=download&fileid=${DEMO_FILES.q1LaunchPlan}`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(48_213);
    expect(res.headers.get('content-disposition')).toContain('attachment');
  });
});

describe('root sections', () => {
  it('@root lists the sections in the server order', async () => {
    const root = await list('/api/2.0/files/@root');
    expect(root.map((s: { current: { type: number } }) => s.current.type)).toEqual([10, 11, 6, 5, 3, 14, 20]);
    const noTrash = await list('/api/2.0/files/@root?withoutTrash=true');
    expect(noTrash.map((s: { current: { type: number } }) => s.current.type)).toEqual([10, 11, 6, 5, 14, 20]);
  });

  it('@root applies count/startIndex to every section', async () => {
    const root = await list('/api/2.0/files/@root?count=1');
    for (const section of root) expect(section.count).toBeLessThanOrEqual(1);
    const rooms = root.find((s: { current: { type: number } }) => s.current.type === 14);
    expect(rooms.total).toBe(6);
  });

  it.each([
    ['@my', 5],
    ['@trash', 3],
    ['@favorites', 10],
    ['@recent', 11],
    ['recent', 11],
    ['@share', 6],
  ])('%s has current.type %i', async (name, type) => {
    const page = await list(`/api/2.0/files/${name}`);
    expect(page.current.type).toBe(type);
    expect(page.pathParts).toEqual([{ id: page.current.id, title: page.current.title, folderType: type }]);
  });

  it('Trash entries say where they came from', async () => {
    const trash = await list('/api/2.0/files/@trash');
    const draft = trash.files.find((f: { id: number }) => f.id === DEMO_FILES.oldDraft);
    expect(draft).toMatchObject({ originId: DEMO_SECTIONS.my.id, originTitle: 'My documents', rootFolderType: 3 });
    expect(draft.autoDelete).toMatch(API_DATE);
  });

  it('Recent is ordered by last opened', async () => {
    const recent = await list('/api/2.0/files/@recent');
    expect(recent.files[0]).toMatchObject({
      id: DEMO_FILES.q1LaunchPlan,
      originTitle: 'Q1',
      originRoomTitle: 'Marketing',
    });
  });
});

describe('rooms', () => {
  const rooms = async (query = '') => list(`/api/2.0/files/rooms${query}`);

  it('lists active rooms under the Rooms section, pinned first, newest next', async () => {
    const page = await rooms();
    expect(page.current).toMatchObject({ id: DEMO_SECTIONS.rooms.id, type: 14 });
    expect(page.pathParts).toEqual([{ id: DEMO_SECTIONS.rooms.id, title: 'Rooms', folderType: 14 }]);
    expect(page.total).toBe(6);
    expect(page.folders[0]).toMatchObject({ title: 'Marketing', pinned: true, roomType: 2, type: 16 });
    for (const room of page.folders) {
      // Press kit has an uploaded logo (its sizes as portal paths); the others only their colour.
      const sized = room.id === DEMO_ROOMS.pressKit.id ? expect.stringMatching(/^\/storage\/room_logos\//) : '';
      expect(room.logo).toMatchObject({ original: sized, medium: sized, color: expect.any(String) });
      expect(Array.isArray(room.tags)).toBe(true);
    }
  });

  it('filters by one or several room types, by number or name', async () => {
    expect(titles(await rooms('?type=2')).sort()).toEqual(['Marketing', 'Sales team']);
    expect(titles(await rooms('?type=VirtualDataRoom'))).toEqual(['Contracts']);
    expect(titles(await rooms('?type=1&type=6')).sort()).toEqual(['Onboarding forms', 'Press kit']);
    expect((await rooms('?type=9')).total).toBe(0);
  });

  it('searchArea picks active, archived or all rooms', async () => {
    const archive = await rooms('?searchArea=1');
    expect(archive.current.type).toBe(20);
    expect(titles(archive)).toEqual(['Old projects 2024']);
    expect((await rooms('?searchArea=Any')).total).toBe(7);
  });

  it('filters by title and sorts by name', async () => {
    expect(titles(await rooms('?filterValue=BOARD'))).toEqual(['Onboarding forms']);
    const az = await rooms('?sortBy=AZ&sortOrder=ascending');
    expect(titles(az)).toEqual(['Marketing', 'Contracts', 'Design', 'Onboarding forms', 'Press kit', 'Sales team']);
  });

  it('validates count like the folder listing', async () => {
    expect((await t.get('/api/2.0/files/rooms?count=101', t.apiKey)).status).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { sameOriginUrl, toFolderPage } from '../../../src/docspace/entries.ts';
import type { FolderContentDto } from '../../../src/docspace/dto.ts';

const origin = 'https://team.onlyoffice.com';

function content(overrides: Partial<FolderContentDto> = {}): FolderContentDto {
  return {
    files: [
      {
        id: 10,
        title: 'Report.docx',
        fileType: 7,
        fileExst: '.docx',
        pureContentLength: 12800,
        updated: '2025-05-21T09:00:00.0000000+03:00',
        webUrl: `${origin}/doceditor?fileid=10&version=1`,
      },
    ],
    folders: [
      {
        id: 5,
        title: 'Campaigns',
        type: 0,
        filesCount: 2,
        foldersCount: 1,
        updated: '2025-05-20T13:15:30.0000000+03:00',
      },
    ],
    current: { id: 3, title: 'Marketing', type: 16, roomType: 2 },
    pathParts: [
      { id: 1, title: 'Rooms', folderType: 14 },
      { id: 3, title: 'Marketing', folderType: 16, roomType: 2 },
    ],
    startIndex: 0,
    count: 2,
    total: 2,
    ...overrides,
  };
}

describe('toFolderPage', () => {
  it('lists folders first, then files, with breadcrumbs from pathParts', () => {
    const page = toFolderPage(content(), 'p', origin, 0);
    expect(page.entries.map((e) => e.kind)).toEqual(['folder', 'file']);
    expect(page.breadcrumbs).toEqual([
      { id: 1, title: 'Rooms', folderType: 14 },
      { id: 3, title: 'Marketing', folderType: 16, roomType: 2 },
    ]);
    expect(page.folder).toEqual({ id: 3, title: 'Marketing', folderType: 16, roomType: 2 });
    expect(page.entries[1]).toMatchObject({
      sizeBytes: 12800,
      extension: '.docx',
      webUrl: `${origin}/doceditor?fileid=10&version=1`,
    });
    expect(page.nextStartIndex).toBeNull();
  });

  it('points at the next page while entries remain', () => {
    expect(toFolderPage(content({ total: 180 }), 'p', origin, 0).nextStartIndex).toBe(2);
  });

  it('stops instead of looping when the server returns an empty page before its total', () => {
    expect(
      toFolderPage(content({ files: [], folders: [], total: 180, startIndex: 100 }), 'p', origin, 100).nextStartIndex,
    ).toBeNull();
  });

  it('a hostile start or total cannot make "Load more" stand still or run forever', () => {
    const negative = toFolderPage(content({ startIndex: -5, total: 180 }), 'p', origin, 50);
    expect(negative).toMatchObject({ startIndex: 50, nextStartIndex: 52 });
    const huge = toFolderPage(content({ total: 1e308 }), 'p', origin, 0);
    expect(huge).toMatchObject({ total: 2, nextStartIndex: null });
    const fraction = toFolderPage(content({ total: 2.5 }), 'p', origin, 0);
    expect(fraction.nextStartIndex).toBeNull();
  });

  it('keeps hostile titles as plain strings and drops links that leave the portal', () => {
    const page = toFolderPage(
      content({ files: [{ id: 11, title: '<img src=x onerror=alert(1)>.docx', webUrl: 'javascript:alert(1)' }] }),
      'p',
      origin,
      0,
    );
    const file = page.entries.find((e) => e.kind === 'file');
    expect(file?.title).toBe('<img src=x onerror=alert(1)>.docx');
    expect(file && file.kind === 'file' ? file.webUrl : 'x').toBeNull();
  });
});

describe('sameOriginUrl', () => {
  it.each([
    [`${origin}/doceditor?fileid=1`, `${origin}/doceditor?fileid=1`],
    ['/doceditor?fileid=1', `${origin}/doceditor?fileid=1`],
    ['https://evil.example.com/doceditor', null],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    [undefined, null],
  ])('%s → %s', (candidate, expected) => {
    expect(sameOriginUrl(candidate, origin)).toBe(expected);
  });
});

describe('a room’s logo', () => {
  const room = (logo: Record<string, string>) =>
    toFolderPage(
      content({ folders: [{ id: 7, title: 'Press kit', type: 22, roomType: 6, logo }], files: [] }),
      'p',
      origin,
      0,
    ).entries[0]!;

  it('is offered when the portal has one on its own origin', () => {
    expect(room({ medium: '/storage/room_logos/root/7_medium.png?hash=1', color: '8F52E0' })).toMatchObject({
      hasLogo: true,
      color: '8f52e0',
    });
  });

  it('is not when it is empty or elsewhere (the page would otherwise make the background fetch any URL)', () => {
    for (const medium of ['', 'https://evil.example/logo.png', 'javascript:alert(1)'])
      expect(room({ medium, color: '8F52E0' })).not.toHaveProperty('hasLogo');
  });
});

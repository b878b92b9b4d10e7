import { describe, expect, it } from 'vitest';
import { appError } from '../../../src/errors/index.ts';
import type { Entry, FolderPage } from '../../../src/protocol/index.ts';
import { createBrowseStore } from '../../../extension/ui/stores/browse-store.ts';
import { fakeConnector } from './fake-connector.ts';

const file = (id: number): Entry => ({
  kind: 'file',
  id,
  title: `f${id}.docx`,
  fileType: 7,
  extension: '.docx',
  sizeBytes: 1,
  updated: '',
  webUrl: null,
  isFavorite: false,
});

function page(ids: number[], total: number, startIndex = 0, title = 'Rooms'): FolderPage {
  const next = startIndex + ids.length;
  return {
    portalId: 'p',
    folder: { id: 1, title, folderType: 14 },
    breadcrumbs: [{ id: 1, title, folderType: 14 }],
    entries: ids.map(file),
    startIndex,
    total,
    nextStartIndex: next < total ? next : null,
  };
}

describe('browse store', () => {
  it('opens the rooms section first and pages with Load more', async () => {
    const { connector, sent } = fakeConnector({
      listRooms: async (req) => (req.startIndex === 0 ? page([1, 2], 3) : page([3], 3, 2)),
    });
    const store = createBrowseStore(connector);
    await store.getState().start('p');
    expect(store.getState()).toMatchObject({ status: 'ready', location: { section: 'rooms' } });
    await store.getState().loadMore();
    expect(store.getState().page?.entries.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(store.getState().page?.nextStartIndex).toBeNull();
    expect(sent.map((s) => s.payload)).toEqual([
      { portalId: 'p', startIndex: 0, count: 50 },
      { portalId: 'p', startIndex: 2, count: 50 },
    ]);
  });

  it('drops an older answer that arrives after a newer navigation', async () => {
    let releaseSlow!: () => void;
    const slow = new Promise<void>((r) => (releaseSlow = r));
    const { connector } = fakeConnector({
      listRooms: async () => page([1], 1),
      listFolder: async (req) => {
        if (req.folderId === 'slow') await slow;
        return page([Number(req.folderId === 'slow' ? 100 : 200)], 1, 0, String(req.folderId));
      },
    });
    const store = createBrowseStore(connector);
    await store.getState().start('p');
    const older = store.getState().openFolder('slow');
    await store.getState().openFolder('fast');
    releaseSlow();
    await older;
    expect(store.getState().page?.folder.title).toBe('fast');
    expect(store.getState().location.folderId).toBe('fast');
  });

  it('keeps the error as data with what to do, and retries the same view', async () => {
    let fail = true;
    const { connector } = fakeConnector({
      listRooms: async () => page([1], 1),
      listSection: async () => {
        if (fail) throw appError('networkError', { origin: 'https://p' });
        return page([9], 1, 0, 'My documents');
      },
    });
    const store = createBrowseStore(connector);
    await store.getState().start('p');
    await store.getState().openSection('my');
    expect(store.getState()).toMatchObject({ status: 'error', error: { code: 'network', action: 'retry' } });
    fail = false;
    await store.getState().retry();
    expect(store.getState()).toMatchObject({ status: 'ready', location: { section: 'my' } });
  });

  it('reloads the view quietly when the background says its listing changed', async () => {
    let version = 1;
    const { connector, emit } = fakeConnector({
      listRooms: async () => ({ ...page(version === 1 ? [1] : [1, 2], version), cached: version === 1 }),
    });
    const store = createBrowseStore(connector);
    await store.getState().start('p');
    version = 2;
    emit('entriesChanged', { portalId: 'p', folderIds: [1] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().page?.entries.map((e) => e.id)).toEqual([1, 2]);
    expect(store.getState().status).toBe('ready');
  });

  it('opens a section root when its breadcrumb is clicked', async () => {
    const { connector, sent } = fakeConnector({
      listRooms: async () => page([1], 1),
      listFolder: async () => page([2], 1),
    });
    const store = createBrowseStore(connector);
    await store.getState().start('p');
    await store.getState().openFolder(7);
    await store.getState().openCrumb({ id: 1, title: 'Rooms', folderType: 14 }, 0);
    expect(store.getState().location).toEqual({ section: 'rooms' });
    expect(sent.map((s) => s.name)).toEqual(['listRooms', 'listFolder', 'listRooms']);
  });
});

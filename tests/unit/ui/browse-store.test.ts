import { describe, expect, it } from 'vitest';
import { appError } from '../../../src/errors/index.ts';
import type { Entry, FolderPage } from '../../../src/protocol/index.ts';
import { createBrowseStore, visibleEntries } from '../../../extension/ui/stores/browse-store.ts';
import { fakeConnector } from './fake-connector.ts';
import { fileEntry, folderPage } from './sample-entries.ts';

const file = (id: number): Entry => fileEntry(id);

function page(ids: number[], total: number, startIndex = 0, title = 'Rooms'): FolderPage {
  return folderPage(ids.map(file), total, startIndex, title);
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
    const sort = { by: 'modified', order: 'descending' };
    expect(sent.filter((s) => s.name === 'listRooms').map((s) => s.payload)).toEqual([
      { portalId: 'p', startIndex: 0, count: 50, sort, filter: {} },
      { portalId: 'p', startIndex: 2, count: 100, sort, filter: {} },
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

  it('a refresh drops an entry gone from the first page, and keeps what was paged in below it', async () => {
    let ids = [1, 2, 3, 4];
    const { connector, emit } = fakeConnector({ listRooms: async () => page(ids, ids.length) });
    const store = createBrowseStore(connector);
    await store.getState().start('p');
    ids = [1, 2, 3];
    emit('entriesChanged', { portalId: 'p', folderIds: [1] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().page?.entries.map((e) => e.id)).toEqual([1, 2, 3]);

    const first = Array.from({ length: 50 }, (_, i) => i + 1);
    const { connector: paged, emit: changed } = fakeConnector({
      listRooms: async (req) => (req.startIndex === 0 ? page(first, 60) : page([51, 52], 60, 50)),
    });
    const big = createBrowseStore(paged);
    await big.getState().start('p');
    await big.getState().loadMore();
    changed('entriesChanged', { portalId: 'p', folderIds: [1] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(big.getState().page?.entries).toHaveLength(52);
    // Load more goes on after what is on screen, not from the first page's end again.
    expect(big.getState().page?.nextStartIndex).toBe(52);
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
    expect(sent.map((s) => s.name).filter((name) => name.startsWith('list'))).toEqual([
      'listRooms',
      'listFolder',
      'listRooms',
    ]);
  });

  it('opens where the user was last time, painted at once from what the background kept, then refreshed', async () => {
    let fresh = false;
    const { connector, sent } = fakeConnector({
      restoreView: async () => ({
        portalId: 'p',
        state: {
          section: 'my',
          folderId: 42,
          firstRow: 12,
          sort: { my: { by: 'name', order: 'ascending' } },
          roomFilter: {},
        },
        page: { ...page([7], 1, 0, 'Kept'), cached: true },
      }),
      listFolder: async () => {
        fresh = true;
        return page([7, 8], 2, 0, 'Kept');
      },
    });
    const store = createBrowseStore(connector);
    const starting = store.getState().start('p');
    await Promise.resolve();
    await starting;
    expect(store.getState()).toMatchObject({
      location: { section: 'my', folderId: 42 },
      firstRow: 12,
      status: 'ready',
    });
    expect(fresh).toBe(true);
    expect(store.getState().page?.entries.map((e) => e.id)).toEqual([7, 8]);
    expect(sent.find((s) => s.name === 'listFolder')?.payload).toMatchObject({
      sort: { by: 'name', order: 'ascending' },
    });
  });

  it('narrows the list at once as you type, and searches the portal after a pause, superseding older searches', async () => {
    const answers: Array<(value: unknown) => void> = [];
    const { connector, sent } = fakeConnector({
      listRooms: async () =>
        folderPage([fileEntry(1, { title: 'Budget.xlsx' }), fileEntry(2, { title: 'Notes.docx' })], 2),
      searchEntries: (req) =>
        new Promise((resolve) =>
          answers.push(() =>
            resolve({
              portalId: 'p',
              query: req.query,
              entries: [fileEntry(9, { title: `${req.query}-hit` })],
              total: 1,
            }),
          ),
        ),
    });
    const store = createBrowseStore(connector);
    await store.getState().start('p');
    store.getState().setQuery('bu');
    expect(visibleEntries(store.getState()).map((e) => e.title)).toEqual(['Budget.xlsx']);
    store.getState().setQuery('bud');
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(sent.filter((s) => s.name === 'searchEntries').map((s) => (s.payload as { query: string }).query)).toEqual([
      'bud',
    ]);
    answers[0]!(undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().search).toMatchObject({ status: 'ready', entries: [{ title: 'bud-hit' }] });
  });
});

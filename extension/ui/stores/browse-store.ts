import { createStore } from 'zustand/vanilla';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { Crumb, EntryId, FolderPage, PortalId, SectionId } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';

export const PAGE_SIZE = 50;

export interface BrowseLocation {
  section: SectionId;
  folderId?: EntryId;
}

export interface BrowseState {
  portalId: PortalId | null;
  location: BrowseLocation;
  page: FolderPage | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadingMore: boolean;
  error: ErrorData | null;
  moreError: ErrorData | null;
  start(portalId: PortalId): Promise<void>;
  openSection(section: SectionId): Promise<void>;
  openFolder(folderId: EntryId): Promise<void>;
  openCrumb(crumb: Crumb, index: number): Promise<void>;
  loadMore(): Promise<void>;
  retry(): Promise<void>;
  /** Loads the view again without a spinner (the background says its listing changed). */
  refresh(): Promise<void>;
}

/** Section root folders by DocSpace FolderType, so a breadcrumb back to a root opens the section view. */
const SECTION_BY_FOLDER_TYPE: Record<number, SectionId> = {
  14: 'rooms',
  5: 'my',
  3: 'trash',
  10: 'favorites',
  11: 'recent',
};

export function createBrowseStore(connector: Connector) {
  // Each navigation bumps the generation; an answer for an older one arrives late and is dropped.
  let generation = 0;

  const fetchPage = (portalId: PortalId, location: BrowseLocation, startIndex: number): Promise<FolderPage> => {
    const page = { portalId, startIndex, count: PAGE_SIZE };
    if (location.folderId !== undefined) return connector.send('listFolder', { ...page, folderId: location.folderId });
    if (location.section === 'rooms') return connector.send('listRooms', page);
    return connector.send('listSection', { ...page, section: location.section });
  };

  const store = createStore<BrowseState>()((set, get) => {
    const navigate = async (location: BrowseLocation): Promise<void> => {
      const portalId = get().portalId;
      if (!portalId) return;
      const mine = ++generation;
      set({ location, status: 'loading', error: null, moreError: null, loadingMore: false });
      try {
        const page = await fetchPage(portalId, location, 0);
        if (mine === generation) set({ page, status: 'ready' });
      } catch (error) {
        if (mine === generation) set({ status: 'error', error: toErrorData(error) });
      }
    };

    return {
      portalId: null,
      location: { section: 'rooms' },
      page: null,
      status: 'idle',
      loadingMore: false,
      error: null,
      moreError: null,

      async start(portalId) {
        set({ portalId, page: null });
        await navigate({ section: 'rooms' });
      },

      openSection: (section) => navigate({ section }),

      openFolder: (folderId) => navigate({ section: get().location.section, folderId }),

      openCrumb(crumb, index) {
        const section = SECTION_BY_FOLDER_TYPE[crumb.folderType];
        if (index === 0 && section) return navigate({ section });
        return navigate({ section: get().location.section, folderId: crumb.id });
      },

      async loadMore() {
        const { portalId, page, loadingMore, location } = get();
        if (!portalId || !page || page.nextStartIndex === null || loadingMore) return;
        const mine = generation;
        set({ loadingMore: true, moreError: null });
        try {
          const next = await fetchPage(portalId, location, page.nextStartIndex);
          if (mine !== generation) {
            set({ loadingMore: false });
            return;
          }
          const seen = new Set(page.entries.map((e) => `${e.kind}:${e.id}`));
          const fresh = next.entries.filter((e) => !seen.has(`${e.kind}:${e.id}`));
          set({
            page: { ...next, startIndex: page.startIndex, entries: [...page.entries, ...fresh] },
            loadingMore: false,
          });
        } catch (error) {
          set({ loadingMore: false, ...(mine === generation ? { moreError: toErrorData(error) } : {}) });
        }
      },

      retry: () => navigate(get().location),

      async refresh() {
        const { portalId, location, status } = get();
        if (!portalId || status !== 'ready') return;
        const mine = ++generation;
        try {
          const page = await fetchPage(portalId, location, 0);
          if (mine === generation) set({ page, moreError: null, loadingMore: false });
        } catch {
          // The list on screen stays; the next navigation shows any error.
        }
      },
    };
  });
  connector.on('entriesChanged', ({ portalId, folderIds }) => {
    const { page } = store.getState();
    if (page && page.portalId === portalId && folderIds.some((id) => String(id) === String(page.folder.id))) {
      void store.getState().refresh();
    }
  });
  return store;
}

export type BrowseStore = ReturnType<typeof createBrowseStore>;

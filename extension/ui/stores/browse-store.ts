import { createStore } from 'zustand/vanilla';
import { appError, toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type {
  Crumb,
  Entry,
  EntryId,
  FolderPage,
  PortalId,
  RoomFilter,
  SectionId,
  Sort,
  ViewState,
} from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';

// Over 300 lines on purpose: navigation, paging, refresh and search share one rule (a newer view's answer
// supersedes an older one's, and the remembered view follows whatever is on screen); split, each part would
// need the others' state.

export const PAGE_SIZE = 50;
/** Pages after the first are as large as DocSpace serves (100): half the requests to reach a big folder's end. */
export const MORE_PAGE_SIZE = 100;
/** After this long a view still loading says so, and offers to stop waiting. */
export const SLOW_AFTER_MS = 2_500;
const SEARCH_DEBOUNCE_MS = 300;
const SAVE_DEBOUNCE_MS = 400;

export interface BrowseLocation {
  section: SectionId;
  folderId?: EntryId;
}

export const DEFAULT_SORT: Sort = { by: 'modified', order: 'descending' };
const SECTION_DEFAULT_SORT: Partial<Record<SectionId, Sort>> = { rooms: { by: 'modified', order: 'descending' } };

export interface SearchState {
  status: 'idle' | 'searching' | 'ready' | 'error';
  query: string;
  entries: Entry[];
  total: number;
  error: ErrorData | null;
}

export interface BrowseState {
  portalId: PortalId | null;
  location: BrowseLocation;
  page: FolderPage | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Loading for longer than usual. */
  slow: boolean;
  /** Where a loading or failed view is going: shown instead of the last folder's breadcrumbs. */
  pendingCrumbs: Crumb[] | null;
  loadingMore: boolean;
  error: ErrorData | null;
  moreError: ErrorData | null;
  sort: Partial<Record<SectionId, Sort>>;
  roomFilter: RoomFilter;
  /** Typed in the search box: filters the list at once, and searches the portal after a pause. */
  query: string;
  search: SearchState;
  /** Row to scroll to when a view is painted again. */
  firstRow: number;
  recentDestinations: Array<{ id: EntryId; title: string }>;
  addRecentDestination(folder: { id: EntryId; title: string }): void;
  start(portalId: PortalId): Promise<void>;
  openSection(section: SectionId): Promise<void>;
  openFolder(folderId: EntryId, title?: string): Promise<void>;
  openCrumb(crumb: Crumb, index: number): Promise<void>;
  goUp(): Promise<void>;
  loadMore(): Promise<void>;
  retry(): Promise<void>;
  /** Stops waiting for a slow view and goes back to the last one shown. */
  cancelLoading(): void;
  /** Loads the view again without a spinner (the background says its entries changed). */
  refresh(): Promise<void>;
  setSort(sort: Sort): Promise<void>;
  setRoomFilter(filter: RoomFilter): Promise<void>;
  setQuery(query: string): void;
  setFirstRow(row: number): void;
  /** Sends a place still waiting to be saved (the popup is closing). */
  flushSave(): void;
  /** The sort of the section on screen. */
  currentSort(): Sort;
}

/** Section roots by DocSpace FolderType, so a breadcrumb back to a root opens the section view. */
const SECTION_BY_FOLDER_TYPE: Record<number, SectionId> = {
  14: 'rooms',
  5: 'my',
  6: 'shared',
  3: 'trash',
  10: 'favorites',
  11: 'recent',
};

const idle: SearchState = { status: 'idle', query: '', entries: [], total: 0, error: null };

export function createBrowseStore(connector: Connector) {
  // Each navigation bumps the generation; an answer for an older one arrives late and is dropped.
  let generation = 0;
  let searchGeneration = 0;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let slowTimer: ReturnType<typeof setTimeout> | undefined;
  let lastShown: { location: BrowseLocation; page: FolderPage } | null = null;

  const store = createStore<BrowseState>()((set, get) => {
    const sortFor = (section: SectionId): Sort => get().sort[section] ?? SECTION_DEFAULT_SORT[section] ?? DEFAULT_SORT;

    const fetchPage = (portalId: PortalId, location: BrowseLocation, startIndex: number): Promise<FolderPage> => {
      const count = startIndex === 0 ? PAGE_SIZE : MORE_PAGE_SIZE;
      const page = { portalId, startIndex, count, sort: sortFor(location.section) };
      if (location.folderId !== undefined)
        return connector.send('listFolder', { ...page, folderId: location.folderId });
      if (location.section === 'rooms') return connector.send('listRooms', { ...page, filter: get().roomFilter });
      return connector.send('listSection', { ...page, section: location.section });
    };

    const saveNow = (): void => {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      const { portalId, location, firstRow, sort, roomFilter, recentDestinations } = get();
      if (!portalId) return;
      const state: ViewState = { section: location.section, firstRow, sort, roomFilter, recentDestinations };
      if (location.folderId !== undefined) state.folderId = location.folderId;
      void connector.send('saveView', { portalId, state }).catch(() => undefined);
    };
    // A choice (a place, a sort, a filter) is kept at once: a popup is often closed right after it. Scrolling
    // is kept a moment after it stops.
    const save = (): void => saveNow();
    const saveSoon = (): void => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(saveNow, SAVE_DEBOUNCE_MS);
    };

    const navigate = async (location: BrowseLocation, pendingCrumbs: Crumb[] | null, firstRow = 0): Promise<void> => {
      const portalId = get().portalId;
      if (!portalId) return;
      const mine = ++generation;
      clearTimeout(slowTimer);
      slowTimer = setTimeout(
        () => mine === generation && get().status === 'loading' && set({ slow: true }),
        SLOW_AFTER_MS,
      );
      set({
        location,
        status: 'loading',
        slow: false,
        pendingCrumbs,
        error: null,
        moreError: null,
        loadingMore: false,
        firstRow,
      });
      clearSearch();
      save();
      try {
        const page = await fetchPage(portalId, location, 0);
        if (mine !== generation) return;
        lastShown = { location, page };
        set({ page, status: 'ready', slow: false, pendingCrumbs: null });
      } catch (error) {
        if (mine === generation) set({ status: 'error', slow: false, error: toErrorData(error) });
      }
    };

    const clearSearch = (): void => {
      clearTimeout(searchTimer);
      searchGeneration++;
      set({ query: '', search: idle });
    };

    const runSearch = async (query: string): Promise<void> => {
      const { portalId, page, location } = get();
      if (!portalId) return;
      const mine = ++searchGeneration;
      set({ search: { ...get().search, status: 'searching', query, error: null } });
      const within =
        location.folderId === undefined && location.section === 'rooms'
          ? { rooms: true as const }
          : page
            ? { folderId: page.folder.id }
            : null;
      if (!within) return;
      try {
        const results = await connector.send('searchEntries', { portalId, query, within, count: 50 });
        if (mine === searchGeneration) {
          set({ search: { status: 'ready', query, entries: results.entries, total: results.total, error: null } });
        }
      } catch (error) {
        if (mine === searchGeneration) {
          set({ search: { status: 'error', query, entries: [], total: 0, error: toErrorData(error) } });
        }
      }
    };

    return {
      portalId: null,
      location: { section: 'rooms' },
      page: null,
      status: 'idle',
      slow: false,
      pendingCrumbs: null,
      loadingMore: false,
      error: null,
      moreError: null,
      sort: {},
      roomFilter: {},
      query: '',
      search: idle,
      firstRow: 0,
      recentDestinations: [],

      addRecentDestination(folder) {
        const rest = get().recentDestinations.filter((f) => String(f.id) !== String(folder.id));
        set({ recentDestinations: [folder, ...rest].slice(0, 5) });
        save();
      },

      async start(portalId) {
        set({ portalId, page: null });
        let restored = await connector.send('restoreView', { portalId }).catch(() => null);
        if (restored && restored.portalId !== portalId)
          restored = await connector.send('restoreView', { portalId }).catch(() => null);
        const state = restored?.state;
        if (!restored || !state) return navigate({ section: 'rooms' }, null);
        const location: BrowseLocation = { section: state.section };
        if (state.folderId !== undefined) location.folderId = state.folderId;
        set({ sort: state.sort, roomFilter: state.roomFilter, recentDestinations: state.recentDestinations ?? [] });
        if (restored.page) {
          // Painted at once from what the background kept; the fresh copy replaces it in place.
          lastShown = { location, page: restored.page };
          set({ location, page: restored.page, status: 'ready', firstRow: state.firstRow });
          return get().refresh();
        }
        return navigate(location, null, state.firstRow);
      },

      openSection: (section) => navigate({ section }, null),

      openFolder(folderId, title) {
        const { page, location } = get();
        const crumbs =
          page && title !== undefined ? [...page.breadcrumbs, { id: folderId, title, folderType: 0 }] : null;
        return navigate({ section: location.section, folderId }, crumbs);
      },

      openCrumb(crumb, index) {
        const section = SECTION_BY_FOLDER_TYPE[crumb.folderType];
        const crumbs = get().page?.breadcrumbs.slice(0, index + 1) ?? null;
        if (index === 0 && section) return navigate({ section }, crumbs);
        return navigate({ section: get().location.section, folderId: crumb.id }, crumbs);
      },

      goUp() {
        const crumbs = get().page?.breadcrumbs ?? [];
        if (crumbs.length < 2) return Promise.resolve();
        return get().openCrumb(crumbs[crumbs.length - 2]!, crumbs.length - 2);
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

      retry: () => navigate(get().location, get().pendingCrumbs),

      cancelLoading() {
        if (get().status !== 'loading' && get().status !== 'error') return;
        generation++;
        clearTimeout(slowTimer);
        if (lastShown)
          set({
            location: lastShown.location,
            page: lastShown.page,
            status: 'ready',
            slow: false,
            pendingCrumbs: null,
          });
        // Nothing to go back to: say so and offer to try again, rather than an empty list.
        else
          set({
            status: 'error',
            slow: false,
            pendingCrumbs: null,
            error: toErrorData(appError('loadingStopped', {})),
          });
        save();
      },

      async refresh() {
        const { portalId, location, status, page } = get();
        if (!portalId || status !== 'ready') return;
        const mine = ++generation;
        try {
          const fresh = await fetchPage(portalId, location, 0);
          if (mine !== generation) return;
          // A refresh keeps what was already paged in below the first page (when there is more than one page):
          // an entry gone from the first page is gone, not kept from the old list.
          const known = new Set(fresh.entries.map((e) => `${e.kind}:${e.id}`));
          const pagedIn = page && fresh.nextStartIndex !== null ? page.entries.slice(PAGE_SIZE) : [];
          const rest = pagedIn.filter((e) => !known.has(`${e.kind}:${e.id}`));
          const entries = [...fresh.entries, ...rest];
          lastShown = { location, page: fresh };
          const nextStartIndex = rest.length > 0 && page ? page.nextStartIndex : fresh.nextStartIndex;
          set({ page: { ...fresh, entries, nextStartIndex }, moreError: null, loadingMore: false });
        } catch {
          // The list on screen stays; the next navigation shows any error.
        }
      },

      setSort(sort) {
        set({ sort: { ...get().sort, [get().location.section]: sort } });
        return navigate(get().location, get().page?.breadcrumbs ?? null);
      },

      setRoomFilter(roomFilter) {
        set({ roomFilter });
        return navigate({ section: 'rooms' }, null);
      },

      setQuery(query) {
        clearTimeout(searchTimer);
        set({ query });
        const trimmed = query.trim();
        if (trimmed.length < 2) {
          searchGeneration++;
          set({ search: idle });
          return;
        }
        searchTimer = setTimeout(() => void runSearch(trimmed), SEARCH_DEBOUNCE_MS);
      },

      flushSave() {
        if (saveTimer !== undefined) saveNow();
      },

      setFirstRow(firstRow) {
        if (firstRow === get().firstRow) return;
        set({ firstRow });
        saveSoon();
      },

      currentSort: () => sortFor(get().location.section),
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

/** The entries the list shows: the page, narrowed at once by what is typed (before the portal answers). */
export function visibleEntries(state: Pick<BrowseState, 'page' | 'query'>): Entry[] {
  const entries = state.page?.entries ?? [];
  const query = state.query.trim().toLocaleLowerCase();
  return query ? entries.filter((entry) => entry.title.toLocaleLowerCase().includes(query)) : entries;
}

export const entryKey = (entry: { kind: string; id: EntryId }) => `${entry.kind}:${entry.id}`;

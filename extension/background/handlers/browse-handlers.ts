import {
  listFolder,
  listRooms,
  listSection,
  pageQuery,
  search,
  type ListOptions,
} from '../../../src/docspace/api-listing.ts';
import type { FolderContentDto } from '../../../src/docspace/dto.ts';
import { toFolderPage, withoutWrites } from '../../../src/docspace/entries.ts';
import { listingTags } from '../../../src/docspace/listing-cache.ts';
import { appError } from '../../../src/errors/index.ts';
import type {
  CommandHandlers,
  EntryId,
  FolderPage,
  PageRequest,
  PortalId,
  RoomFilter,
  SectionId,
  Sort,
} from '../../../src/protocol/index.ts';
import { lastPageItem, viewStateItem } from '../../../src/storage/schema.ts';
import type { PortalSession } from '../../../src/sessions/portal-session.ts';
import type { CommandContext } from '../../platform/ports.ts';
import type { BackgroundContext } from '../app.ts';
import { rootsOf } from './section-roots.ts';
import { roomLogoOf, thumbnailOf } from './thumbnails.ts';

type BrowseCommands = Pick<
  CommandHandlers<CommandContext>,
  'listRooms' | 'listFolder' | 'listSection' | 'searchEntries' | 'thumbnail' | 'restoreView' | 'saveView'
>;
type Fetch = (session: PortalSession, options: ListOptions) => Promise<FolderContentDto>;

const sameListing = (a: FolderPage, b: FolderPage): boolean =>
  a.total === b.total && JSON.stringify(a.entries) === JSON.stringify(b.entries);
const sortKey = (sort: Sort | undefined) => (sort ? `${sort.by}.${sort.order}` : '');

/**
 * Listings come from the cache when they are fresh; a slightly older one is shown at once and fetched again
 * behind the scenes (stale-while-revalidate); if it changed, the one refresh path (entriesChanged) tells pages.
 */
export function browseHandlers(background: BackgroundContext): BrowseCommands {
  /** The last first page shown, with the view it belongs to: a cold worker paints it at once. */
  const remember = (portalId: PortalId, view: string, page: FolderPage): FolderPage => {
    void background.storage.set(lastPageItem, portalId, { view, page }).catch(() => undefined);
    return page;
  };

  const forAccount = (portalId: PortalId, page: FolderPage): FolderPage =>
    background.registry.get(portalId)?.readOnly ? withoutWrites(page) : page;

  const list = async (
    portalId: PortalId,
    request: PageRequest & { sort?: Sort | undefined },
    key: string,
    fetchPage: Fetch,
    view: string,
  ): Promise<FolderPage> => {
    const session = await background.sessions.require(portalId);
    const { startIndex, count } = pageQuery(request);
    const cacheKey = `${key}|${sortKey(request.sort)}|${startIndex}|${count}`;
    const cache = session.listings;
    const fetchOnly = async (options: ListOptions): Promise<FolderPage> =>
      forAccount(
        portalId,
        toFolderPage(
          await fetchPage(session, { ...options, sort: request.sort }),
          portalId,
          session.origin,
          startIndex,
        ),
      );
    const keep = (page: FolderPage): FolderPage => {
      cache.set(cacheKey, page, listingTags(page));
      return startIndex === 0 ? remember(portalId, view, page) : page;
    };
    const hit = cache.get(cacheKey);
    if (hit?.fresh) return hit.page;
    if (hit) {
      // Nobody waits for this answer; a refused sign-in was already reported by the session.
      void fetchOnly({ startIndex, count, lane: 'user' })
        .then((page) => {
          if (!sameListing(page, hit.page)) background.entriesChanged(portalId, [page.folder.id]);
          keep(page);
        })
        .catch(() => undefined);
      return { ...hit.page, cached: true };
    }
    // The popup shows one list: a newer first page (a navigation) cancels an older one still waiting.
    const supersedeKey = startIndex === 0 ? `view:${portalId}` : `more:${portalId}`;
    return keep(await fetchOnly({ startIndex, count, supersedeKey }));
  };

  /** "Shared with me" has no documented route of its own: its folder id comes from files/@root, once. */
  const sharedFolder = async (session: PortalSession) => {
    const folderId = (await rootsOf(session)).shared;
    if (folderId === undefined) throw appError('sectionMissing', {});
    return folderId;
  };

  return {
    listRooms: (request) =>
      list(
        request.portalId,
        request,
        `rooms|${request.filterValue ?? ''}|${JSON.stringify(request.filter ?? {})}`,
        (session, options) =>
          listRooms(session.client, { ...options, filterValue: request.filterValue, filter: request.filter }),
        viewKey({ section: 'rooms', sort: request.sort, roomFilter: request.filter }),
      ),
    listFolder: (request) =>
      list(
        request.portalId,
        request,
        `folder|${request.folderId}`,
        (session, options) => listFolder(session.client, request.folderId, options),
        viewKey({ folderId: request.folderId, sort: request.sort }),
      ),
    listSection: (request) =>
      list(
        request.portalId,
        request,
        `section|${request.section}`,
        async (session, options) =>
          request.section === 'shared'
            ? listFolder(session.client, await sharedFolder(session), options)
            : listSection(session.client, request.section, options),
        viewKey({ section: request.section, sort: request.sort }),
      ),
    restoreView: async (request) => {
      const portalId = request.portalId ?? background.registry.shownPortalId();
      if (!portalId || !background.registry.get(portalId)) return { portalId: null, state: null, page: null };
      const [state, last] = await Promise.all([
        background.storage.get(viewStateItem, portalId),
        background.storage.get(lastPageItem, portalId),
      ]);
      if (!state) return { portalId, state: null, page: null };
      const view = viewKey({
        ...(state.folderId !== undefined ? { folderId: state.folderId } : { section: state.section }),
        sort: state.sort[state.section],
        roomFilter: state.folderId === undefined && state.section === 'rooms' ? state.roomFilter : undefined,
      });
      return { portalId, state, page: last?.view === view ? { ...last.page, cached: true } : null };
    },
    saveView: async ({ portalId, state }) => {
      if (!background.registry.get(portalId)) throw appError('portalNotInList', {});
      await background.storage.set(viewStateItem, portalId, state);
      return { saved: true };
    },
    searchEntries: async ({ portalId, query, within, count }) => {
      const session = await background.sessions.require(portalId);
      // A newer search of the same portal cancels an older one still waiting (typing supersedes).
      const dto = await search(session.client, query, within, {
        count: count ?? 50,
        supersedeKey: `search:${portalId}`,
        lane: 'interactive',
      });
      const page = forAccount(portalId, toFolderPage(dto, portalId, session.origin, 0));
      return { portalId, query, entries: page.entries, total: page.total };
    },
    thumbnail: async ({ portalId, fileId, kind }) => {
      const session = await background.sessions.require(portalId);
      return { dataUrl: await (kind === 'room' ? roomLogoOf(session, fileId) : thumbnailOf(session, fileId)) };
    },
  };
}

/** One name for a view (what is listed, how it is sorted and filtered), shared by saving and restoring. */
function viewKey(view: {
  section?: SectionId;
  folderId?: EntryId;
  sort?: Sort | undefined;
  roomFilter?: RoomFilter | undefined;
}) {
  const where = view.folderId !== undefined ? `folder:${view.folderId}` : `section:${view.section}`;
  return `${where}|${sortKey(view.sort)}|${JSON.stringify(view.roomFilter ?? {})}`;
}

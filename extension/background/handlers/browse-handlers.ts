import { listFolder, listRooms, listSection, pageQuery, type ListOptions } from '../../../src/docspace/api.ts';
import type { DocSpaceClient } from '../../../src/docspace/client.ts';
import type { FolderContentDto } from '../../../src/docspace/dto.ts';
import { toFolderPage } from '../../../src/docspace/entries.ts';
import { listingTags } from '../../../src/docspace/listing-cache.ts';
import type { CommandHandlers, FolderPage, PageRequest, PortalId } from '../../../src/protocol/index.ts';
import type { CommandContext } from '../../platform/ports.ts';
import type { BackgroundContext } from '../app.ts';

type BrowseCommands = Pick<CommandHandlers<CommandContext>, 'listRooms' | 'listFolder' | 'listSection'>;
type Fetch = (client: DocSpaceClient, options: ListOptions) => Promise<FolderContentDto>;

const sameListing = (a: FolderPage, b: FolderPage): boolean =>
  a.total === b.total && JSON.stringify(a.entries) === JSON.stringify(b.entries);

/**
 * Listings come from the cache when they are fresh; a slightly older one is shown at once and fetched again
 * behind the scenes (stale-while-revalidate); if it changed, the one refresh path (entriesChanged) tells pages.
 */
export function browseHandlers(background: BackgroundContext): BrowseCommands {
  const list = async (portalId: PortalId, request: PageRequest, key: string, fetchPage: Fetch): Promise<FolderPage> => {
    const session = await background.sessions.require(portalId);
    const { startIndex, count } = pageQuery(request);
    const cacheKey = `${key}|${startIndex}|${count}`;
    const cache = session.listings;
    const fetchOnly = async (options: ListOptions): Promise<FolderPage> =>
      toFolderPage(await fetchPage(session.client, options), portalId, session.origin, startIndex);
    const keep = (page: FolderPage): FolderPage => {
      cache.set(cacheKey, page, listingTags(page));
      return page;
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

  return {
    listRooms: (request) =>
      list(request.portalId, request, `rooms|${request.filterValue ?? ''}`, (client, options) =>
        listRooms(client, { ...options, ...(request.filterValue ? { filterValue: request.filterValue } : {}) }),
      ),
    listFolder: (request) =>
      list(request.portalId, request, `folder|${request.folderId}`, (client, options) =>
        listFolder(client, request.folderId, options),
      ),
    listSection: (request) =>
      list(request.portalId, request, `section|${request.section}`, (client, options) =>
        listSection(client, request.section, options),
      ),
  };
}

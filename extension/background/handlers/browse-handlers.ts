import { listFolder, listRooms, listSection, pageQuery, type ListOptions } from '../../../src/docspace/api.ts';
import type { DocSpaceClient } from '../../../src/docspace/client.ts';
import type { FolderContentDto } from '../../../src/docspace/dto.ts';
import { toFolderPage } from '../../../src/docspace/entries.ts';
import { listingTags } from '../../../src/docspace/listing-cache.ts';
import { AppError } from '../../../src/errors.ts';
import type { CommandHandlers, FolderPage, PageRequest, PortalId } from '../../../src/protocol.ts';
import { broadcast, type CommandContext } from '../../platform/messaging-background.ts';
import type { BackgroundServices } from '../services.ts';

type BrowseCommands = Pick<CommandHandlers<CommandContext>, 'listRooms' | 'listFolder' | 'listSection'>;
type Fetch = (client: DocSpaceClient, options: ListOptions) => Promise<FolderContentDto>;

/**
 * Listings come from the cache when they are fresh; a slightly older one is shown at once and fetched again
 * behind the scenes (stale-while-revalidate); the popup hears about a difference through listingChanged.
 */
export function browseHandlers(services: BackgroundServices): BrowseCommands {
  const list = (portalId: PortalId, request: PageRequest, key: string, fetchPage: Fetch): Promise<FolderPage> =>
    services.withPortal(portalId, async (client, record) => {
      const { startIndex, count } = pageQuery(request);
      const cacheKey = `${key}|${startIndex}|${count}`;
      const cache = services.listings(portalId);
      const load = async (options: ListOptions): Promise<FolderPage> => {
        const page = toFolderPage(await fetchPage(client, options), record.id, record.origin, startIndex);
        cache.set(cacheKey, page, listingTags(page));
        return page;
      };
      const hit = cache.get(cacheKey);
      if (hit?.fresh) return hit.page;
      if (hit) {
        void load({ startIndex, count, lane: 'user' })
          .then((page) => {
            if (JSON.stringify(page.entries) !== JSON.stringify(hit.page.entries) || page.total !== hit.page.total) {
              broadcast('listingChanged', { portalId, folderId: page.folder.id });
            }
          })
          .catch((error: unknown) => {
            // Nobody waits for this answer, so a refused sign-in must be reported here.
            if (error instanceof AppError && error.code === 'unauthorized') void services.signInNeeded(portalId);
          });
        return { ...hit.page, cached: true };
      }
      // The popup shows one list: a newer first page (a navigation) cancels an older one still waiting.
      return load({ startIndex, count, supersedeKey: startIndex === 0 ? `view:${portalId}` : `more:${portalId}` });
    });

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

import { listFolder, listRooms, listSection, pageQuery } from '../../../src/docspace/api.ts';
import { toFolderPage } from '../../../src/docspace/entries.ts';
import type { CommandHandlers, PageRequest, PortalId } from '../../../src/protocol.ts';
import type { CommandContext } from '../../platform/messaging-background.ts';
import type { BackgroundServices } from '../services.ts';

/** The popup shows one list: a newer first page (a navigation) cancels an older one still waiting. */
const view = (portalId: PortalId, request: PageRequest) => ({
  ...request,
  supersedeKey: (request.startIndex ?? 0) === 0 ? `view:${portalId}` : `more:${portalId}`,
});

type BrowseCommands = Pick<CommandHandlers<CommandContext>, 'listRooms' | 'listFolder' | 'listSection'>;

export function browseHandlers(services: BackgroundServices): BrowseCommands {
  return {
    listRooms: (request) =>
      services.withPortal(request.portalId, async (client, record) =>
        toFolderPage(await listRooms(client, view(record.id, request)), record.id, record.origin, pageQuery(request).startIndex),
      ),

    listFolder: (request) =>
      services.withPortal(request.portalId, async (client, record) =>
        toFolderPage(await listFolder(client, request.folderId, view(record.id, request)), record.id, record.origin, pageQuery(request).startIndex),
      ),

    listSection: (request) =>
      services.withPortal(request.portalId, async (client, record) =>
        toFolderPage(await listSection(client, request.section, view(record.id, request)), record.id, record.origin, pageQuery(request).startIndex),
      ),
  };
}

import { listFolder, listRooms, listSection, pageQuery } from '../../../src/docspace/api.ts';
import { toFolderPage } from '../../../src/docspace/entries.ts';
import type { CommandHandlers } from '../../../src/protocol.ts';
import type { CommandContext } from '../../platform/messaging-background.ts';
import type { BackgroundServices } from '../services.ts';

type BrowseCommands = Pick<CommandHandlers<CommandContext>, 'listRooms' | 'listFolder' | 'listSection'>;

export function browseHandlers(services: BackgroundServices): BrowseCommands {
  return {
    listRooms: (request) =>
      services.withPortal(request.portalId, async (client, record) =>
        toFolderPage(await listRooms(client, request), record.id, record.origin, pageQuery(request).startIndex),
      ),

    listFolder: (request) =>
      services.withPortal(request.portalId, async (client, record) =>
        toFolderPage(await listFolder(client, request.folderId, request), record.id, record.origin, pageQuery(request).startIndex),
      ),

    listSection: (request) =>
      services.withPortal(request.portalId, async (client, record) =>
        toFolderPage(await listSection(client, request.section, request), record.id, record.origin, pageQuery(request).startIndex),
      ),
  };
}

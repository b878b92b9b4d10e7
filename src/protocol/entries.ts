import type { EntryId, PortalId } from './common.ts';

export interface EntriesEvents {
  /**
   * The one refresh path: something (a job, a write, a refresh that found a difference) changed what these
   * folders hold. The background's cache has already dropped them; a page showing one loads it again.
   */
  entriesChanged: { portalId: PortalId; folderIds: EntryId[] };
}

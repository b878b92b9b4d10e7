import { getFile, getFolder } from '../../docspace/api-entries.ts';
import { trashEntries } from '../../docspace/file-operations.ts';
import type { EntryId, EntryRef } from '../../protocol/index.ts';
import type { ItemContext, JobKind, Reconciled } from '../job-kind.ts';

export interface TrashParams {
  /** The folder the entries were chosen in (its listing is refreshed as the job goes). */
  fromFolderId: EntryId;
  fromTitle: string;
}

export interface TrashInput extends EntryRef {
  title: string;
  /** The entry's own folder, when it is not `fromFolderId` (a search result). */
  fromFolderId?: EntryId;
}

type Result = { id: EntryId };

/** DocSpace FolderType of the Trash: an entry in it has this rootFolderType. */
const TRASH = 3;

async function inTrash(entry: EntryRef, { client }: ItemContext): Promise<boolean> {
  const dto = entry.kind === 'file' ? await getFile(client, entry.id) : await getFolder(client, entry.id);
  return dto.rootFolderType === TRASH;
}

/**
 * Moves many entries to the Trash, one DocSpace delete operation per entry: progress by entry, Cancel stops the
 * operation under way, and each entry that could not go says why. An entry whose operation was on the wire when
 * a worker stopped is looked up: in the Trash means done. (A few entries go at once, with an Undo, instead.)
 */
export const trashKind: JobKind<TrashParams, TrashInput, Result> = {
  kind: 'trash',
  concurrency: 3,
  title: (job) => ({ key: 'jobTitle_trash', params: [String(job.items.length), job.params.fromTitle] }),
  folders: (job) => [
    ...new Set([
      job.params.fromFolderId,
      ...job.items.map((item) => item.input.fromFolderId ?? job.params.fromFolderId),
    ]),
  ],
  label: (input) => input.title,

  async run(_job, item, context) {
    const { input } = item;
    await trashEntries(context.client, input.kind === 'file' ? { fileIds: [input.id] } : { folderIds: [input.id] }, {
      lane: 'bulk',
      signal: context.signal,
      sleep: context.sleep,
      terminateOnAbort: () => context.cancelledByUser?.() === true,
    });
    return { state: 'done', result: { id: input.id } };
  },

  async reconcile(_job, items, context) {
    const found = new Map<number, Reconciled<Result>>();
    for (const { index, item } of items) {
      if (item.state === 'pending') continue;
      if (await inTrash(item.input, context)) found.set(index, { state: 'done', result: { id: item.input.id } });
    }
    return found;
  },

  // The portal finishing each delete operation without an error is its word that the entry is in the Trash;
  // looking each one up again would cost a request per entry for what the operation already answered.
  verify: async () => ({ missing: [], findings: [] }),
};

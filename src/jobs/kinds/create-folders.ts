import { createFolder, listSubfolders } from '../../docspace/api.ts';
import { cleanTitle } from '../../docspace/titles.ts';
import { appError, type ErrorData } from '../../errors/index.ts';
import type { EntryId } from '../../protocol/index.ts';
import type { JobKind, Reconciled } from '../job-kind.ts';

export interface CreateFoldersParams {
  parentId: EntryId;
  parentTitle: string;
}

/** Creates the folders of a pasted list in one folder; a folder that exists already is skipped. */
export const createFoldersKind: JobKind<CreateFoldersParams, { title: string }, { id: EntryId }> = {
  kind: 'createFolders',
  concurrency: 4,
  title: (job) => ({ key: 'jobTitle_createFolders', params: [job.params.parentTitle] }),
  folders: (job) => [job.params.parentId],
  label: (input) => input.title,

  async run(job, item, { client, signal }) {
    const folder = await createFolder(client, job.params.parentId, item.input.title, { lane: 'bulk', signal });
    return { state: 'done', result: { id: folder.id } };
  },

  async reconcile(job, items, { client, signal }) {
    const existing = byTitle(await listSubfolders(client, job.params.parentId, { lane: 'bulk', signal }));
    const found = new Map<number, Reconciled<{ id: EntryId }>>();
    for (const { index, item } of items) {
      const match = existing.get(cleanTitle(item.input.title))?.[0];
      // On the wire when a run stopped, or its answer was lost: found means it is ours. Not sent yet: it was there.
      if (match) found.set(index, { state: item.state === 'pending' ? 'skipped' : 'done', result: { id: match } });
    }
    return found;
  },

  async verify(job, { client, signal }) {
    const existing = byTitle(await listSubfolders(client, job.params.parentId, { lane: 'bulk', signal }));
    const missing: number[] = [];
    const findings: ErrorData[] = [];
    job.items.forEach((item, index) => {
      if (item.state !== 'done' && item.state !== 'skipped') return;
      const ids = existing.get(cleanTitle(item.input.title)) ?? [];
      if (ids.length === 0) missing.push(index);
      else if (item.state === 'done' && ids.length > 1) {
        findings.push(appError('jobDuplicateFound', { name: item.input.title, count: ids.length }).toData());
      }
    });
    return { missing, findings };
  },
};

function byTitle(folders: ReadonlyArray<{ id: EntryId; title: string }>): Map<string, EntryId[]> {
  const map = new Map<string, EntryId[]>();
  for (const folder of folders) map.set(folder.title, [...(map.get(folder.title) ?? []), folder.id]);
  return map;
}

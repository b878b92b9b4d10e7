import { folderTitles } from '../../../src/docspace/titles.ts';
import { appError } from '../../../src/errors/index.ts';
import type { CreateFoldersParams } from '../../../src/jobs/kinds/create-folders.ts';
import type { TransferParams } from '../../../src/jobs/kinds/transfer.ts';
import type { TrashParams } from '../../../src/jobs/kinds/trash.ts';
import type { UploadParams } from '../../../src/jobs/kinds/upload.ts';
import { existingTitles } from '../../../src/docspace/api-uploads.ts';
import type { CommandHandlers } from '../../../src/protocol/index.ts';
import type { CommandContext } from '../../platform/ports.ts';
import type { BackgroundContext } from '../app.ts';

type JobCommands = Pick<
  CommandHandlers<CommandContext>,
  | 'createFolders'
  | 'transferEntries'
  | 'trashEntriesJob'
  | 'checkUploadNames'
  | 'uploadFiles'
  | 'listJobs'
  | 'cancelJob'
  | 'pauseJob'
  | 'resumeJob'
  | 'retryJob'
  | 'dismissJob'
>;

export function jobHandlers({ jobs, registry, sessions }: BackgroundContext): JobCommands {
  return {
    createFolders: async ({ portalId, parentId, parentTitle, titles }) => {
      if (!registry.get(portalId)) throw appError('portalNotInList', {});
      const params: CreateFoldersParams = { parentId, parentTitle };
      return jobs.start(
        'createFolders',
        portalId,
        params,
        folderTitles(titles).map((title) => ({ title })),
      );
    },
    transferEntries: async ({ portalId, entries, fromFolderId, destFolderId, destTitle, copy, conflict }) => {
      if (!registry.get(portalId)) throw appError('portalNotInList', {});
      const params: TransferParams = { copy, fromFolderId, destFolderId, destTitle, conflict };
      return jobs.start('transfer', portalId, params, entries);
    },
    trashEntriesJob: async ({ portalId, entries, fromFolderId, fromTitle }) => {
      if (!registry.get(portalId)) throw appError('portalNotInList', {});
      const params: TrashParams = { fromFolderId, fromTitle };
      return jobs.start('trash', portalId, params, entries);
    },
    checkUploadNames: async ({ portalId, folderId, names }) => {
      const session = await sessions.require(portalId);
      return existingTitles(session.client, folderId, names, { lane: 'interactive' });
    },
    uploadFiles: async ({ portalId, folderId, folderTitle, conflict, files }) => {
      if (!registry.get(portalId)) throw appError('portalNotInList', {});
      const params: UploadParams = { folderId, folderTitle, conflict };
      return jobs.start('upload', portalId, params, files);
    },
    listJobs: () => jobs.list(),
    cancelJob: ({ jobId }) => jobs.cancel(jobId),
    pauseJob: ({ jobId }) => jobs.pause(jobId),
    resumeJob: ({ jobId }) => jobs.resume(jobId),
    retryJob: ({ jobId }) => jobs.retry(jobId),
    dismissJob: ({ jobId }) => jobs.dismiss(jobId),
  };
}

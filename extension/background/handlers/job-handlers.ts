import type { CommandHandlers } from '../../../src/protocol.ts';
import type { CommandContext } from '../../platform/messaging-background.ts';
import type { JobManager } from '../jobs.ts';

type JobCommands = Pick<CommandHandlers<CommandContext>, 'createFolders' | 'listJobs' | 'cancelJob'>;

export function jobHandlers(jobs: JobManager): JobCommands {
  return {
    createFolders: ({ portalId, parentId, parentTitle, titles }) =>
      jobs.createFolders(portalId, parentId, parentTitle, titles),
    listJobs: () => jobs.list(),
    cancelJob: ({ jobId }) => jobs.cancel(jobId),
  };
}

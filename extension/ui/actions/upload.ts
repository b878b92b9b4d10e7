import type { EntryId, UploadConflict } from '../../../src/protocol/index.ts';
import { toErrorData } from '../../../src/errors/index.ts';
import { errorText } from '../platform-context.ts';
import type { ActionContext } from './action.ts';

/** The folder files are uploaded into: the one shown, or a folder row they were dropped on. */
export interface UploadTarget {
  folderId: EntryId;
  title: string;
}

type Context = Pick<ActionContext, 'portal' | 'connector' | 'platform' | 'ui'>;

/**
 * Files picked or dropped: asks the portal which names exist there already, and when some do, asks the user once
 * for all of them (skip, new version, keep both); then hands the files to the background as an upload job.
 */
export async function uploadFiles(files: readonly File[], target: UploadTarget, context: Context): Promise<void> {
  if (files.length === 0) return;
  try {
    const names = [...new Set(files.map((file) => file.name))];
    const existing = await context.connector.send('checkUploadNames', {
      portalId: context.portal.id,
      folderId: target.folderId,
      names,
    });
    if (existing.length > 0) {
      context.ui.getState().open({ type: 'uploadConflict', files: [...files], target, existing });
      return;
    }
    // Nothing there by these names: a file that appears meanwhile is kept beside the upload, never replaced.
    await startUpload(files, target, 'duplicate', context);
  } catch (error) {
    context.ui.getState().notify({ text: errorText(context.platform.t, toErrorData(error)), tone: 'error' });
  }
}

/** Stores the files where the background reads them and starts the job; a refused start frees them again. */
export async function startUpload(
  files: readonly File[],
  target: UploadTarget,
  conflict: UploadConflict,
  context: Context,
): Promise<void> {
  const keys = await context.platform.storeUploads(files);
  try {
    await context.connector.send('uploadFiles', {
      portalId: context.portal.id,
      folderId: target.folderId,
      folderTitle: target.title,
      conflict,
      files: files.map((file, i) => ({ key: keys[i]!, name: file.name, size: file.size })),
    });
  } catch (error) {
    await context.platform.discardUploads(keys).catch(() => undefined);
    throw error;
  }
}

import { droppedItems, type DragData } from '../../../src/capture/dropped.ts';
import { toErrorData } from '../../../src/errors/index.ts';
import { errorText } from '../platform-context.ts';
import type { ActionContext } from './action.ts';
import type { UploadTarget } from './upload.ts';

type Context = Pick<ActionContext, 'portal' | 'connector' | 'platform' | 'ui'>;

/** Links, images and text dragged from a web page onto a folder: saved there as one job, as the menus save them. */
export async function saveDropped(data: DragData, target: UploadTarget, context: Context): Promise<void> {
  const items = droppedItems(data);
  if (items.length === 0) return;
  try {
    await context.connector.send('saveDropped', {
      portalId: context.portal.id,
      folderId: target.folderId,
      folderTitle: target.title,
      items: items.slice(0, 100),
    });
  } catch (error) {
    context.ui.getState().notify({ text: errorText(context.platform.t, toErrorData(error)), tone: 'error' });
  }
}

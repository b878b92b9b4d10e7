import type { ActionContext, EntryAction } from './action.ts';
import { detailsAction, renameAction } from './dialogs.ts';
import { copyLinkAction, downloadAction, downloadArchiveAction, shareLinkAction, sharePeopleAction } from './links.ts';
import { favoriteAction, pinAction, unfavoriteAction, unpinAction } from './marks.ts';
import { openAction, openInDocSpaceAction } from './open.ts';
import { restoreAction, trashAction } from './trash.ts';
import { copyAction, moveAction } from './transfer.ts';
import type { Entry } from '../../../src/protocol/index.ts';

export type { ActionContext, EntryAction } from './action.ts';

/** Every action, in the order menus show them. */
export const ACTIONS: readonly EntryAction[] = [
  openAction,
  openInDocSpaceAction,
  shareLinkAction,
  sharePeopleAction,
  copyLinkAction,
  downloadAction,
  downloadArchiveAction,
  renameAction,
  moveAction,
  copyAction,
  favoriteAction,
  unfavoriteAction,
  pinAction,
  unpinAction,
  detailsAction,
  restoreAction,
  trashAction,
];

export function actionsFor(entries: readonly Entry[], context: ActionContext): EntryAction[] {
  return ACTIONS.filter((action) => (entries.length > 1 ? action.many : true) && action.applies(entries, context));
}

/** The action a key runs on these entries, if any (F2, Delete, Enter). */
export function actionForKey(key: string, entries: readonly Entry[], context: ActionContext): EntryAction | undefined {
  return actionsFor(entries, context).find((action) => action.key === key);
}

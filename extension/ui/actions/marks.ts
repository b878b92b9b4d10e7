import { toErrorData } from '../../../src/errors/index.ts';
import type { Entry } from '../../../src/protocol/index.ts';
import { errorText } from '../platform-context.ts';
import type { ActionContext, EntryAction } from './action.ts';
import { inTrash, one } from './action.ts';

const ref = (entry: Entry) => ({ kind: entry.kind, id: entry.id });

async function favorite(
  entries: readonly Entry[],
  value: boolean,
  { connector, portal, platform, ui, browse }: ActionContext,
) {
  try {
    await connector.send('setFavorite', { portalId: portal.id, entries: entries.map(ref), favorite: value });
    await browse.getState().refresh();
  } catch (error) {
    ui.getState().notify({ text: errorText(platform.t, toErrorData(error)), tone: 'error' });
  }
}

export const favoriteAction: EntryAction = {
  id: 'favorite',
  label: 'action_favorite',
  many: true,
  applies: (entries, context) => entries.length > 0 && !inTrash(context) && entries.some((e) => !e.isFavorite),
  run: (entries, context) => favorite(entries, true, context),
};

export const unfavoriteAction: EntryAction = {
  id: 'unfavorite',
  label: 'action_unfavorite',
  many: true,
  applies: (entries, context) => entries.length > 0 && !inTrash(context) && entries.every((e) => e.isFavorite),
  run: (entries, context) => favorite(entries, false, context),
};

export const pinAction: EntryAction = {
  id: 'pin',
  label: 'action_pin',
  applies: (entries) => one(entries) && entries[0]!.kind === 'folder' && entries[0]!.canPin && !entries[0]!.pinned,
  run: ([room], context) => pin(room!, true, context),
};

export const unpinAction: EntryAction = {
  id: 'unpin',
  label: 'action_unpin',
  applies: (entries) => one(entries) && entries[0]!.kind === 'folder' && entries[0]!.canPin && entries[0]!.pinned,
  run: ([room], context) => pin(room!, false, context),
};

async function pin(room: Entry, pinned: boolean, { connector, portal, platform, ui, browse }: ActionContext) {
  try {
    await connector.send('pinRoom', { portalId: portal.id, roomId: room.id, pinned });
    await browse.getState().refresh();
  } catch (error) {
    ui.getState().notify({ text: errorText(platform.t, toErrorData(error)), tone: 'error' });
  }
}

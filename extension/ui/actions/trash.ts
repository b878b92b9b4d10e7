import type { EntryAction } from './action.ts';
import { inTrash } from './action.ts';

// What the actions do loads when one runs: the popup's first paint carries only what it needs to offer them.
const runs = () => import('./trash-run.ts');

/** To the Trash at once, with Undo for a few seconds (it puts every entry back where it was). */
export const trashAction: EntryAction = {
  id: 'trash',
  label: 'action_trash',
  key: 'Delete',
  many: true,
  danger: true,
  applies: (entries, context) => entries.length > 0 && !inTrash(context) && entries.every((e) => e.can.delete),
  run: (entries, context) => runs().then((m) => m.moveToTrash(entries, context)),
};

/** Out of the Trash, back to the folder each entry came from. */
export const restoreAction: EntryAction = {
  id: 'restore',
  label: 'action_restore',
  many: true,
  applies: (entries, context) =>
    entries.length > 0 && inTrash(context) && entries.every((e) => e.location?.folderId !== undefined),
  run: (entries, context) => runs().then((m) => m.restoreFromTrash(entries, context)),
};

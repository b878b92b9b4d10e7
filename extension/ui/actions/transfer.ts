import type { EntryAction } from './action.ts';
import { inTrash } from './action.ts';

/** Moves or copies the selection into a folder picked in a dialog; the work runs as a job. */
export const moveAction: EntryAction = {
  id: 'move',
  label: 'action_move',
  many: true,
  applies: (entries, context) => entries.length > 0 && !inTrash(context) && entries.every((e) => e.can.move),
  run: (entries, { ui }) => ui.getState().open({ type: 'transfer', entries: [...entries], copy: false }),
};

export const copyAction: EntryAction = {
  id: 'copy',
  label: 'action_copy',
  many: true,
  applies: (entries, context) => entries.length > 0 && !inTrash(context) && entries.every((e) => e.can.copy),
  run: (entries, { ui }) => ui.getState().open({ type: 'transfer', entries: [...entries], copy: true }),
};

import type { EntryAction } from './action.ts';
import { inTrash, one } from './action.ts';

export const renameAction: EntryAction = {
  id: 'rename',
  label: 'action_rename',
  key: 'F2',
  applies: (entries, context) => one(entries) && !inTrash(context) && entries[0]!.can.rename,
  run: ([entry], { ui }) => (entry ? ui.getState().open({ type: 'rename', entry }) : undefined),
};

export const detailsAction: EntryAction = {
  id: 'details',
  label: 'action_details',
  applies: (entries) => one(entries),
  run: ([entry], { ui }) => (entry ? ui.getState().open({ type: 'details', entry }) : undefined),
};

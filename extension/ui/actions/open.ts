import type { EntryAction } from './action.ts';
import { one } from './action.ts';

/** A folder opens in the list; a file opens in DocSpace (its editor or viewer) in a new tab. */
export const openAction: EntryAction = {
  id: 'open',
  label: 'action_open',
  key: 'Enter',
  applies: (entries, context) =>
    one(entries) && context.section !== 'trash' && (entries[0]!.kind === 'folder' || entries[0]!.webUrl !== null),
  run([entry], { browse, platform }) {
    if (!entry) return;
    if (entry.kind === 'folder') return browse.getState().openFolder(entry.id, entry.title);
    if (entry.webUrl) return platform.openUrl(entry.webUrl);
  },
};

/** The same in the DocSpace web client, in a tab behind this one (what Ctrl-click does on the row's link). */
export const openInDocSpaceAction: EntryAction = {
  id: 'openInDocSpace',
  label: 'action_openInDocSpace',
  applies: (entries, context) => one(entries) && context.section !== 'trash' && entries[0]!.webUrl !== null,
  run: ([entry], { platform }) => (entry?.webUrl ? platform.openUrl(entry.webUrl, { active: false }) : undefined),
};

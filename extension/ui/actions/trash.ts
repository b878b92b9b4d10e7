import { toErrorData } from '../../../src/errors/index.ts';
import type { Entry } from '../../../src/protocol/index.ts';
import { plural } from '../plural.ts';
import { errorText } from '../platform-context.ts';
import type { ActionContext, EntryAction } from './action.ts';
import { inTrash } from './action.ts';

const ref = (entry: Entry) => ({ kind: entry.kind, id: entry.id });

/** To the Trash at once, with Undo for a few seconds (it puts every entry back where it was). */
export const trashAction: EntryAction = {
  id: 'trash',
  label: 'action_trash',
  key: 'Delete',
  many: true,
  danger: true,
  applies: (entries, context) => entries.length > 0 && !inTrash(context) && entries.every((e) => e.can.delete),
  async run(entries, context) {
    const { connector, portal, platform, ui, browse } = context;
    const page = browse.getState().page;
    if (!page) return;
    try {
      const { trashed } = await connector.send('trashEntries', {
        portalId: portal.id,
        // Each entry goes back to its own folder: a search result or a favourite is not in the folder on screen.
        entries: entries.map((entry) => ({ ...ref(entry), fromFolderId: entry.parentId ?? page.folder.id })),
        fromFolderId: page.folder.id,
      });
      ui.getState().clearSelection();
      await browse.getState().refresh();
      ui.getState().notify({
        text: plural(platform, 'trashedCount', trashed.length),
        undo: {
          label: platform.t('undo'),
          run: async () => {
            await connector.send('restoreEntries', {
              portalId: portal.id,
              items: trashed.map(({ entry, fromFolderId }) => ({ entry, toFolderId: fromFolderId })),
            });
            await browse.getState().refresh();
          },
        },
      });
    } catch (error) {
      notifyError(context, error);
    }
  },
};

/** Out of the Trash, back to the folder each entry came from. */
export const restoreAction: EntryAction = {
  id: 'restore',
  label: 'action_restore',
  many: true,
  applies: (entries, context) =>
    entries.length > 0 && inTrash(context) && entries.every((e) => e.location?.folderId !== undefined),
  async run(entries, context) {
    const { connector, portal, platform, ui, browse } = context;
    try {
      const { restored } = await connector.send('restoreEntries', {
        portalId: portal.id,
        items: entries.map((entry) => ({ entry: ref(entry), toFolderId: entry.location!.folderId! })),
      });
      ui.getState().clearSelection();
      await browse.getState().refresh();
      ui.getState().notify({ text: plural(platform, 'restoredCount', restored) });
    } catch (error) {
      notifyError(context, error);
    }
  },
};

function notifyError({ platform, ui }: ActionContext, error: unknown) {
  ui.getState().notify({ text: errorText(platform.t, toErrorData(error)), tone: 'error' });
}

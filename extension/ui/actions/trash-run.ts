import { toErrorData } from '../../../src/errors/index.ts';
import type { Entry } from '../../../src/protocol/index.ts';
import { plural } from '../plural.ts';
import { errorText } from '../platform-context.ts';
import type { ActionContext } from './action.ts';

const ref = (entry: Entry) => ({ kind: entry.kind, id: entry.id });

/**
 * Up to this many entries go to the Trash at once, with an Undo; more run as a job in the background, with
 * progress, Cancel and what failed and why (the popup may close meanwhile).
 */
export const TRASH_AT_ONCE = 10;

/** To the Trash at once, with Undo for a few seconds (it puts every entry back where it was); many as a job. */
export async function moveToTrash(entries: readonly Entry[], context: ActionContext): Promise<void> {
  const { connector, portal, platform, ui, browse } = context;
  const page = browse.getState().page;
  if (!page) return;
  try {
    if (entries.length > TRASH_AT_ONCE) {
      await connector.send('trashEntriesJob', {
        portalId: portal.id,
        entries: entries.map((entry) => ({
          ...ref(entry),
          title: entry.title,
          ...(entry.parentId !== undefined ? { fromFolderId: entry.parentId } : {}),
        })),
        fromFolderId: page.folder.id,
        fromTitle: page.folder.title,
      });
      ui.getState().clearSelection();
      return;
    }
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
}

/** Out of the Trash, back to the folder each entry came from. */
export async function restoreFromTrash(entries: readonly Entry[], context: ActionContext): Promise<void> {
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
}

function notifyError({ platform, ui }: ActionContext, error: unknown) {
  ui.getState().notify({ text: errorText(platform.t, toErrorData(error)), tone: 'error' });
}

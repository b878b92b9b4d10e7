import { errorText } from '../platform-context.ts';
import { toErrorData } from '../../../src/errors/index.ts';
import type { EntryAction } from './action.ts';
import { inTrash, one } from './action.ts';

/** The entry's address in the DocSpace web client (for people who can open it anyway). */
export const copyLinkAction: EntryAction = {
  id: 'copyLink',
  label: 'action_copyLink',
  applies: (entries, context) => one(entries) && !inTrash(context) && entries[0]!.webUrl !== null,
  async run([entry], { platform, ui }) {
    if (!entry?.webUrl) return;
    await platform.copyText(entry.webUrl);
    ui.getState().notify({ text: platform.t('copiedLink') });
  },
};

/** A link anyone with it can open: the primary external link, made when there is none, with its access. */
export const shareLinkAction: EntryAction = {
  id: 'shareLink',
  label: 'action_shareLink',
  applies: (entries, context) => one(entries) && !inTrash(context) && entries[0]!.can.share,
  run: ([entry], { ui }) => (entry ? ui.getState().open({ type: 'share', entry }) : undefined),
};

export const sharePeopleAction: EntryAction = {
  id: 'sharePeople',
  label: 'action_sharePeople',
  applies: (entries, context) => one(entries) && !inTrash(context) && entries[0]!.can.share,
  run: ([entry], { ui }) => (entry ? ui.getState().open({ type: 'people', entry }) : undefined),
};

export const downloadAction: EntryAction = {
  id: 'download',
  label: 'action_download',
  applies: (entries, context) =>
    one(entries) && !inTrash(context) && entries[0]!.kind === 'file' && entries[0]!.can.download,
  async run([entry], { connector, platform, portal, ui }) {
    if (!entry) return;
    try {
      // Asked first, while the click still counts as the user's: the browser grants it only inside one.
      await platform.allowDownloads();
      const { url } = await connector.send('downloadLink', { portalId: portal.id, fileId: entry.id });
      await platform.download(url);
    } catch (error) {
      ui.getState().notify({ text: errorText(platform.t, toErrorData(error)), tone: 'error' });
    }
  },
};

export const downloadArchiveAction: EntryAction = {
  id: 'downloadArchive',
  label: 'action_downloadArchive',
  many: true,
  applies: (entries, context) =>
    entries.length > 0 &&
    !inTrash(context) &&
    (entries.length > 1 || entries[0]!.kind === 'folder') &&
    entries.every((entry) => entry.can.download),
  async run(entries, { connector, platform, portal, ui }) {
    if (!(await platform.allowDownloads())) {
      ui.getState().notify({ text: platform.t('err_downloadsNotAllowed'), tone: 'error' });
      return;
    }
    ui.getState().notify({ text: platform.t('archivePreparing') });
    try {
      await connector.send('downloadArchive', {
        portalId: portal.id,
        entries: entries.map((entry) => ({ kind: entry.kind, id: entry.id })),
      });
      ui.getState().notify({ text: platform.t('archiveStarted') });
    } catch (error) {
      ui.getState().notify({ text: errorText(platform.t, toErrorData(error)), tone: 'error' });
    }
  },
};

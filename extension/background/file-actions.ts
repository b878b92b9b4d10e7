// The menu's file entries on a signed-in portal's pages: "Open in DocSpace" and "Copy share link", for the file the
// page shows or a link on it points to. What they did, or why they could not, is said in a notification.
import type { FileActionRequest } from '../../src/capture/save-request.ts';
import { getFile, getFolder } from '../../src/docspace/api-entries.ts';
import { toFileEntry, toFolderEntry } from '../../src/docspace/entries.ts';
import { appError, toErrorData } from '../../src/errors/index.ts';
import type { CommandHandlers, LocalText } from '../../src/protocol/index.ts';
import type { CapturePorts, CommandContext, FeedbackPort } from '../platform/ports.ts';
import type { BackgroundContext } from './app.ts';

/** One notification per entry: a second click replaces the first's. */
export const FILE_NOTICE_IDS = {
  openInDocSpace: 'dpt-file/openInDocSpace',
  copyShareLink: 'dpt-file/copyShareLink',
} as const;

const FAILED_TITLES = { openInDocSpace: 'noticeOpenFailed', copyShareLink: 'noticeCopyLinkFailed' } as const;

export interface FileActionDeps {
  background: BackgroundContext;
  port: FeedbackPort;
  openTab: CapturePorts['openTab'];
  handlers: () => Pick<CommandHandlers<CommandContext>, 'shareLink'>;
}

export function fileActions({ background, port, openTab, handlers }: FileActionDeps) {
  const { registry, sessions } = background;
  const t = (text: LocalText): string => port.t(text.key, text.params);
  const context: CommandContext = { senderUrl: '' };

  const notify = (request: FileActionRequest, title: string, message: LocalText) =>
    port.notify({ id: FILE_NOTICE_IDS[request.what], title, message: t(message), buttons: [] }, 'new');

  const run = async (request: FileActionRequest): Promise<void> => {
    const record = registry.get(request.portalId);
    // A menu built for an account since removed, or for another address of it: never acted on.
    if (!record || record.origin !== request.origin) throw appError('notSignedIn', {});
    if (request.fileId === null) throw appError('menuNoFile', {});
    const session = await sessions.require(record.id);
    const file = await getFile(session.client, request.fileId);
    if (request.what === 'openInDocSpace') {
      // The page shows the file already: its room or folder is what opens. A link's file opens itself.
      let url: string | null;
      if (request.from === 'link') url = toFileEntry(file, session.origin).webUrl;
      else {
        if (file.folderId === undefined)
          throw appError('badResponseField', { origin: session.origin, field: 'folderId' });
        url = toFolderEntry(await getFolder(session.client, file.folderId), session.origin).webUrl;
      }
      if (!url) throw appError('badResponseField', { origin: session.origin, field: 'webUrl' });
      await openTab(url, request.tab);
      return;
    }
    const link = await handlers().shareLink({ portalId: record.id, entry: { kind: 'file', id: file.id } }, context);
    await port.copyText(link.url);
    await notify(
      request,
      file.title,
      link.expired
        ? { key: 'noticeShareLinkExpired', params: [] }
        : { key: 'noticeShareLinkCopied', params: [t({ key: `access_${link.access}`, params: [] })] },
    );
  };

  return {
    /** A click on a file entry (after the menu's one click handler). A failure is told, never thrown. */
    async click(request: FileActionRequest): Promise<void> {
      try {
        await run(request);
      } catch (error) {
        const data = toErrorData(error);
        await notify(request, port.t(FAILED_TITLES[request.what]), {
          key: `err_${data.key}`,
          params: data.params,
        }).catch((shown: unknown) => console.warn('The menu action failed and could not say so:', String(shown)));
      }
    },
  };
}

export type FileActions = ReturnType<typeof fileActions>;

import { useStore } from '../ui/stores/use-store.ts';
import { errorText, usePlatform } from '../ui/platform-context.ts';
import type { PortalSummary } from '../../src/protocol/index.ts';
import type { Connector } from '../ui/connector.ts';
import { Dialog } from '../ui/components/Dialog.tsx';
import { ErrorNotice } from '../ui/components/ErrorNotice.tsx';
import { NewFoldersForm } from '../ui/components/NewFoldersForm.tsx';
import { DetailsDialog } from '../ui/dialogs/DetailsDialog.tsx';
import { NameDialog } from '../ui/dialogs/NameDialog.tsx';
import { RoomDialog } from '../ui/dialogs/RoomDialog.tsx';
import { PeopleDialog } from '../ui/dialogs/PeopleDialog.tsx';
import { ShareDialog } from '../ui/dialogs/ShareDialog.tsx';
import { TransferDialog } from '../ui/dialogs/TransferDialog.tsx';
import { UploadConflictDialog } from '../ui/dialogs/UploadConflictDialog.tsx';
import { startUpload } from '../ui/actions/upload.ts';
import type { BrowseStore } from '../ui/stores/browse-store.ts';
import type { JobsStore } from '../ui/stores/jobs-store.ts';
import type { UiStore } from '../ui/stores/ui-store.ts';

export interface DialogProps {
  portal: PortalSummary;
  connector: Connector;
  ui: UiStore;
  browse: BrowseStore;
  jobs: JobsStore;
}

/** The one dialog that may be open: each asks the background and closes when it answered. */
export function DialogSwitch({ portal, connector, ui, browse, jobs }: DialogProps) {
  const platform = usePlatform();
  const { t } = platform;
  const { dialog, close } = useStore(ui);
  const jobsState = useStore(jobs);
  if (!dialog) return null;
  const page = browse.getState().page;
  const done = async () => {
    close();
    await browse.getState().refresh();
  };
  switch (dialog.type) {
    case 'rename': {
      const dot = dialog.entry.kind === 'file' ? dialog.entry.title.lastIndexOf('.') : -1;
      return (
        <NameDialog
          title={t('renameTitle')}
          label={t('nameLabel')}
          submitLabel={t('rename')}
          initial={dialog.entry.title}
          selectTo={dot > 0 ? dot : dialog.entry.title.length}
          onClose={close}
          onSubmit={async (title) => {
            await connector.send('renameEntry', {
              portalId: portal.id,
              entry: { kind: dialog.entry.kind, id: dialog.entry.id },
              title,
            });
            await done();
          }}
        />
      );
    }
    case 'createFolder':
      return (
        <NameDialog
          title={t('newFolder')}
          label={t('nameLabel')}
          submitLabel={t('create')}
          initial=""
          onClose={close}
          onSubmit={async (title) => {
            if (!page) return;
            await connector.send('createFolder', { portalId: portal.id, parentId: page.folder.id, title });
            await done();
          }}
        />
      );
    case 'createFile':
      return (
        <NameDialog
          title={t(`newFile_${dialog.kind}`)}
          label={t('nameLabel')}
          submitLabel={t('create')}
          initial=""
          onClose={close}
          onSubmit={async (title) => {
            if (!page) return;
            const file = await connector.send('createFile', {
              portalId: portal.id,
              parentId: page.folder.id,
              kind: dialog.kind,
              title,
            });
            await done();
            ui.getState().notify({ text: t('createdFile', file.title) });
          }}
        />
      );
    case 'createRoom':
      return (
        <RoomDialog
          onClose={close}
          onSubmit={async (room) => {
            await connector.send('createRoom', { portalId: portal.id, ...room });
            await done();
          }}
        />
      );
    case 'details':
      return <DetailsDialog portalId={portal.id} entry={dialog.entry} connector={connector} onClose={close} />;
    case 'share':
      return <ShareDialog portalId={portal.id} entry={dialog.entry} connector={connector} onClose={close} />;
    case 'people':
      return <PeopleDialog portalId={portal.id} entry={dialog.entry} connector={connector} onClose={close} />;
    case 'transfer':
      return (
        <TransferDialog
          portalId={portal.id}
          entries={dialog.entries}
          copy={dialog.copy}
          fromFolderId={page?.folder.id ?? 0}
          recent={browse.getState().recentDestinations}
          connector={connector}
          onClose={close}
          onDone={(dest) => {
            browse.getState().addRecentDestination(dest);
            ui.getState().clearSelection();
            close();
            void jobs.getState().load();
          }}
        />
      );
    case 'uploadConflict':
      return (
        <UploadConflictDialog
          folderTitle={dialog.target.title}
          existing={dialog.existing}
          onClose={close}
          onChoose={async (conflict) => {
            await startUpload(dialog.files, dialog.target, conflict, { portal, connector, platform, ui });
            close();
          }}
        />
      );
    case 'newFolders':
      return (
        <Dialog title={t('newFolders')} onClose={close}>
          {jobsState.error && <ErrorNotice error={jobsState.error} />}
          <NewFoldersForm
            onCancel={close}
            onSubmit={async (text) => {
              if (!page) return false;
              const ok = await jobsState.createFolders(portal.id, page.folder.id, page.folder.title, text);
              if (ok) close();
              else if (jobsState.error) ui.getState().notify({ text: errorText(t, jobsState.error), tone: 'error' });
              return ok;
            }}
          />
        </Dialog>
      );
  }
}

import { useEffect, useState } from 'preact/hooks';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { Crumb, Entry, EntryId, FolderEntry, PortalId } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { ServerText } from '../components/ServerText.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { PickerNav } from '../components/PickerNav.tsx';
import { usePlatform } from '../platform-context.ts';
import { plural } from '../plural.ts';

type Conflict = 'skip' | 'overwrite' | 'duplicate';
type Place = { id: EntryId; title: string };

interface Props {
  portalId: PortalId;
  entries: Entry[];
  copy: boolean;
  fromFolderId: EntryId;
  recent: Place[];
  connector: Connector;
  onDone(dest: Place): void;
  onClose(): void;
}

/**
 * Where to move or copy: rooms, then their folders, with a search and the last destinations; then, if names
 * collide there, whether to skip those, overwrite them or keep both.
 */
export function TransferDialog(props: Props) {
  const platform = usePlatform();
  const { t } = platform;
  const [at, setAt] = useState<Crumb[]>([]);
  const [folders, setFolders] = useState<FolderEntry[] | null>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<ErrorData | null>(null);
  const [conflicts, setConflicts] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const here = at.at(-1);
  const moving = new Set(props.entries.filter((e) => e.kind === 'folder').map((e) => String(e.id)));

  useEffect(() => {
    setFolders(null);
    setError(null);
    const request = here
      ? props.connector.send('listFolder', { portalId: props.portalId, folderId: here.id, count: 100 })
      : props.connector.send('listRooms', { portalId: props.portalId, count: 100 });
    request.then(
      (page) =>
        setFolders(page.entries.filter((e): e is FolderEntry => e.kind === 'folder' && !moving.has(String(e.id)))),
      (err: unknown) => setError(toErrorData(err)),
    );
  }, [here?.id]);

  const start = async (dest: Place, conflict: Conflict) => {
    setBusy(true);
    try {
      await props.connector.send('transferEntries', {
        portalId: props.portalId,
        entries: props.entries.map((e) => ({ kind: e.kind, id: e.id, title: e.title })),
        fromFolderId: props.fromFolderId,
        destFolderId: dest.id,
        destTitle: dest.title,
        copy: props.copy,
        conflict,
      });
      props.onDone(dest);
    } catch (err) {
      setError(toErrorData(err));
      setBusy(false);
    }
  };

  const choose = async (dest: Place) => {
    setError(null);
    try {
      const { conflicts: found } = await props.connector.send('checkConflicts', {
        portalId: props.portalId,
        entries: props.entries.map((e) => ({ kind: e.kind, id: e.id })),
        destFolderId: dest.id,
      });
      if (found.length > 0) setConflicts(found.length);
      else await start(dest, 'duplicate');
    } catch (err) {
      setError(toErrorData(err));
    }
  };

  const shown = (folders ?? []).filter((f) => f.title.toLocaleLowerCase().includes(query.trim().toLocaleLowerCase()));
  const title = plural(platform, props.copy ? 'copyTitle' : 'moveTitle', props.entries.length);

  if (conflicts !== null && here) {
    return (
      <Dialog title={title} onClose={props.onClose}>
        <p data-testid="conflicts">{plural(platform, 'conflictsFound', conflicts, [here.title])}</p>
        <div class="dialog-form">
          {(['duplicate', 'overwrite', 'skip'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              class={choice === 'duplicate' ? 'button button-primary' : 'button'}
              disabled={busy}
              onClick={() => void start(here, choice)}
            >
              {t(`conflict_${choice}`)}
            </button>
          ))}
          <button type="button" class="button" onClick={() => setConflicts(null)}>
            {t('back')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={title} onClose={props.onClose}>
      {props.recent.length > 0 && at.length === 0 && (
        <section aria-labelledby="recent-heading">
          <h3 id="recent-heading" class="dialog-subtitle">
            {t('recentDestinations')}
          </h3>
          <ul class="picker-list">
            {props.recent.map((place) => (
              <li key={String(place.id)}>
                <button
                  type="button"
                  class="picker-item"
                  onClick={() => void choose(place).then(() => setAt([{ ...place, folderType: 0 }]))}
                >
                  <ServerText text={place.title} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <PickerNav at={at} onAt={setAt} query={query} onQuery={setQuery} />
      {error && <ErrorNotice error={error} />}
      {!folders && !error && <Spinner />}
      {folders && (
        <ul class="picker-list" data-testid="picker">
          {shown.map((folder) => (
            <li key={String(folder.id)}>
              <button
                type="button"
                class="picker-item"
                onClick={() => setAt([...at, { id: folder.id, title: folder.title, folderType: folder.folderType }])}
              >
                <ServerText text={folder.title} />
              </button>
            </li>
          ))}
          {shown.length === 0 && <li class="muted">{t('pickerEmpty')}</li>}
        </ul>
      )}
      <div class="form-actions">
        <button
          type="button"
          class="button button-primary"
          disabled={!here || busy || String(here.id) === String(props.fromFolderId)}
          onClick={() => here && void choose(here)}
        >
          {here ? t(props.copy ? 'copyHere' : 'moveHere', here.title) : t('pickAFolder')}
        </button>
        <button type="button" class="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
      </div>
    </Dialog>
  );
}

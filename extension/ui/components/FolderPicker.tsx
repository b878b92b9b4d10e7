import { useEffect, useState } from 'preact/hooks';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { Crumb, EntryId, FolderEntry, PortalId } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';
import { PickerNav } from './PickerNav.tsx';
import { usePlatform } from '../platform-context.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { ServerText } from './ServerText.tsx';
import { Spinner } from './Spinner.tsx';

export type Place = { id: EntryId; title: string };

interface Props {
  portalId: PortalId;
  connector: Connector;
  /** Shown first: the default folder and the last destinations. */
  shortcuts: Array<Place & { label?: string }>;
  /** The text of the button that takes the folder browsed to. */
  pickLabel(place: Place): string;
  onPick(place: Place): void;
  busy?: boolean;
}

const ROOT: Crumb = { id: 'rooms', title: '', folderType: 0 };

/**
 * Where to save: the shortcuts (default, recent), then rooms and their folders, and My documents; a search over
 * what is listed. Everything the server names is shown as text.
 */
export function FolderPicker(props: Props) {
  const { t } = usePlatform();
  const [at, setAt] = useState<Crumb[]>([]);
  const [folders, setFolders] = useState<FolderEntry[] | null>(null);
  const [myId, setMyId] = useState<EntryId | null>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<ErrorData | null>(null);
  const here = at.at(-1);

  useEffect(() => {
    setFolders(null);
    setError(null);
    const request = here
      ? props.connector.send('listFolder', { portalId: props.portalId, folderId: here.id, count: 100 })
      : props.connector.send('listRooms', { portalId: props.portalId, count: 100 });
    request.then(
      (page) => {
        setFolders(page.entries.filter((e): e is FolderEntry => e.kind === 'folder'));
        // After the rooms, not beside them: a newer listing supersedes the one in flight in the background.
        if (!here && myId === null)
          props.connector.send('listSection', { portalId: props.portalId, section: 'my', count: 1 }).then(
            (my) => setMyId(my.folder.id),
            () => undefined,
          );
      },
      (err: unknown) => setError(toErrorData(err)),
    );
  }, [here?.id]);

  const needle = query.trim().toLocaleLowerCase();
  const shown = (folders ?? []).filter((f) => f.title.toLocaleLowerCase().includes(needle));
  const open = (crumb: Crumb) => {
    setQuery('');
    setAt([...at, crumb]);
  };

  return (
    <div class="folder-picker">
      {props.shortcuts.length > 0 && at.length === 0 && (
        <section aria-labelledby="shortcuts-heading">
          <h2 id="shortcuts-heading" class="dialog-subtitle">
            {t('pickerRecent')}
          </h2>
          <ul class="picker-list" data-testid="picker-shortcuts">
            {props.shortcuts.map((place) => (
              <li key={String(place.id)}>
                <button
                  type="button"
                  class="picker-item"
                  disabled={props.busy}
                  onClick={() => props.onPick({ id: place.id, title: place.title })}
                >
                  {place.label ? `${place.label}: ` : ''}
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
          {!here && myId !== null && (!needle || t('section_my').toLocaleLowerCase().includes(needle)) && (
            <li>
              <button
                type="button"
                class="picker-item"
                onClick={() => open({ id: myId, title: t('section_my'), folderType: 5 })}
              >
                {t('section_my')}
              </button>
            </li>
          )}
          {shown.map((folder) => (
            <li key={String(folder.id)}>
              <button
                type="button"
                class="picker-item"
                onClick={() => open({ id: folder.id, title: folder.title, folderType: folder.folderType })}
              >
                <ServerText text={folder.title} />
              </button>
            </li>
          ))}
          {shown.length === 0 && here && <li class="muted">{t('pickerEmpty')}</li>}
        </ul>
      )}
      <div class="form-actions">
        <button
          type="button"
          class="button button-primary"
          disabled={!here || here === ROOT || props.busy}
          onClick={() => here && props.onPick({ id: here.id, title: here.title })}
        >
          {here ? props.pickLabel({ id: here.id, title: here.title }) : t('pickAFolder')}
        </button>
      </div>
    </div>
  );
}

import { useMemo, useState } from 'preact/hooks';
import { toErrorData } from '../../../src/errors/index.ts';
import type { Entry, EntryId, PortalId } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';
import { Dialog } from '../components/Dialog.tsx';
import { PickerFolders } from '../components/PickerFolders.tsx';
import { ServerText } from '../components/ServerText.tsx';
import { usePickerFolders } from '../components/use-picker-folders.ts';
import { usePlatform } from '../platform-context.ts';
import { plural, pluralKey } from '../plural.ts';
import { Sentence } from '../components/Sentence.tsx';

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
  // A folder is not offered as a destination inside itself.
  const moving = useMemo(
    () => new Set(props.entries.filter((e) => e.kind === 'folder').map((e) => String(e.id))),
    [props.entries],
  );
  const picker = usePickerFolders(props.connector, props.portalId, moving);
  const { at, here, setError } = picker;
  const [conflicts, setConflicts] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

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

  const title = plural(platform, props.copy ? 'copyTitle' : 'moveTitle', props.entries.length);

  if (conflicts !== null && here) {
    return (
      <Dialog title={title} onClose={props.onClose}>
        <p data-testid="conflicts">
          <Sentence k={pluralKey(platform, 'conflictsFound', conflicts)} params={[String(conflicts), here.title]} />
        </p>
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
                  onClick={() => void choose(place).then(() => picker.goTo([{ ...place, folderType: 0 }]))}
                >
                  <ServerText text={place.title} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <PickerFolders picker={picker} />
      <div class="form-actions">
        <button
          type="button"
          class="button button-primary"
          disabled={!here || busy || String(here.id) === String(props.fromFolderId)}
          onClick={() => here && void choose(here)}
        >
          {here ? <Sentence k={props.copy ? 'copyHere' : 'moveHere'} params={[here.title]} /> : t('pickAFolder')}
        </button>
        <button type="button" class="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
      </div>
    </Dialog>
  );
}

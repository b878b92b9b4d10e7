import type { EntryId, PortalId } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';
import { usePlatform } from '../platform-context.ts';
import { PickerFolders } from './PickerFolders.tsx';
import { ServerText } from './ServerText.tsx';
import { usePickerFolders } from './use-picker-folders.ts';

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

/**
 * Where to save: the shortcuts (default, recent), then rooms and their folders, and My documents; a search over
 * what is listed. Everything the server names is shown as text.
 */
export function FolderPicker(props: Props) {
  const { t } = usePlatform();
  const picker = usePickerFolders(props.connector, props.portalId);
  const { at, here } = picker;

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
      <PickerFolders picker={picker} />
      <div class="form-actions">
        <button
          type="button"
          class="button button-primary"
          disabled={!here || props.busy}
          onClick={() => here && props.onPick({ id: here.id, title: here.title })}
        >
          {here ? props.pickLabel({ id: here.id, title: here.title }) : t('pickAFolder')}
        </button>
      </div>
    </div>
  );
}

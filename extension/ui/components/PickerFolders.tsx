import type { usePickerFolders } from './use-picker-folders.ts';
import { usePlatform } from '../platform-context.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { PickerNav } from './PickerNav.tsx';
import { ServerText } from './ServerText.tsx';
import { Spinner } from './Spinner.tsx';

/** The path, the filter box and the folders of a picker (My documents beside the rooms at the top). */
export function PickerFolders({ picker }: { picker: ReturnType<typeof usePickerFolders> }) {
  const { t } = usePlatform();
  const { at, here, folders, shown, needle, myId, error } = picker;
  const myTitle = t('section_my');
  return (
    <>
      <PickerNav at={at} onAt={picker.goTo} query={picker.query} onQuery={picker.setQuery} />
      {error && <ErrorNotice error={error} />}
      {!folders && !error && <Spinner />}
      {folders && (
        <ul class="picker-list" data-testid="picker">
          {!here && myId !== null && (!needle || myTitle.toLocaleLowerCase().includes(needle)) && (
            <li>
              <button
                type="button"
                class="picker-item"
                onClick={() => picker.open({ id: myId, title: myTitle, folderType: 5 })}
              >
                {myTitle}
              </button>
            </li>
          )}
          {shown.map((folder) => (
            <li key={String(folder.id)}>
              <button
                type="button"
                class="picker-item"
                onClick={() => picker.open({ id: folder.id, title: folder.title, folderType: folder.folderType })}
              >
                <ServerText text={folder.title} />
              </button>
            </li>
          ))}
          {shown.length === 0 && here && <li class="muted">{t('pickerEmpty')}</li>}
        </ul>
      )}
    </>
  );
}

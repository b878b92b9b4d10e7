import { formatDate } from '../../../src/format/date.ts';
import { formatSize } from '../../../src/format/size.ts';
import { visibleText } from '../../../src/format/text.ts';
import type { Entry } from '../../../src/protocol/index.ts';
import { usePlatform } from '../platform-context.ts';
import { EntryIcon } from './EntryIcon.tsx';
import { ServerText } from './ServerText.tsx';

interface Props {
  entry: Entry;
  onOpen: (entry: Entry) => void;
}

export function EntryRow({ entry, onOpen }: Props) {
  const { t, uiLanguage } = usePlatform();
  const locale = uiLanguage();
  const date = formatDate(entry.updated, locale, new Date());
  const meta =
    entry.kind === 'file'
      ? // The real extension, from the portal's file record: a name can be made to look like another type.
        [entry.extension.replace(/^\./, '').toUpperCase(), formatSize(entry.sizeBytes, locale), date]
      : [
          entry.roomType !== undefined ? t(`roomType_${entry.roomType}`) : '',
          t('itemCount', String(entry.filesCount + entry.foldersCount)),
          date,
        ];
  const disabled = entry.kind === 'file' && entry.webUrl === null;
  return (
    <li class="entry" data-kind={entry.kind} data-id={String(entry.id)}>
      <button
        type="button"
        class="entry-button"
        onClick={() => onOpen(entry)}
        disabled={disabled}
        title={visibleText(entry.title)}
        aria-label={t(entry.kind === 'file' ? 'openFileLabel' : 'openFolderLabel', visibleText(entry.title))}
      >
        <EntryIcon entry={entry} />
        <span class="entry-text">
          <ServerText class="entry-title" text={entry.title} />
          <span class="entry-meta">{meta.filter(Boolean).join(' · ')}</span>
        </span>
        {entry.isFavorite && (
          <span class="entry-badge" title={t('favorite')} aria-label={t('favorite')}>
            ★
          </span>
        )}
        {entry.kind === 'folder' && (
          <span class="entry-chevron" aria-hidden="true">
            ›
          </span>
        )}
      </button>
    </li>
  );
}

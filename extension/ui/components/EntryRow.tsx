import { formatDate } from '../../../src/format/date.ts';
import { formatSize } from '../../../src/format/size.ts';
import type { Entry } from '../../../src/protocol/index.ts';
import { usePlatform } from '../platform-context.ts';
import { EntryIcon } from './EntryIcon.tsx';

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
      ? [formatSize(entry.sizeBytes, locale), date]
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
        title={entry.title}
        aria-label={entry.kind === 'file' ? t('openFileLabel', entry.title) : t('openFolderLabel', entry.title)}
      >
        <EntryIcon entry={entry} />
        <span class="entry-text">
          <span class="entry-title">{entry.title}</span>
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

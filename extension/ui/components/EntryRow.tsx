import { formatDate } from '../../../src/format/date.ts';
import { formatSize } from '../../../src/format/size.ts';
import { visibleText } from '../../../src/format/text.ts';
import type { Entry } from '../../../src/protocol/index.ts';
import { usePlatform } from '../platform-context.ts';
import { EntryIcon } from './EntryIcon.tsx';
import { Icon } from './Icon.tsx';
import { ServerText } from './ServerText.tsx';

export const ROW_HEIGHT = 48;

interface Props {
  entry: Entry;
  index: number;
  top: number;
  active: boolean;
  selected: boolean;
  showLocation: boolean;
  thumbnail: string | null | undefined;
  /** Files dragged over this folder row would be uploaded into it. */
  dropTarget?: boolean;
  onOpen(entry: Entry, event: MouseEvent): void;
  onSelect(index: number, event: MouseEvent): void;
  onMenu(index: number): void;
  onFocus(index: number): void;
}

/** A part of the row's meta line; `server` parts (author, tags) are isolated from the rest. */
type MetaPart = { text: string; server?: boolean; tag?: boolean };

/** What the row says under the name: the facts a power user scans (type, size, date, author). */
function metaOf(entry: Entry, t: (key: string, s?: string | string[]) => string, locale: string): MetaPart[] {
  const date = formatDate(entry.updated, locale, new Date());
  if (entry.kind === 'file') {
    // The real extension, from the portal's file record: a name can be made to look like another type.
    return [
      { text: entry.extension.replace(/^\./, '').toUpperCase(), server: true },
      { text: formatSize(entry.sizeBytes, locale, t) },
      { text: date },
      { text: entry.author, server: true },
    ];
  }
  const kind = entry.roomType !== undefined ? t(`roomType_${entry.roomType}`) : t('folder');
  return [{ text: kind }, ...entry.tags.map((tag) => ({ text: `#${tag}`, server: true, tag: true })), { text: date }];
}

export function EntryRow(props: Props) {
  const { entry, index, active, selected } = props;
  const { t, uiLanguage } = usePlatform();
  const parts = metaOf(entry, t, uiLanguage()).filter((part) => part.text !== '');
  // Tags are one item of the line, separated by spaces; everything else by " · ".
  const meta = parts.map((part, i) => {
    const gap = i === 0 ? '' : part.tag && parts[i - 1]!.tag ? ' ' : ' · ';
    return (
      <>
        {gap}
        {part.server ? <bdi class="server-text">{visibleText(part.text)}</bdi> : part.text}
      </>
    );
  });
  const place =
    props.showLocation && entry.location ? [entry.location.roomTitle, entry.location.folderTitle].filter(Boolean) : [];
  const name = visibleText(entry.title);
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      class={`row${active ? ' row-active' : ''}${selected ? ' row-selected' : ''}${props.dropTarget ? ' row-drop' : ''}`}
      style={{ transform: `translateY(${props.top}px)`, height: `${ROW_HEIGHT}px` }}
      data-kind={entry.kind}
      data-id={String(entry.id)}
      data-testid="entry"
      onClick={(event) => {
        if ((event.ctrlKey || event.metaKey || event.shiftKey) && !(event.target as HTMLElement).closest('a')) {
          props.onSelect(index, event);
        }
      }}
    >
      <div role="gridcell" class="cell-select">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={t('selectEntry', name)}
          onClick={(event) => {
            event.stopPropagation();
            props.onSelect(index, { ...event, ctrlKey: !event.shiftKey, shiftKey: event.shiftKey } as MouseEvent);
          }}
        />
      </div>
      <div role="gridcell" class="cell-main">
        <a
          class="row-link"
          href={entry.webUrl ?? '#'}
          target="_blank"
          rel="noopener noreferrer"
          tabIndex={active ? 0 : -1}
          title={name}
          data-row={index}
          onFocus={() => props.onFocus(index)}
          onClick={(event) => {
            // Ctrl/Cmd- or Shift-click opens the DocSpace page in a new tab, as a link does; a plain click opens here.
            if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            props.onOpen(entry, event);
          }}
        >
          <EntryIcon entry={entry} thumbnail={props.thumbnail} />
          <span class="row-text">
            <span class="row-title">
              <ServerText text={entry.title} />
              {entry.kind === 'folder' && entry.pinned && (
                <span class="badge" title={t('pinned')}>
                  <Icon name="pin" size={12} />
                  <span class="visually-hidden">{t('pinned')}</span>
                </span>
              )}
              {entry.isFavorite && (
                <span class="badge star" title={t('favorite')}>
                  <Icon name="star" size={12} filled />
                  <span class="visually-hidden">{t('favorite')}</span>
                </span>
              )}
              {entry.kind === 'file' && entry.locked && (
                <span class="badge" title={t('locked')}>
                  <Icon name="lock" size={12} />
                  <span class="visually-hidden">{t('locked')}</span>
                </span>
              )}
            </span>
            <span class="row-meta">
              {place.length > 0 && (
                <span class="row-place">
                  <ServerText text={place.join(' › ')} />
                  {' · '}
                </span>
              )}
              {meta}
            </span>
          </span>
        </a>
      </div>
      <div role="gridcell" class="cell-actions">
        <button
          type="button"
          class="icon-button small row-menu"
          tabIndex={-1}
          aria-label={t('actionsFor', name)}
          aria-haspopup="menu"
          onClick={(event) => {
            event.stopPropagation();
            props.onMenu(index);
          }}
        >
          <Icon name="more" />
        </button>
      </div>
    </div>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { useStore } from '../stores/use-store.ts';
import type { Entry } from '../../../src/protocol/index.ts';
import { actionForKey, actionsFor, type ActionContext } from '../actions/index.ts';
import { usePlatform } from '../platform-context.ts';
import { entryKey } from '../stores/browse-store.ts';
import type { UiStore } from '../stores/ui-store.ts';
import { useVirtualRows } from '../virtual/use-virtual-rows.ts';
import { EntryRow, ROW_HEIGHT } from './EntryRow.tsx';
import type { MenuItem } from './Menu.tsx';
import { LazyMenuList } from './LazyMenuList.tsx';

const THUMBNAIL_REST_MS = 200;

interface Props {
  /** What the grid is called for a screen reader (the folder's name). */
  label: string;
  entries: Entry[];
  /** Rows in the whole folder (more may still be paged in). */
  total: number;
  ui: UiStore;
  context: ActionContext;
  /** Entries listed outside their folder (search, Recent, Favorites, Trash) say where they live. */
  showLocation: boolean;
  firstRow: number;
  /** Bumped when focus should land on a row (after a navigation): the row index to focus. */
  focusRequest: { row: number; at: number } | null;
  onFocusServed(): void;
  thumbnails: Record<string, string | null | undefined>;
  onNeedThumbnail(entry: Entry): void;
  onEndReached(): void;
  onScrollRow(row: number): void;
  onUp(): void;
  /** The folder row files are dragged over (entryKey), if any. */
  dropKey?: string | null;
}

/**
 * The folder as a grid of rows, virtualised: only the rows in view (and a few around) are in the DOM. One
 * Tab stop: the focused row; arrows move it, Space and Shift+arrows select, Enter opens, Backspace goes up,
 * Delete and F2 run their actions, the context-menu key (or Shift+F10) opens the row's menu.
 */
export function EntryList(props: Props) {
  const { t } = usePlatform();
  const { active, selected, anchor, setActive, select, clearSelection } = useStore(props.ui);
  const scroller = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<{ row: number; items: MenuItem[] } | null>(null);
  const count = props.entries.length;
  const current = Math.min(active, Math.max(0, count - 1));
  const virtualizer = useVirtualRows({
    count,
    rowHeight: ROW_HEIGHT,
    scrollElement: () => scroller.current,
    keep: current,
    onScroll: props.onScrollRow,
  });
  const items = virtualizer.getVirtualItems();

  // Near the end of what is loaded, page in more.
  const last = items.at(-1);
  useEffect(() => {
    if (last && last.index >= count - 10 && count < props.total) props.onEndReached();
  }, [last?.index, count, props.total]);

  // A restored view opens at its scroll position.
  useEffect(() => {
    if (props.firstRow > 0 && props.firstRow < count) virtualizer.scrollToIndex(props.firstRow, { align: 'start' });
    // Only when the view changes, not on every scroll.
  }, [props.label]);

  // A request is served once, when there are rows for it, and then dropped by the owner: rows that come later
  // (search results arriving while the user types, in a list mounted anew) must not take the focus.
  useEffect(() => {
    if (!props.focusRequest || count === 0) return;
    props.onFocusServed();
    const row = Math.min(props.focusRequest.row, count - 1);
    setActive(row);
    focusRow(row);
  }, [props.focusRequest?.at, count > 0]);

  // Thumbnails for the rows that stay on screen: asked once scrolling rests, so flying through a big folder
  // does not spend the portal's request budget on rows nobody saw.
  const range = items.length > 0 ? `${items[0]!.index}-${items.at(-1)!.index}` : '';
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const item of items) {
        const entry = props.entries[item.index];
        const pictured = entry?.kind === 'file' ? entry.hasThumbnail : entry?.hasLogo === true;
        if (entry && pictured && !(entryKey(entry) in props.thumbnails)) props.onNeedThumbnail(entry);
      }
    }, THUMBNAIL_REST_MS);
    return () => clearTimeout(timer);
  }, [range, props.entries]);

  function focusRow(row: number) {
    virtualizer.scrollToIndex(row, { align: 'auto' });
    requestAnimationFrame(() => {
      // A user who went on to type (pressed "/" while the folder opened) keeps their place.
      if (document.activeElement?.closest('input, textarea, select, dialog')) return;
      scroller.current?.querySelector<HTMLElement>(`a[data-row="${row}"]`)?.focus();
    });
  }

  const chosen = (): Entry[] => {
    const picked = props.entries.filter((entry) => selected.has(entryKey(entry)));
    if (picked.length > 0) return picked;
    const entry = props.entries[current];
    return entry ? [entry] : [];
  };

  const openMenu = (row: number) => {
    const entry = props.entries[row];
    if (!entry) return;
    const targets = selected.has(entryKey(entry)) && selected.size > 1 ? chosen() : [entry];
    const menuItems = actionsFor(targets, props.context).map((action) => ({
      id: action.id,
      label: t(action.label),
      hint: action.key,
      danger: action.danger,
      run: () => void action.run(targets, props.context),
    }));
    if (menuItems.length > 0) setMenu({ row, items: menuItems });
  };

  const selectRange = (from: number, to: number, add: boolean) => {
    const [lo, hi] = from < to ? [from, to] : [to, from];
    select(props.entries.slice(lo, hi + 1).map(entryKey), add ? 'add' : 'only', from);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (count === 0) return;
    const mod = event.ctrlKey || event.metaKey;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 8) / ROW_HEIGHT) - 1);
    const moveTo = (row: number) => {
      const next = Math.max(0, Math.min(count - 1, row));
      if (event.shiftKey) selectRange(anchor ?? current, next, false);
      else if (!mod) props.ui.setState({ anchor: next });
      setActive(next);
      focusRow(next);
    };
    switch (event.key) {
      case 'ArrowDown':
        moveTo(current + 1);
        break;
      case 'ArrowUp':
        moveTo(current - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(count - 1);
        break;
      case 'PageDown':
        moveTo(current + page);
        break;
      case 'PageUp':
        moveTo(current - page);
        break;
      case ' ': {
        const entry = props.entries[current];
        if (entry) select([entryKey(entry)], 'toggle', current);
        break;
      }
      case 'a':
      case 'A':
        if (!mod) return;
        select(props.entries.map(entryKey), 'only', 0);
        break;
      case 'Escape':
        if (selected.size === 0) return;
        clearSelection();
        break;
      case 'Backspace':
        props.onUp();
        break;
      case 'ContextMenu':
        openMenu(current);
        break;
      case 'F10':
        if (!event.shiftKey) return;
        openMenu(current);
        break;
      case 'Enter':
        if (mod) {
          const entry = props.entries[current];
          if (entry?.webUrl) void props.context.platform.openUrl(entry.webUrl, { active: false });
          break;
        }
        runKey('Enter', [props.entries[current]!]);
        break;
      default: {
        if (!runKey(event.key, chosen())) return;
      }
    }
    event.preventDefault();
  };

  const runKey = (key: string, entries: Entry[]): boolean => {
    const action = actionForKey(key, entries, props.context);
    if (!action) return false;
    void action.run(entries, props.context);
    return true;
  };

  return (
    <div ref={scroller} class="list-scroller" data-testid="list-scroller">
      <div
        role="grid"
        aria-label={props.label}
        aria-rowcount={props.total}
        aria-multiselectable="true"
        class="grid"
        style={{ height: `${virtualizer.getTotalSize()}px` }}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const entry = props.entries[item.index]!;
          return (
            <EntryRow
              key={entryKey(entry)}
              entry={entry}
              index={item.index}
              top={item.start}
              active={item.index === current}
              selected={selected.has(entryKey(entry))}
              showLocation={props.showLocation}
              thumbnail={props.thumbnails[entryKey(entry)]}
              dropTarget={props.dropKey === entryKey(entry)}
              onFocus={setActive}
              onOpen={(target) => {
                const action = actionForKey('Enter', [target], props.context);
                if (action) void action.run([target], props.context);
              }}
              onSelect={(index, event) => {
                setActive(index);
                if (event.shiftKey) selectRange(anchor ?? current, index, event.ctrlKey || event.metaKey);
                else select([entryKey(props.entries[index]!)], 'toggle', index);
              }}
              onMenu={openMenu}
            />
          );
        })}
      </div>
      {menu && (
        <LazyMenuList
          label={t('actionsFor', props.entries[menu.row]?.title ?? '')}
          items={menu.items}
          class="row-menu-list"
          style={{ top: `${(menu.row + 1) * ROW_HEIGHT}px` }}
          onClose={(refocus) => {
            const row = menu.row;
            setMenu(null);
            if (refocus) focusRow(row);
          }}
        />
      )}
    </div>
  );
}

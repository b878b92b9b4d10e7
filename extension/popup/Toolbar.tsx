import { useRef } from 'preact/hooks';
import { useStore } from '../ui/stores/use-store.ts';
import { uploadFiles } from '../ui/actions/upload.ts';
import type { Entry, FolderPage, SectionId, Sort } from '../../src/protocol/index.ts';
import { actionsFor, type ActionContext } from '../ui/actions/index.ts';
import { Breadcrumbs } from '../ui/components/Breadcrumbs.tsx';
import { Icon } from '../ui/components/Icon.tsx';
import { Menu, type MenuItem } from '../ui/components/Menu.tsx';
import { usePlatform } from '../ui/platform-context.ts';
import { plural } from '../ui/plural.ts';
import type { BrowseStore } from '../ui/stores/browse-store.ts';
import type { UiStore } from '../ui/stores/ui-store.ts';

const SORTS: Array<Sort['by']> = ['name', 'modified', 'size', 'type'];
const ROOM_TYPES = [1, 2, 5, 6, 8] as const;

interface Props {
  browse: BrowseStore;
  ui: UiStore;
  context: ActionContext;
  page: FolderPage | null;
  section: SectionId;
  selection: Entry[];
}

/** Where the list is, and what can be done here: sort, filter rooms, make something new, act on the selection. */
export function Toolbar({ browse, ui, context, page, section, selection }: Props) {
  const platform = usePlatform();
  const { t } = platform;
  const state = useStore(browse);
  const sort = state.currentSort();
  const crumbs = state.pendingCrumbs ?? page?.breadcrumbs ?? [];
  // A read-only sign-in makes nothing, not even a room.
  const atRoomsRoot = state.location.folderId === undefined && section === 'rooms' && page?.readOnly !== true;
  const canCreate = state.status === 'ready' && page?.can.create === true && section !== 'trash';
  const picker = useRef<HTMLInputElement>(null);

  const sortItems = (): MenuItem[] => [
    ...SORTS.map((by) => ({
      id: `sort-${by}`,
      label: t(`sort_${by}`),
      checked: sort.by === by,
      run: () =>
        void browse
          .getState()
          .setSort({ by, order: sort.by === by && sort.order === 'ascending' ? 'descending' : 'ascending' }),
    })),
    {
      id: 'sort-order',
      label: t(sort.order === 'ascending' ? 'sortDescending' : 'sortAscending'),
      run: () =>
        void browse.getState().setSort({ ...sort, order: sort.order === 'ascending' ? 'descending' : 'ascending' }),
    },
  ];

  const filter = state.roomFilter;
  const filterItems = (): MenuItem[] => [
    {
      id: 'rooms-active',
      label: t('roomsActive'),
      checked: !filter.archived,
      run: () => void browse.getState().setRoomFilter({ ...filter, archived: false }),
    },
    {
      id: 'rooms-archived',
      label: t('roomsArchived'),
      checked: filter.archived === true,
      run: () => void browse.getState().setRoomFilter({ ...filter, archived: true }),
    },
    {
      id: 'type-all',
      label: t('roomTypeAll'),
      checked: !filter.roomTypes?.length,
      run: () => void browse.getState().setRoomFilter({ ...filter, roomTypes: [] }),
    },
    ...ROOM_TYPES.map((type) => ({
      id: `type-${type}`,
      label: t(`roomType_${type}`),
      checked: filter.roomTypes?.length === 1 && filter.roomTypes[0] === type,
      run: () => void browse.getState().setRoomFilter({ ...filter, roomTypes: [type] }),
    })),
    ...tagsOf(page).map((tag) => ({
      id: `tag-${tag}`,
      label: `#${tag}`,
      checked: filter.tags?.length === 1 && filter.tags[0] === tag,
      run: () => void browse.getState().setRoomFilter({ ...filter, tags: filter.tags?.[0] === tag ? [] : [tag] }),
    })),
  ];

  const newItems = (): MenuItem[] =>
    atRoomsRoot
      ? [{ id: 'new-room', label: t('newRoom'), run: () => ui.getState().open({ type: 'createRoom' }) }]
      : [
          // Inside the click (or Enter) that chose it: a file picker opens only from a user's gesture.
          { id: 'upload-files', label: t('uploadFiles'), run: () => picker.current?.click() },
          { id: 'new-folder', label: t('newFolder'), run: () => ui.getState().open({ type: 'createFolder' }) },
          { id: 'new-folders', label: t('newFolders'), run: () => ui.getState().open({ type: 'newFolders' }) },
          ...(['document', 'spreadsheet', 'presentation', 'pdfForm'] as const).map((kind) => ({
            id: `new-${kind}`,
            label: t(`newFile_${kind}`),
            run: () => ui.getState().open({ type: 'createFile', kind }),
          })),
        ];

  if (selection.length > 0) {
    const actions = actionsFor(selection, context).filter((action) => action.many);
    return (
      <div class="toolbar selection-bar" role="toolbar" aria-label={t('selectionActions')}>
        <span class="selection-count" data-testid="selection-count">
          {plural(platform, 'selectedCount', selection.length)}
        </span>
        <span class="toolbar-actions">
          {actions.map((action) => (
            <button
              key={action.id}
              type="button"
              class={action.danger ? 'button small danger' : 'button small'}
              onClick={() => void action.run(selection, context)}
            >
              {t(action.label)}
            </button>
          ))}
          <button
            type="button"
            class="icon-button small"
            aria-label={t('clearSelection')}
            onClick={() => ui.getState().clearSelection()}
          >
            <Icon name="close" size={16} />
          </button>
        </span>
      </div>
    );
  }

  return (
    <div class="toolbar">
      {crumbs.length > 0 && state.location.folderId !== undefined ? (
        <Breadcrumbs crumbs={crumbs} onOpen={(crumb, index) => void browse.getState().openCrumb(crumb, index)} />
      ) : (
        <span class="toolbar-title">{t(`section_${section}`)}</span>
      )}
      <span class="toolbar-actions">
        {atRoomsRoot && (
          <Menu
            label={t('filterRooms')}
            items={filterItems}
            buttonClass={filterActive(filter) ? 'icon-button on' : 'icon-button'}
          >
            <Icon name="filter" />
          </Menu>
        )}
        <Menu label={t('sortBy', t(`sort_${sort.by}`))} items={sortItems}>
          <Icon name="sort" />
        </Menu>
        {(canCreate || atRoomsRoot) && (
          <Menu label={t('new')} items={newItems}>
            <Icon name="plus" />
          </Menu>
        )}
        {canCreate && page && (
          <input
            ref={picker}
            type="file"
            multiple
            hidden
            tabIndex={-1}
            aria-label={t('uploadFiles')}
            data-testid="upload-input"
            onChange={(event) => {
              const input = event.currentTarget;
              const files = [...(input.files ?? [])];
              // Cleared, so picking the same files again is a change too.
              input.value = '';
              void uploadFiles(files, { folderId: page.folder.id, title: page.folder.title }, context);
            }}
          />
        )}
      </span>
    </div>
  );
}

function tagsOf(page: FolderPage | null): string[] {
  const tags = new Set<string>();
  for (const entry of page?.entries ?? []) if (entry.kind === 'folder') for (const tag of entry.tags) tags.add(tag);
  return [...tags].sort().slice(0, 12);
}

function filterActive(filter: { archived?: boolean; roomTypes?: number[]; tags?: string[] }): boolean {
  return !!filter.archived || !!filter.roomTypes?.length || !!filter.tags?.length;
}

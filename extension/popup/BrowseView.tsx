import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStore } from '../ui/stores/use-store.ts';
import type { Entry, PortalSummary } from '../../src/protocol/index.ts';
import type { ActionContext } from '../ui/actions/index.ts';
import type { Connector } from '../ui/connector.ts';
import { EmptyState } from '../ui/components/EmptyState.tsx';
import { EntryList } from '../ui/components/EntryList.tsx';
import { ErrorNotice } from '../ui/components/ErrorNotice.tsx';
import { Sentence } from '../ui/components/Sentence.tsx';
import { Spinner } from '../ui/components/Spinner.tsx';
import { usePlatform } from '../ui/platform-context.ts';
import { plural } from '../ui/plural.ts';
import { entryKey, visibleEntries, type BrowseStore } from '../ui/stores/browse-store.ts';
import type { UiStore } from '../ui/stores/ui-store.ts';
import { SearchBox } from './SearchBox.tsx';
import { uploadFiles, type UploadTarget } from '../ui/actions/upload.ts';
import { Toolbar } from './Toolbar.tsx';

interface Props {
  portal: PortalSummary;
  connector: Connector;
  store: BrowseStore;
  ui: UiStore;
  /** Search for this once the view is shown (the omnibox's Enter opens the popup in a tab with `?q=`). */
  initialQuery?: string | undefined;
}

/** The list of a section or folder: search, toolbar, the rows, and what the list says when it is not a list. */
export function BrowseView({ portal, connector, store, ui, initialQuery }: Props) {
  const platform = usePlatform();
  const { t, openOptionsPage } = platform;
  const state = useStore(store);
  const { selected } = useStore(ui);
  const [focusRequest, setFocusRequest] = useState<{ row: number; at: number } | null>(null);
  const [thumbnails, setThumbnails] = useState<Record<string, string | null>>({});
  const focusFirst = () => setFocusRequest({ row: 0, at: Date.now() });
  const opened = useRef(false);
  // Before the first paint (see PopupApp): the remembered view is asked for a frame sooner.
  useLayoutEffect(() => {
    void store
      .getState()
      .start(portal.id)
      .then(() => {
        if (initialQuery) store.getState().setQuery(initialQuery);
      });
  }, [portal.id, store, initialQuery]);

  const context: ActionContext = useMemo(
    () => ({ portal, section: state.location.section, connector, platform, browse: store, ui }),
    [portal, state.location.section, connector, platform, store, ui],
  );
  const page = state.page;
  const searching = state.query.trim().length >= 2;
  const entries = useMemo(() => {
    const local = visibleEntries(state);
    if (!searching) return local;
    const seen = new Set(local.map(entryKey));
    return [...local, ...state.search.entries.filter((entry) => !seen.has(entryKey(entry)))];
  }, [state.page, state.query, state.search]);
  const selection = entries.filter((entry) => selected.has(entryKey(entry)));
  const scope =
    state.location.folderId !== undefined && page ? page.folder.title : t(`section_${state.location.section}`);

  // A popup closed right after scrolling still opens there next time.
  useEffect(() => {
    const flush = () => store.getState().flushSave();
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, [store]);

  // A new view starts with nothing selected; focus that was in the list (or lost with the old rows) lands
  // on its first row, never taken from the search box.
  useEffect(() => {
    ui.getState().clearSelection();
    ui.getState().setActive(0);
    const focused = document.activeElement;
    if (!page) return;
    if (!focused || focused === document.body) {
      // The first view after opening: ready to type (finding is what the popup is opened for most).
      if (!opened.current) document.querySelector<HTMLInputElement>('.search input')?.focus();
      else focusFirst();
    } else if (focused.closest('.browse') && !focused.closest('input, select, textarea')) focusFirst();
    opened.current = true;
  }, [page?.folder.id, state.location.section]);

  const wantThumbnail = (entry: Entry) => {
    const key = entryKey(entry);
    setThumbnails((all) => (key in all ? all : { ...all, [key]: null }));
    void connector
      .send('thumbnail', { portalId: portal.id, fileId: entry.id, kind: entry.kind === 'file' ? 'file' : 'room' })
      .then(({ dataUrl }) => setThumbnails((all) => ({ ...all, [key]: dataUrl })))
      .catch(() => undefined);
  };

  // Files dragged from the computer, and links, images or text dragged from a web page: onto a folder row (that
  // folder) or anywhere on the list (the folder shown).
  const [drop, setDrop] = useState<{ key: string | null; title: string; files: boolean } | null>(null);
  const canDropHere =
    state.status === 'ready' && page?.can.create === true && !searching && state.location.section !== 'trash';
  const dropTargetOf = (event: DragEvent): { target: UploadTarget; key: string | null } | null => {
    if (!carries(event.dataTransfer)) return null;
    const row = (event.target as Element | null)?.closest?.('[data-testid="entry"][data-kind="folder"]');
    const folder = row && entries.find((e) => e.kind === 'folder' && String(e.id) === row.getAttribute('data-id'));
    if (folder && folder.can.create)
      return { target: { folderId: folder.id, title: folder.title }, key: entryKey(folder) };
    if (canDropHere && page) return { target: { folderId: page.folder.id, title: page.folder.title }, key: null };
    return null;
  };
  // A file dropped anywhere else must not be opened by the browser in place of the popup.
  useEffect(() => {
    const refuse = (event: DragEvent) => {
      if (carries(event.dataTransfer)) event.preventDefault();
    };
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, []);

  const showLocation =
    searching ||
    (['recent', 'favorites', 'trash', 'shared'].includes(state.location.section) &&
      state.location.folderId === undefined);

  return (
    // The whole view sits in the page's main landmark, so its toolbar and footer are inside one too.
    <main class="browse">
      <div class="browse-panel" id="view" role="tabpanel" aria-labelledby={`tab-${state.location.section}`}>
        <SearchBox value={state.query} scope={scope} onChange={(value) => store.getState().setQuery(value)} />
        <Toolbar
          browse={store}
          ui={ui}
          context={context}
          page={page}
          section={state.location.section}
          selection={selection}
        />
        <div
          class={drop ? 'listing drop-target' : 'listing'}
          aria-busy={state.status === 'loading'}
          data-status={state.status}
          data-testid="listing"
          onDragOver={(event) => {
            const found = dropTargetOf(event);
            if (!found) return setDrop(null);
            event.preventDefault();
            if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
            const files = event.dataTransfer?.types.includes('Files') ?? false;
            if (drop?.key !== found.key || drop.title !== found.target.title || drop.files !== files)
              setDrop({ key: found.key, title: found.target.title, files });
          }}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDrop(null);
          }}
          onDrop={(event) => {
            const found = dropTargetOf(event);
            setDrop(null);
            if (!found) return;
            event.preventDefault();
            const transfer = event.dataTransfer;
            const files = [...(transfer?.files ?? [])];
            if (files.length > 0) void uploadFiles(files, found.target, context);
            else if (transfer) {
              // Read now: a DataTransfer is empty once the event is over. The save code loads at the first drop.
              const data = {
                uriList: transfer.getData('text/uri-list'),
                html: transfer.getData('text/html'),
                text: transfer.getData('text/plain'),
              };
              void import('../ui/actions/save-dropped.ts').then(({ saveDropped }) =>
                saveDropped(data, found.target, context),
              );
            }
          }}
        >
          {drop && (
            <p class="drop-hint" role="status" data-testid="drop-hint">
              <Sentence k={drop.files ? 'uploadDropHere' : 'saveDropHere'} params={[drop.title]} />
            </p>
          )}
          {state.status === 'loading' && (
            <div class="loading">
              <Spinner label={state.slow ? t('loadingSlow') : undefined} />
              {state.slow && (
                <button type="button" class="button" onClick={() => store.getState().cancelLoading()}>
                  {t('stopWaiting')}
                </button>
              )}
            </div>
          )}
          {state.status === 'error' && state.error && (
            <ErrorNotice
              error={state.error}
              onRetry={() => void store.getState().retry()}
              onOpenOptions={() => void openOptionsPage()}
            />
          )}
          {state.status === 'ready' &&
            page &&
            entries.length === 0 &&
            !(searching && state.search.status === 'searching') && (
              <EmptyState
                title={
                  searching
                    ? t('noMatches', state.query.trim())
                    : t(state.location.folderId !== undefined ? 'emptyFolder' : `empty_${state.location.section}`)
                }
              />
            )}
          {state.status === 'ready' && page && entries.length > 0 && (
            <EntryList
              label={page.folder.title}
              entries={entries}
              total={searching ? entries.length : page.total}
              ui={ui}
              context={context}
              showLocation={showLocation}
              firstRow={state.firstRow}
              focusRequest={focusRequest}
              onFocusServed={() => setFocusRequest(null)}
              thumbnails={thumbnails}
              onNeedThumbnail={wantThumbnail}
              onEndReached={() => {
                if (!searching && !state.moreError) void store.getState().loadMore();
              }}
              onScrollRow={(row) => store.getState().setFirstRow(row)}
              onUp={() => void store.getState().goUp().then(focusFirst)}
              dropKey={drop?.key ?? null}
            />
          )}
          {state.status === 'ready' && searching && (
            <p class="search-status" role="status" data-testid="search-status">
              {state.search.status === 'searching'
                ? t('searchingPortal')
                : state.search.status === 'ready'
                  ? plural(platform, 'searchFound', state.search.total)
                  : ''}
            </p>
          )}
          {state.search.status === 'error' && state.search.error && <ErrorNotice error={state.search.error} />}
        </div>
        {state.status === 'ready' && page && !searching && (
          <div class="list-footer">
            <span class="count" data-testid="entry-count">
              {plural(platform, 'shownOf', page.entries.length, [String(page.total)])}
            </span>
            {page.nextStartIndex !== null && !state.loadingMore && (
              <button
                type="button"
                class="button small"
                onClick={() => {
                  const from = page.entries.length;
                  void store
                    .getState()
                    .loadMore()
                    .then(() => setFocusRequest({ row: from, at: Date.now() }));
                }}
              >
                {t('loadMore')}
              </button>
            )}
            {state.loadingMore && <Spinner label={t('loadingMore')} />}
          </div>
        )}
        {state.moreError && <ErrorNotice error={state.moreError} onRetry={() => void store.getState().loadMore()} />}
      </div>
    </main>
  );
}

/** What a drag this view takes carries: files (an upload) or a web page's link, image or text (a save). */
const DROPPABLE_TYPES = ['Files', 'text/uri-list', 'text/html', 'text/plain'];

function carries(transfer: DataTransfer | null | undefined): boolean {
  return !!transfer && DROPPABLE_TYPES.some((type) => transfer.types.includes(type));
}

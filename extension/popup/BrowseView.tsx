import { useEffect, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import type { Entry, PortalSummary } from '../../src/protocol/index.ts';
import { Breadcrumbs } from '../ui/components/Breadcrumbs.tsx';
import { EmptyState } from '../ui/components/EmptyState.tsx';
import { EntryRow } from '../ui/components/EntryRow.tsx';
import { ErrorNotice } from '../ui/components/ErrorNotice.tsx';
import { JobList } from '../ui/components/JobList.tsx';
import { NewFoldersForm } from '../ui/components/NewFoldersForm.tsx';
import { SectionTabs } from '../ui/components/SectionTabs.tsx';
import { Spinner } from '../ui/components/Spinner.tsx';
import type { BrowseStore } from '../ui/stores/browse-store.ts';
import type { JobsStore } from '../ui/stores/jobs-store.ts';
import { usePlatform } from '../ui/platform-context.ts';

export function BrowseView({
  portal,
  store,
  jobsStore,
}: {
  portal: PortalSummary;
  store: BrowseStore;
  jobsStore: JobsStore;
}) {
  const { t, openUrl, openOptionsPage } = usePlatform();
  const state = useStore(store);
  const jobs = useStore(jobsStore);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    void store.getState().start(portal.id);
    void jobsStore.getState().load();
  }, [portal.id, store, jobsStore]);

  const open = (entry: Entry): void => {
    if (entry.kind === 'folder') void state.openFolder(entry.id);
    else if (entry.webUrl) void openUrl(entry.webUrl);
  };
  const onScroll = (event: Event): void => {
    const el = event.currentTarget as HTMLElement;
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - 120) void state.loadMore();
  };
  const page = state.page;
  const inFolder = state.location.folderId !== undefined;

  return (
    <>
      <SectionTabs current={state.location.section} onSelect={(section) => void state.openSection(section)} />
      {page && inFolder && (
        <Breadcrumbs crumbs={page.breadcrumbs} onOpen={(crumb, i) => void state.openCrumb(crumb, i)} />
      )}
      {page && inFolder && state.status === 'ready' && !creating && (
        <div class="toolbar">
          <button type="button" class="link-button" onClick={() => setCreating(true)}>
            {t('newFolders')}
          </button>
        </div>
      )}
      {page && inFolder && creating && (
        <NewFoldersForm
          onCancel={() => setCreating(false)}
          onSubmit={async (text) => {
            const ok = await jobs.createFolders(portal.id, page.folder.id, page.folder.title, text);
            if (ok) setCreating(false);
            return ok;
          }}
        />
      )}
      {jobs.error && <ErrorNotice error={jobs.error} />}
      <main class="listing" onScroll={onScroll} aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <Spinner />}
        {state.status === 'error' && state.error && (
          <ErrorNotice
            error={state.error}
            onRetry={() => void state.retry()}
            onOpenOptions={() => void openOptionsPage()}
          />
        )}
        {state.status === 'ready' && page && page.entries.length === 0 && (
          <EmptyState title={t(inFolder ? 'emptyFolder' : `empty_${state.location.section}`)} />
        )}
        {state.status === 'ready' && page && page.entries.length > 0 && (
          <>
            <ul class="entries" aria-label={page.folder.title}>
              {page.entries.map((entry) => (
                <EntryRow key={`${entry.kind}:${entry.id}`} entry={entry} onOpen={open} />
              ))}
            </ul>
            <div class="list-footer">
              <span class="count" data-testid="entry-count">
                {t('shownOf', [String(page.entries.length), String(page.total)])}
              </span>
              {page.nextStartIndex !== null && !state.loadingMore && (
                <button type="button" class="button" onClick={() => void state.loadMore()}>
                  {t('loadMore')}
                </button>
              )}
              {state.loadingMore && <Spinner label={t('loadingMore')} />}
            </div>
            {state.moreError && <ErrorNotice error={state.moreError} onRetry={() => void state.loadMore()} />}
          </>
        )}
      </main>
      <JobList
        jobs={jobs.jobs.filter((job) => job.portalId === portal.id)}
        actions={{
          cancel: (id) => void jobs.control('cancelJob', id),
          pause: (id) => void jobs.control('pauseJob', id),
          resume: (id) => void jobs.control('resumeJob', id),
          retry: (id) => void jobs.control('retryJob', id),
          dismiss: (id) => void jobs.dismiss(id),
        }}
      />
    </>
  );
}

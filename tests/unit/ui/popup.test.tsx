// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { PopupApp } from '../../../extension/popup/PopupApp.tsx';
import { appError } from '../../../src/errors/index.ts';
import type {
  AppState,
  FolderPage,
  JobSummary,
  PortalSummary,
  SchedulerSnapshot,
} from '../../../src/protocol/index.ts';
import { fakeConnector } from './fake-connector.ts';
import { fileEntry, folderEntry, folderPage } from './sample-entries.ts';
import { fakePagePlatform } from './fake-page-platform.ts';
import { renderWith } from './render.tsx';

afterEach(cleanup);

const portal: PortalSummary = {
  id: 'https://p.example.com|u',
  origin: 'https://p.example.com',
  name: 'Team portal',
  version: '3.7',
  user: { id: 'u', displayName: 'Dana', email: 'dana@example.com' },
  authMethod: 'apiKey',
  status: 'signedIn',
  addedAt: '2026-11-30T10:00:00Z',
};
const signedIn: AppState = { portals: [portal], activePortalId: portal.id };
const rooms: FolderPage = {
  ...folderPage([folderEntry(101, 'Marketing', { folderType: 15, roomType: 2, pinned: true })]),
  portalId: portal.id,
};
const job = (overrides: Partial<JobSummary>): JobSummary => ({
  id: 'j1',
  kind: 'createFolders',
  portalId: portal.id,
  title: { key: 'jobTitle_createFolders', params: ['Marketing'] },
  folderIds: [101],
  status: 'running',
  total: 3,
  done: 1,
  skipped: 0,
  failed: 0,
  failures: [],
  createdAt: '2026-11-30T10:00:00Z',
  updatedAt: '2026-11-30T10:00:00Z',
  ...overrides,
});

describe('popup', () => {
  it('shows per window what the extension, the user’s DocSpace tabs and others used, and the share now', async () => {
    const fake = fakePagePlatform();
    const snapshot: SchedulerSnapshot = {
      key: portal.id,
      at: Date.now(),
      windows: [
        { name: '10s', used: 70, limit: 100, windowMs: 10_000, ours: 40, tabs: 25, others: 5, share: 0.8 },
        { name: '60s', used: 90, limit: 300, windowMs: 60_000, ours: 60, tabs: 30, others: 0, share: 1 },
      ],
      concurrency: { read: { inFlight: 0, cap: 10, limit: 10 }, write: { inFlight: 0, cap: 4, limit: 4 } },
      dailyWrites: { used: 0, limit: 1000 },
      pause: null,
      queued: { interactive: 0, user: 0, bulk: 0 },
      recent: [],
      tabsObserved: true,
    };
    const { connector } = fakeConnector({
      getState: async () => signedIn,
      getActivity: async () => snapshot,
      listJobs: async () => [],
      listRooms: async () => rooms,
    });
    renderWith(fake.platform, <PopupApp connector={connector} />);
    fireEvent.click(await screen.findByText('Requests to the portal'));
    const rows = await screen.findAllByTestId('activity-window');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Last 10 s: 70 of 100Extension: 40Your DocSpace tabs: 25Others: 5The extension may use 80% of this window now.',
      'Last 60 s: 90 of 300Extension: 60Your DocSpace tabs: 30Others: 0The extension may use 100% of this window now.',
    ]);
    expect(screen.queryByTestId('activity-tabs-unseen')).toBeNull();
  });

  it('says when the user’s DocSpace tabs are not counted (the permission was not given)', async () => {
    const fake = fakePagePlatform();
    const { connector } = fakeConnector({
      getState: async () => signedIn,
      getActivity: async () => ({
        key: portal.id,
        at: Date.now(),
        windows: [{ name: '10s', used: 3, limit: 100, windowMs: 10_000, ours: 3, tabs: 0, others: 0, share: 1 }],
        concurrency: { read: { inFlight: 0, cap: 10, limit: 10 }, write: { inFlight: 0, cap: 4, limit: 4 } },
        dailyWrites: { used: 0, limit: 1000 },
        pause: null,
        queued: { interactive: 0, user: 0, bulk: 0 },
        recent: [],
        tabsObserved: false,
      }),
      listJobs: async () => [],
      listRooms: async () => rooms,
    });
    renderWith(fake.platform, <PopupApp connector={connector} />);
    expect((await screen.findByTestId('activity-tabs-unseen')).textContent).toContain(
      'Your DocSpace tabs are not counted',
    );
  });

  it('before sign-in says so and opens the options page', async () => {
    const fake = fakePagePlatform();
    const { connector } = fakeConnector({ getState: async () => ({ portals: [], activePortalId: null }) });
    renderWith(fake.platform, <PopupApp connector={connector} />);
    expect(await screen.findByText('Not signed in')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(fake.optionsOpened()).toBe(1);
  });

  it('lists the rooms and opens one; an error reads as a sentence in the page language with Try again', async () => {
    const fake = fakePagePlatform();
    let fail = true;
    const { connector, sent } = fakeConnector({
      getState: async () => signedIn,
      getActivity: async () => null,
      listJobs: async () => [],
      listRooms: async () => rooms,
      listFolder: async () => {
        if (fail) throw appError('networkError', { origin: portal.origin });
        return { ...rooms, folder: { id: 101, title: 'Marketing', folderType: 15 }, entries: [] };
      },
    });
    renderWith(fake.platform, <PopupApp connector={connector} />);
    fireEvent.click(await screen.findByText('Marketing'));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining(`Could not reach ${portal.origin}. Check your connection`),
    );
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('This folder is empty')).toBeTruthy();
    expect(sent.filter((s) => s.name === 'listFolder')).toHaveLength(2);
  });

  it('a job that failed looks failed, names what failed and why, and offers Retry and Dismiss', async () => {
    const fake = fakePagePlatform();
    const failed = job({
      status: 'failed',
      done: 2,
      failed: 1,
      failures: [{ label: 'Bad/name', error: appError('requestInvalid', { detail: 'The title is invalid' }).toData() }],
    });
    const { connector, sent } = fakeConnector({
      getState: async () => signedIn,
      getActivity: async () => null,
      listJobs: async () => [failed],
      listRooms: async () => rooms,
      retryJob: async () => job({ status: 'running' }),
      dismissJob: async ({ jobId }) => ({ jobId }),
    });
    renderWith(fake.platform, <PopupApp connector={connector} />);
    const status = await screen.findByTestId('job-status');
    expect(status.textContent).toContain('Finished with errors');
    const title = document.querySelector('.job-title')!;
    expect(title.textContent).toBe('New folders in Marketing');
    // The folder's name is isolated from the sentence (a right-to-left name cannot reorder it).
    expect(title.querySelector('bdi')?.textContent).toBe('Marketing');
    const failure = screen.getAllByText((_text, element) => element?.classList.contains('job-error') ?? false)[0];
    expect(failure?.textContent).toBe('Bad/name: The portal refused the request: The title is invalid.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(sent.some((s) => s.name === 'retryJob')).toBe(true));
    expect(await screen.findByText('Working…')).toBeTruthy();
  });

  it('a finished job can be dismissed; older finished ones fold away', async () => {
    const fake = fakePagePlatform();
    const { connector, sent } = fakeConnector({
      getState: async () => signedIn,
      getActivity: async () => null,
      listJobs: async () => [
        job({ status: 'done', done: 3, updatedAt: new Date().toISOString() }),
        job({ id: 'old', status: 'done', done: 3, updatedAt: '2026-01-01T00:00:00Z' }),
      ],
      listRooms: async () => rooms,
      dismissJob: async ({ jobId }) => ({ jobId }),
    });
    renderWith(fake.platform, <PopupApp connector={connector} />);
    expect(await screen.findAllByTestId('job')).toHaveLength(1);
    expect(screen.getByRole('button', { name: '1 finished job' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('job')).toBeNull());
    expect(sent.find((s) => s.name === 'dismissJob')?.payload).toEqual({ jobId: 'j1' });
  });
});

describe('server strings in the popup', () => {
  it('a right-to-left override cannot disguise a file type: the mark is visible and the real extension shown', async () => {
    const fake = fakePagePlatform();
    const disguised: FolderPage = {
      ...rooms,
      entries: [
        fileEntry(9, { title: 'Invoice_\u202Excod.exe', fileType: 0, extension: '.exe', sizeBytes: 1024 }),
        { ...rooms.entries[0]!, title: '   ' },
      ],
    };
    const { connector } = fakeConnector({
      getState: async () => ({ portals: [{ ...portal, name: 'Team \u202Eevil' }], activePortalId: portal.id }),
      getActivity: async () => null,
      listJobs: async () => [],
      listRooms: async () => disguised,
    });
    const view = renderWith(fake.platform, <PopupApp connector={connector} />);
    const row = (await screen.findByText('Invoice_\uFFFDxcod.exe')).closest('a')!;
    expect(row.textContent).not.toContain('\u202E');
    expect(row.textContent).toContain('Invoice_\uFFFDxcod.exe');
    expect(row.textContent).toContain('EXE');
    expect(row.querySelector('bdi.server-text')).not.toBeNull();
    // An empty name still gives the row something to read.
    expect(view.container.querySelector('.grid')?.textContent).toContain('(no name)');
    expect(view.container.querySelector('.portal-name')?.textContent).toBe('Team \uFFFDevil');
  });
});

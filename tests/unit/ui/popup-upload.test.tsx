// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../extension/popup/PopupApp.tsx';
import { appError } from '../../../src/errors/index.ts';
import type { AppState, FolderPage, JobSummary, PortalSummary } from '../../../src/protocol/index.ts';
import { fakeConnector } from './fake-connector.ts';
import { fakePagePlatform } from './fake-page-platform.ts';
import { folderEntry, folderPage } from './sample-entries.ts';
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
const can = { rename: true, delete: true, move: true, copy: true, download: true, share: true };
const rooms: FolderPage = {
  ...folderPage([
    folderEntry(101, 'Marketing', { folderType: 15, roomType: 2, can: { ...can, create: true } }),
    folderEntry(102, 'Read only', { folderType: 15, roomType: 2, can: { ...can, create: false } }),
  ]),
  portalId: portal.id,
  can: { create: false },
};
const started: JobSummary = {
  id: 'j1',
  kind: 'upload',
  portalId: portal.id,
  title: { key: 'jobTitle_upload', params: ['Marketing'] },
  folderIds: [101],
  status: 'running',
  total: 1,
  done: 0,
  skipped: 0,
  failed: 0,
  failures: [],
  bytes: { done: 512, total: 2048 },
  createdAt: '2026-11-30T10:00:00Z',
  updatedAt: '2026-11-30T10:00:00Z',
};

const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);
/**
 * A drag from the computer, as the browser delivers it. happy-dom's elements have no `ondragover`/`ondrop`, so
 * Preact listens under the prop's own casing there ("DragOver", "Drop"); a browser has both and gets lowercase.
 */
function drag(type: 'dragover' | 'drop', target: Element, files: File[]): void {
  const name = `on${type}` in target ? type : type === 'drop' ? 'Drop' : 'DragOver';
  const event = new Event(name, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
  void act(() => void target.dispatchEvent(event));
}

function setup(options: { existing?: string[]; refuse?: boolean } = {}) {
  const fake = fakePagePlatform();
  const { connector, sent, emit } = fakeConnector({
    getState: async () => signedIn,
    getActivity: async () => null,
    listJobs: async () => [],
    listRooms: async () => rooms,
    checkUploadNames: async ({ names }) => names.filter((n) => options.existing?.includes(n)),
    uploadFiles: async () => {
      if (options.refuse) throw appError('forbidden', {});
      return started;
    },
  });
  renderWith(fake.platform, <PopupApp connector={connector} />);
  return { fake, sent, emit };
}

const row = async (title: string) => (await screen.findByText(title)).closest('[data-testid="entry"]')!;

describe('upload in the popup', () => {
  it('files dragged over a folder row mark it as the target; over a row that takes no files, nothing does', async () => {
    setup();
    const marketing = await row('Marketing');
    drag('dragover', marketing, [file('a.txt')]);
    await waitFor(() => expect(marketing.className).toContain('row-drop'));
    expect(screen.getByTestId('drop-hint').textContent).toBe('Drop files to upload them to Marketing');
    drag('dragover', await row('Read only'), [file('a.txt')]);
    await waitFor(() => expect(screen.queryByTestId('drop-hint')).toBeNull());
    expect(marketing.className).not.toContain('row-drop');
  });

  it('a drop with no names there starts the job at once, with the stored keys and sizes', async () => {
    const { fake, sent } = setup();
    drag('drop', await row('Marketing'), [file('a.txt', 5), file('b.txt', 7)]);
    await waitFor(() => expect(sent.some((s) => s.name === 'uploadFiles')).toBe(true));
    expect(sent.find((s) => s.name === 'uploadFiles')!.payload).toEqual({
      portalId: portal.id,
      folderId: 101,
      folderTitle: 'Marketing',
      conflict: 'duplicate',
      files: [
        { key: 'k0', name: 'a.txt', size: 5 },
        { key: 'k1', name: 'b.txt', size: 7 },
      ],
    });
    expect(fake.stored.size).toBe(2);
  });

  it('names that exist ask once for all, listing them; the choice goes with the job', async () => {
    const { sent } = setup({ existing: ['a.txt', 'c.txt'] });
    drag('drop', await row('Marketing'), [file('a.txt'), file('b.txt'), file('c.txt')]);
    // The dialogs load apart from the first paint: the first one takes a moment.
    const dialog = await screen.findByRole('dialog', { name: 'Files with these names exist' }, { timeout: 5_000 });
    expect(screen.getByTestId('upload-conflict-names').textContent).toBe('a.txtc.txt');
    expect(dialog.textContent).toContain('2 items with the same names are already in Marketing.');
    expect(sent.some((s) => s.name === 'uploadFiles')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Upload as new versions' }));
    await waitFor(() => expect(sent.some((s) => s.name === 'uploadFiles')).toBe(true));
    expect(sent.find((s) => s.name === 'uploadFiles')!.payload).toMatchObject({ conflict: 'overwrite' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('a start the background refuses frees the stored files and says why', async () => {
    const { fake } = setup({ refuse: true });
    drag('drop', await row('Marketing'), [file('a.txt')]);
    expect(await screen.findByText(/You do not have access to this item/)).toBeTruthy();
    expect(fake.stored.size).toBe(0);
  });

  it('the job tray shows an upload in bytes', async () => {
    const { emit } = setup();
    await row('Marketing');
    emit('jobChanged', started);
    expect((await screen.findByTestId('job-bytes')).textContent).toBe('512 B of 2 KB');
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PickerApp } from '../../../extension/capture/PickerApp.tsx';
import { defaultSaveSettings } from '../../../src/capture/save-settings.ts';
import { appError, toErrorData } from '../../../src/errors/index.ts';
import type { JobSummary } from '../../../src/protocol/index.ts';
import { fakeConnector } from './fake-connector.ts';
import { fakePagePlatform } from './fake-page-platform.ts';
import { renderWith } from './render.tsx';
import { folderEntry, folderPage } from './sample-entries.ts';

afterEach(cleanup);

describe('the “Choose folder…” page', () => {
  it('shows what is being saved, offers the default and recent folders and browsing, and starts the save there', async () => {
    const { connector, sent } = fakeConnector({
      getPendingSave: async ({ id }) => ({ id, portalId: 'p', labels: ['Harbour lights.html'] }),
      getSaveSettings: async () => ({
        ...defaultSaveSettings(),
        defaultFolder: { id: 206, title: 'Unsorted' },
        recent: [
          { id: 206, title: 'Unsorted' },
          { id: 205, title: 'Clients' },
        ],
      }),
      listRooms: async () => folderPage([folderEntry(105, 'Design')]),
      listSection: async () => folderPage([], 0, 0, 'My documents', 3),
      listFolder: async () => folderPage([folderEntry(206, 'Unsorted')], 1, 0, 'Design', 105),
      completePendingSave: async () => ({ id: 'j' }) as JobSummary,
    });
    renderWith(
      fakePagePlatform().platform,
      <PickerApp connector={connector} query={new URLSearchParams('pending=s1')} />,
    );
    expect((await screen.findByTestId('picker-what')).textContent).toContain('Harbour lights.html');
    const shortcuts = screen.getByTestId('picker-shortcuts');
    expect([...shortcuts.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Default folder: Unsorted',
      'Clients',
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Design' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save here: Design' }));
    await screen.findByTestId('picker-started');
    expect(sent.find((s) => s.name === 'completePendingSave')?.payload).toEqual({
      id: 's1',
      folderId: 105,
      folderTitle: 'Design',
    });
  });

  it('cancels a pending save (its bytes are dropped by the background)', async () => {
    const { connector, sent } = fakeConnector({
      getPendingSave: async ({ id }) => ({ id, portalId: 'p', labels: ['x'] }),
      getSaveSettings: async () => defaultSaveSettings(),
      listRooms: async () => folderPage([]),
      listSection: async () => folderPage([], 0, 0, 'My documents', 3),
      cancelPendingSave: async ({ id }) => ({ id }),
    });
    renderWith(
      fakePagePlatform().platform,
      <PickerApp connector={connector} query={new URLSearchParams('pending=s2')} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(sent.some((s) => s.name === 'cancelPendingSave')).toBe(true));
    expect(await screen.findByRole('status')).toBeTruthy();
  });

  it('asks for the linked file’s site only after saying why, then saves into the folder the menu named', async () => {
    for (const grant of [false, true]) {
      const fake = fakePagePlatform({ grant });
      const { connector, sent } = fakeConnector({
        getPendingSave: async ({ id }) => ({
          id,
          portalId: 'p',
          labels: ['https://files.example/r.pdf'],
          needsOrigin: 'https://files.example',
          folder: { id: 206, title: 'Unsorted' },
        }),
        getSaveSettings: async () => defaultSaveSettings(),
        completePendingSave: async () => ({ id: 'j' }) as JobSummary,
      });
      renderWith(fake.platform, <PickerApp connector={connector} query={new URLSearchParams('pending=s3')} />);
      expect((await screen.findByTestId('picker-needs-access')).textContent).toContain(
        'To save the file from https://files.example, the extension needs to read it from that site',
      );
      expect(fake.permissionRequests).toEqual([]);
      fireEvent.click(screen.getByRole('button', { name: 'Allow access to https://files.example and save' }));
      await waitFor(() => expect(fake.permissionRequests).toEqual(['https://files.example']));
      if (grant) {
        await screen.findByTestId('picker-started');
        expect(sent.find((s) => s.name === 'completePendingSave')?.payload).toEqual({
          id: 's3',
          folderId: 206,
          folderTitle: 'Unsorted',
        });
      } else {
        expect((await screen.findByRole('alert')).textContent).toContain(
          'may not read files from https://files.example',
        );
        expect(sent.some((s) => s.name === 'completePendingSave')).toBe(false);
      }
      cleanup();
    }
  });

  it('says why a save did not start, in the user’s words, with the way to fix it', async () => {
    const fake = fakePagePlatform();
    const error = toErrorData(appError('saveNeedsAccess', { origin: 'https://files.example' }));
    renderWith(
      fake.platform,
      <PickerApp
        connector={fakeConnector({}).connector}
        query={new URLSearchParams({ error: JSON.stringify(error) })}
      />,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The extension may not read files from https://files.example');
    expect(screen.getByText('The save did not start')).toBeTruthy();
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SaveSettings } from '../../../extension/options/SaveSettings.tsx';
import { defaultSaveSettings } from '../../../src/capture/save-settings.ts';
import type { PortalSummary, SaveSettings as Settings } from '../../../src/protocol/index.ts';
import { fakeConnector } from './fake-connector.ts';
import { fakePagePlatform } from './fake-page-platform.ts';
import { renderWith } from './render.tsx';
import { folderEntry, folderPage } from './sample-entries.ts';

afterEach(cleanup);

const portal: PortalSummary = {
  id: 'p',
  origin: 'https://team.example.com',
  name: 'Team',
  version: '3.7',
  user: { id: 'u', displayName: 'Dana', email: 'dana@example.com' },
  authMethod: 'apiKey',
  status: 'signedIn',
  addedAt: '2026-11-30T10:00:00Z',
};

describe('the options page’s save settings', () => {
  it('previews the name template live, picks the default folder from the portal and stores the conflict policy', async () => {
    let stored: Settings = { ...defaultSaveSettings(), recent: [{ id: 9, title: 'Inbox <b>' }] };
    const { connector, sent } = fakeConnector({
      getSaveSettings: async () => stored,
      setSaveSettings: async ({ defaultFolder, nameTemplate, conflict, convertToDocx }) =>
        (stored = { ...stored, defaultFolder, nameTemplate, conflict, convertToDocx: convertToDocx ?? false }),
      listRooms: async () => folderPage([folderEntry(5, 'Marketing'), folderEntry(6, 'Design')]),
      listSection: async () => folderPage([], 0, 0, 'My documents', 3),
      listFolder: async () => folderPage([folderEntry(51, 'Campaigns')], 1, 0, 'Marketing', 5),
    });
    renderWith(fakePagePlatform().platform, <SaveSettings connector={connector} portals={[portal]} />);

    const preview = await screen.findByTestId('save-template-preview');
    expect(preview.textContent).toMatch(/^Example: Harbour lights — a history \d{4}-\d\d-\d\d\.html$/);
    fireEvent.input(screen.getByLabelText('File name'), { target: { value: '{host}: {title}' } });
    // Cleaned as DocSpace cleans titles: the colon becomes "_".
    expect(screen.getByTestId('save-template-preview').textContent).toBe(
      'Example: news.example_ Harbour lights — a history.html',
    );
    expect(screen.getByTestId('save-default-folder').textContent).toBe('My documents (until you choose one)');
    expect(screen.getByTestId('save-recent').textContent).toContain('Inbox <b>');

    fireEvent.click(screen.getByRole('button', { name: 'Choose a folder' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Marketing' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save here: Marketing' }));
    await waitFor(() => expect(screen.getByTestId('save-default-folder').textContent).toBe('Marketing'));
    expect(stored.defaultFolder).toEqual({ id: 5, title: 'Marketing' });

    fireEvent.change(screen.getByTestId('save-conflict'), { target: { value: 'overwrite' } });
    const convert = screen.getByRole('checkbox', { name: /as \.docx documents/ });
    expect((convert as HTMLInputElement).checked).toBe(false);
    fireEvent.click(convert);
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByTestId('save-settings-saved');
    expect(sent.filter((s) => s.name === 'setSaveSettings').at(-1)?.payload).toEqual({
      portalId: 'p',
      defaultFolder: { id: 5, title: 'Marketing' },
      nameTemplate: '{host}: {title}',
      conflict: 'overwrite',
      convertToDocx: true,
    });
    expect(stored.convertToDocx).toBe(true);
  });

  it('is not shown without a signed-in portal', () => {
    const { connector } = fakeConnector({});
    renderWith(
      fakePagePlatform().platform,
      <SaveSettings connector={connector} portals={[{ ...portal, status: 'signInRequired' }]} />,
    );
    expect(screen.queryByTestId('save-settings')).toBeNull();
  });
});

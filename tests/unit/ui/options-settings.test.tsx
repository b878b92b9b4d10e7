// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../extension/options/OptionsApp.tsx';
import type { GlobalSettings, PortalSummary } from '../../../src/protocol/index.ts';
import { fakeConnector } from './fake-connector.ts';
import { fakePagePlatform } from './fake-page-platform.ts';
import { renderWith } from './render.tsx';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

const portal: PortalSummary = {
  id: 'https://team.example.com|u1',
  origin: 'https://team.example.com',
  name: 'Team',
  version: '3.7',
  user: { id: 'u1', displayName: 'Demo User', email: 'demo@example.com' },
  authMethod: 'apiKey',
  status: 'signedIn',
  addedAt: '2026-12-01T00:00:00Z',
};

function settingsPage() {
  let settings: GlobalSettings = { theme: 'system', language: 'system' };
  const fake = fakePagePlatform();
  const { connector, sent } = fakeConnector({
    getState: async () => ({ portals: [portal], activePortalId: portal.id }),
    getSettings: async () => settings,
    setSettings: async (change) => (settings = { ...settings, ...change }),
    getPortalBehaviour: async () => ({ limits: {}, prefs: {} }),
    setPortalBehaviour: async ({ prefs, limits }) => ({ prefs, limits: limits ?? {} }),
    exportSettings: async () => ({
      format: 'docspace-power-tools/settings',
      version: 1,
      exportedAt: 'now',
      settings,
      portals: [],
    }),
  });
  renderWith(fake.platform, <OptionsApp connector={connector} />);
  return { fake, sent };
}

describe('options › Settings', () => {
  it('is a tab of its own, reached by the arrow keys from Portals', async () => {
    settingsPage();
    const portals = await screen.findByRole('tab', { name: 'Portals' });
    expect(portals.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(portals, { key: 'End' });
    expect((await screen.findByRole('tab', { name: 'Settings' })).getAttribute('aria-selected')).toBe('true');
    expect(location.hash).toBe('#settings');
    await screen.findByRole('heading', { name: 'Portal behaviour' });
  });

  it('refuses a malformed settings file with its reason, and sends nothing to import', async () => {
    const { sent } = settingsPage();
    fireEvent.click(await screen.findByRole('tab', { name: 'Settings' }));
    const input = (await screen.findByLabelText('Import settings…')) as HTMLInputElement;
    const file = new File(['{"format": "docspace-power-tools/settings", "version": 1, "apiKey": "sk-1"'], 's.json');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    // A plain change event: fireEvent.change would try to set the value of a file input, which happy-dom refuses.
    fireEvent(input, new Event('change', { bubbles: true }));
    expect((await screen.findByRole('alert')).textContent).toContain('is not JSON');
    expect(sent.filter((s) => s.name === 'importSettings')).toEqual([]);
  });

  it('saves a theme, the limit profile with its warning, and the popup’s sections', async () => {
    const { sent, fake } = settingsPage();
    fireEvent.click(await screen.findByRole('tab', { name: 'Settings' }));
    fireEvent.click(await screen.findByLabelText('Dark'));
    await waitFor(() => expect(sent.some((s) => s.name === 'setSettings')).toBe(true));
    fireEvent.click(await screen.findByLabelText('No limiter'));
    expect(screen.getByTestId('limits-off-warning').textContent).toContain('no limiter');
    fireEvent.click(screen.getByLabelText('Trash'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    const saved = sent.find((s) => s.name === 'setPortalBehaviour')!.payload as {
      prefs: { popupSections: string[]; limitProfile: string };
      limits: Record<string, number>;
    };
    expect(saved.prefs).toEqual({
      limitProfile: 'off',
      popupSections: ['rooms', 'my', 'shared', 'recent', 'favorites'],
    });
    expect(saved.limits.requestsPer10s).toBe(5_000);
    fireEvent.click(screen.getByRole('button', { name: 'Change shortcuts' }));
    await waitFor(() => expect(fake.opened.at(-1)?.url).toBe('chrome://extensions/shortcuts'));
    expect(screen.getByTestId('shortcuts').textContent).toContain('Alt+Shift+D');
  });
});

// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { usePlatform } from '../../../extension/ui/platform-context.ts';
import { SettingsRoot } from '../../../extension/ui/settings/SettingsRoot.tsx';
import type { GlobalSettings } from '../../../src/protocol/index.ts';
import { fakeConnector } from './fake-connector.ts';
import { fakePagePlatform } from './fake-page-platform.ts';

afterEach(() => {
  cleanup();
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

function Probe() {
  const { t, uiLanguage } = usePlatform();
  return (
    <p data-testid="probe">
      {uiLanguage()}: {t('optionsTab_settings')}
    </p>
  );
}

describe('every page follows the chosen theme and language', () => {
  it('applies what the background says, and what it pushes later, in any page', async () => {
    const { connector, emit } = fakeConnector({
      getSettings: async (): Promise<GlobalSettings> => ({ theme: 'dark', language: 'ru' }),
    });
    render(
      <SettingsRoot platform={fakePagePlatform().platform} connector={connector}>
        <Probe />
      </SettingsRoot>,
    );
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('ru: Настройки'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.lang).toBe('ru');
    await act(() => emit('settingsChanged', { theme: 'system', language: 'system' }));
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('en: Settings'));
    expect(document.documentElement.dataset.theme).toBeUndefined();
    // The next page paints its first frame from the copy, before the background answers.
    expect(JSON.parse(localStorage.getItem('dpt.display')!)).toEqual({ theme: 'system', language: 'system' });
  });

  it('paints the cached theme at once, and a background that cannot answer leaves the page working', async () => {
    localStorage.setItem('dpt.display', JSON.stringify({ theme: 'light', language: 'system', apiKey: 'x' }));
    const { connector } = fakeConnector({});
    render(
      <SettingsRoot platform={fakePagePlatform().platform} connector={connector}>
        <Probe />
      </SettingsRoot>,
    );
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(screen.getByTestId('probe').textContent).toBe('en: Settings');
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../extension/options/OptionsApp.tsx';
import { appError } from '../../../src/errors/index.ts';
import type { PortalSummary } from '../../../src/protocol/index.ts';
import { fakeConnector } from './fake-connector.ts';
import { fakePagePlatform } from './fake-page-platform.ts';
import { renderWith } from './render.tsx';

afterEach(cleanup);

const empty = async () => ({ portals: [], activePortalId: null });

async function fillAndConnect(url: string, key = `sk-${'a'.repeat(64)}`) {
  fireEvent.input(await screen.findByLabelText('Portal address'), { target: { value: url } });
  fireEvent.input(screen.getByLabelText('Your API key'), { target: { value: key } });
  fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
}

describe('options page', () => {
  it('refuses an address that cannot be a portal in place, without asking the browser or the background', async () => {
    const fake = fakePagePlatform();
    const { connector, sent } = fakeConnector({ getState: empty });
    renderWith(fake.platform, <OptionsApp connector={connector} />);
    await fillAndConnect('javascript:alert(1)');
    expect((await screen.findByRole('alert')).textContent).toContain('is not a web address');
    expect(fake.permissionRequests).toEqual([]);
    expect(sent.filter((s) => s.name === 'signIn')).toEqual([]);
  });

  it('asks to see the user’s DocSpace tabs in the same prompt as the host, unless the box is cleared', async () => {
    const fake = fakePagePlatform({ grant: false });
    const { connector } = fakeConnector({ getState: empty });
    renderWith(fake.platform, <OptionsApp connector={connector} />);
    const box = (await screen.findByLabelText('Make way for my own DocSpace tabs')) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.getAttribute('aria-describedby')).toBe('tab-traffic-hint');
    expect(document.getElementById('tab-traffic-hint')?.textContent).toContain('never blocks or reads them');
    await fillAndConnect('team.example.com');
    await screen.findByRole('alert');
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(fake.tabTrafficAsked).toEqual([true, false]));
  });

  it('where the background cannot observe tabs (an event page) the box is not offered and nothing extra is asked', async () => {
    const fake = fakePagePlatform({ grant: false, tabTrafficSupported: false });
    const { connector } = fakeConnector({ getState: empty });
    renderWith(fake.platform, <OptionsApp connector={connector} />);
    await fillAndConnect('team.example.com');
    await screen.findByRole('alert');
    expect(screen.queryByLabelText('Make way for my own DocSpace tabs')).toBeNull();
    expect(fake.tabTrafficAsked).toEqual([false]);
  });

  it('says how to grant access when the browser refused it', async () => {
    const fake = fakePagePlatform({ grant: false });
    const { connector, sent } = fakeConnector({ getState: empty });
    renderWith(fake.platform, <OptionsApp connector={connector} />);
    await fillAndConnect('team.example.com');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Access to https://team.example.com was not allowed',
    );
    expect(fake.permissionRequests).toEqual(['https://team.example.com']);
    expect(sent.filter((s) => s.name === 'signIn')).toEqual([]);
  });

  it('shows the background refusal as the localised sentence, then a success', async () => {
    const fake = fakePagePlatform();
    let reject = true;
    const portal: PortalSummary = {
      id: 'https://team.example.com|u',
      origin: 'https://team.example.com',
      name: 'Team',
      version: '3.7',
      user: { id: 'u', displayName: 'Dana', email: 'dana@example.com' },
      authMethod: 'apiKey',
      status: 'signedIn',
      addedAt: '2026-11-30T10:00:00Z',
    };
    const { connector } = fakeConnector({
      getState: empty,
      signIn: async () => {
        if (reject) throw appError('apiKeyRejected', {}, { status: 401 });
        return portal;
      },
    });
    renderWith(fake.platform, <OptionsApp connector={connector} />);
    await fillAndConnect('https://team.example.com');
    expect((await screen.findByRole('alert')).textContent).toContain('The API key was rejected.');
    reject = false;
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(screen.getByTestId('signin-success').textContent).toContain('Connected to Team as Dana'),
    );
  });

  it('with a portal and no permission to count the DocSpace tabs, says what that means and asks for it', async () => {
    const portal: PortalSummary = {
      id: 'https://team.example.com|u',
      origin: 'https://team.example.com',
      name: 'Team',
      version: '3.7',
      user: { id: 'u', displayName: 'Dana', email: 'dana@example.com' },
      authMethod: 'apiKey',
      status: 'signedIn',
      addedAt: '2026-11-30T10:00:00Z',
    };
    const fake = fakePagePlatform({ tabTraffic: false });
    const { connector } = fakeConnector({ getState: async () => ({ portals: [portal], activePortalId: portal.id }) });
    renderWith(fake.platform, <OptionsApp connector={connector} />);
    expect((await screen.findByTestId('tab-traffic-off')).textContent).toContain('Everything else works.');
    fireEvent.click(screen.getByRole('button', { name: 'Count my DocSpace tabs' }));
    await waitFor(() => expect(screen.queryByTestId('tab-traffic-off')).toBeNull());
  });

  it('one box turns job notifications off and on; it says the badge counts jobs either way', async () => {
    let stored = true;
    const fake = fakePagePlatform();
    const { connector, sent } = fakeConnector({
      getState: empty,
      getFeedbackSettings: async () => ({ notifications: stored }),
      setFeedbackSettings: async ({ notifications }) => ({ notifications: (stored = notifications) }),
    });
    renderWith(fake.platform, <OptionsApp connector={connector} />);
    const box = (await screen.findByLabelText('Tell me when a job finishes or fails')) as HTMLInputElement;
    await waitFor(() => expect(box.checked).toBe(true));
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toContain('toolbar button');
    fireEvent.click(box);
    await waitFor(() => expect(stored).toBe(false));
    expect(box.checked).toBe(false);
    expect(sent.filter((s) => s.name === 'setFeedbackSettings').map((s) => s.payload)).toEqual([
      { notifications: false },
    ]);
  });
});

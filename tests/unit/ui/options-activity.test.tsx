// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityView } from '../../../extension/options/activity/ActivityView.tsx';
import type { PortalSummary, SchedulerSnapshot } from '../../../src/protocol/index.ts';
import { fakeConnector } from './fake-connector.ts';
import { fakePagePlatform } from './fake-page-platform.ts';
import { renderWith } from './render.tsx';

afterEach(cleanup);

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
const snapshot = (at: number, pausedFor: number | null): SchedulerSnapshot => ({
  key: portal.id,
  at,
  windows: [
    { name: '10s', used: 120, limit: 500, windowMs: 10_000, ours: 100, tabs: 15, others: 5, share: 0.95 },
    { name: '60s', used: 300, limit: 1500, windowMs: 60_000, ours: 300 },
  ],
  concurrency: { read: { inFlight: 3, cap: 45, limit: 50 }, write: { inFlight: 1, cap: 13, limit: 15 } },
  dailyWrites: { used: 42, limit: 10_000 },
  pause: pausedFor === null ? null : { until: Date.now() + pausedFor, reason: 'retryAfter' },
  queued: { interactive: 0, user: 2, bulk: 17 },
  recent: [{ at: Date.UTC(2026, 11, 2, 4, 0, 0), kind: 'refused', status: 503, message: 'unavailable' }],
  reserveHeld: true,
  tabsObserved: true,
});

describe('options › Activity', () => {
  it('shows who used each window, concurrency, daily writes, queues, refusals, the chart; Resume now resumes', async () => {
    let current = snapshot(Date.now(), 30_000);
    const fake = fakePagePlatform();
    const { connector, sent } = fakeConnector({
      getActivity: async () => current,
      resumeRequests: async () => (current = snapshot(Date.now(), null)),
      listJobs: async () => [],
      exportDiagnostics: async () => ({ format: 'docspace-power-tools/diagnostics' }) as never,
    });
    renderWith(fake.platform, <ActivityView connector={connector} portals={[portal]} activePortalId={portal.id} />);
    const short = (await screen.findAllByTestId('activity-window'))[0]!;
    expect(short.dataset).toMatchObject({ ours: '100', tabs: '15', others: '5', share: '95' });
    expect(screen.getByTestId('activity-reads').textContent).toBe(
      '3 in flight of 50 (the extension allows itself 45 now)',
    );
    expect(screen.getByTestId('activity-queues').textContent).toBe('0 clicks, 2 actions, 17 background jobs');
    expect(screen.getByText('42 of 10000')).toBeTruthy();
    expect(screen.getByTestId('activity-events').textContent).toContain(
      'Refused by the portal (HTTP 503) · unavailable',
    );
    await waitFor(() =>
      expect(screen.getByTestId('rate-chart-summary').textContent).toBe(
        'Last 5 minutes: now 120 requests per 10 s of 500 allowed; highest 120.',
      ),
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('now 120 requests');
    expect(screen.getByTestId('pause-banner').textContent).toMatch(/Continuing in 30 s/);
    fireEvent.click(screen.getByRole('button', { name: 'Resume now' }));
    await waitFor(() => expect(sent.some((s) => s.name === 'resumeRequests')).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    await waitFor(() => expect(fake.saved[0]?.name).toMatch(/^docspace-power-tools-diagnostics-.*\.json$/));
  });
});

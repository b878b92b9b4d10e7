import { describe, expect, it } from 'vitest';
import { appError, toErrorData } from '../../../src/errors/index.ts';
import type { JobSummary, PortalSummary, SchedulerSnapshot } from '../../../src/protocol/index.ts';
import { buildDiagnostics } from '../../../src/settings/diagnostics.ts';

const summary: PortalSummary = {
  id: 'https://team.example.com|u1',
  origin: 'https://team.example.com',
  name: 'Team',
  version: '3.7',
  user: { id: 'u1', displayName: 'Ada Lovelace', email: 'ada@example.com' },
  authMethod: 'apiKey',
  status: 'signedIn',
  addedAt: '2026-12-01T00:00:00Z',
};
const snapshot: SchedulerSnapshot = {
  key: summary.id,
  at: 1_000,
  windows: [{ name: '10s', used: 3, limit: 500, windowMs: 10_000, ours: 3 }],
  concurrency: { read: { inFlight: 1, cap: 50, limit: 50 }, write: { inFlight: 0, cap: 15, limit: 15 } },
  dailyWrites: { used: 2, limit: 10_000 },
  pause: null,
  queued: { interactive: 0, user: 0, bulk: 4 },
  recent: [{ at: 900, kind: 'error', status: 401, message: 'sessionRejected: https://team.example.com/secret-path' }],
};
const job: JobSummary = {
  id: 'j1',
  kind: 'upload',
  portalId: summary.id,
  title: { key: 'jobTitle_upload', params: ['Salaries 2026.xlsx'] },
  folderIds: [5],
  status: 'failed',
  total: 2,
  done: 1,
  skipped: 0,
  failed: 1,
  failures: [
    { label: 'Private plan.docx', error: toErrorData(appError('uploadFileGone', { name: 'Private plan.docx' })) },
  ],
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:01:00Z',
};

describe('the diagnostics file', () => {
  it('tells the state and the failures, without people, file names or message parameters', () => {
    const file = buildDiagnostics({
      extensionVersion: '0.1.0',
      now: new Date(0),
      settings: { theme: 'dark', language: 'system' },
      portals: [{ summary, limits: { requestsPer10s: 100 }, prefs: { limitProfile: 'custom' }, snapshot }],
      jobs: [job],
    });
    const text = JSON.stringify(file);
    for (const hidden of ['Ada', 'ada@example.com', 'Salaries', 'Private plan', 'secret-path'])
      expect(text, hidden).not.toContain(hidden);
    expect(file.portals[0]).toMatchObject({ origin: summary.origin, limits: { requestsPer10s: 100 } });
    expect(file.portals[0]!.scheduler?.recent).toEqual([
      { at: new Date(900).toISOString(), kind: 'error', status: 401, key: 'sessionRejected' },
    ]);
    expect(file.jobs[0]).toMatchObject({ kind: 'upload', failed: 1, failures: [{ key: 'uploadFileGone' }] });
  });
});

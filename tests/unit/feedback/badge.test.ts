import { describe, expect, it } from 'vitest';
import { badgeFor, sameBadge } from '../../../src/feedback/badge.ts';
import type { JobStatus, JobSummary } from '../../../src/protocol/index.ts';

const job = (status: JobStatus, id: string = status): JobSummary =>
  ({ id, status, kind: 'upload', portalId: 'p', title: { key: 't', params: [] } }) as unknown as JobSummary;

describe('toolbar badge', () => {
  it('is empty, with the plain title, when nothing runs or failed (done, cancelled and paused say nothing)', () => {
    expect(badgeFor([])).toEqual({ text: '', color: 'accent', title: { key: 'actionTitle', params: [] } });
    expect(badgeFor([job('done'), job('cancelled'), job('paused')]).text).toBe('');
  });

  it('counts running, waiting and verifying jobs in the accent colour', () => {
    const badge = badgeFor([job('running', 'a'), job('waiting', 'b'), job('verifying', 'c'), job('done')]);
    expect(badge).toEqual({ text: '3', color: 'accent', title: { key: 'badgeRunning', params: ['3'] } });
    expect(badgeFor(Array.from({ length: 120 }, (_, i) => job('running', String(i)))).text).toBe('99+');
  });

  it('turns red with "!" once a job failed, still counting what runs, and says both in its title', () => {
    expect(badgeFor([job('failed')])).toEqual({
      text: '!',
      color: 'failed',
      title: { key: 'badgeFailed', params: ['0', '1'] },
    });
    expect(badgeFor([job('failed', 'x'), job('failed', 'y'), job('running')])).toEqual({
      text: '1!',
      color: 'failed',
      title: { key: 'badgeRunningAndFailed', params: ['1', '2'] },
    });
  });

  it('tells an unchanged badge from a changed one (the browser is not asked again for nothing)', () => {
    const a = badgeFor([job('running')]);
    expect(sameBadge(a, badgeFor([job('running', 'other')]))).toBe(true);
    expect(sameBadge(a, badgeFor([job('running', '1'), job('running', '2')]))).toBe(false);
    expect(sameBadge(null, a)).toBe(false);
  });
});

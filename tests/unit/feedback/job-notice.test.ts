import { describe, expect, it } from 'vitest';
import {
  actionOf,
  jobIdOfNotice,
  endOf,
  isNewEnd,
  noticeFor,
  noticeId,
  UNDO_WINDOW_MS,
  withoutUndo,
} from '../../../src/feedback/job-notice.ts';
import { appError } from '../../../src/errors/index.ts';
import type { JobSummary } from '../../../src/protocol/index.ts';

const summary = (fields: Partial<JobSummary>): JobSummary => ({
  id: 'j1',
  kind: 'createFolders',
  portalId: 'p',
  title: { key: 'jobTitle_createFolders', params: ['Unsorted'] },
  folderIds: [206],
  status: 'done',
  total: 2,
  done: 2,
  skipped: 0,
  failed: 0,
  failures: [],
  createdAt: '',
  updatedAt: '',
  ...fields,
});
const made = { open: { kind: 'folder' as const, id: 206 }, made: [{ kind: 'folder' as const, id: 1 }] };

describe('job notices', () => {
  it('a done job that made things: its title, what was done, Copy link and Undo for a minute', () => {
    const notice = noticeFor(summary({ result: made }), 1_000)!;
    expect(notice).toEqual({
      id: noticeId('j1'),
      jobId: 'j1',
      title: { key: 'jobTitle_createFolders', params: ['Unsorted'] },
      message: { key: 'noticeDone', params: ['2'] },
      buttons: ['copyLink', 'undo'],
      undoUntil: 1_000 + UNDO_WINDOW_MS,
    });
    expect(jobIdOfNotice(notice.id)).toBe('j1');
    expect(jobIdOfNotice('someone-else')).toBeNull();
  });

  it('a job that cannot be undone (a move, a new version) offers Open and Copy link', () => {
    const notice = noticeFor(summary({ kind: 'transfer', result: { open: { kind: 'folder', id: 5 } } }), 0)!;
    expect(notice.buttons).toEqual(['open', 'copyLink']);
    expect(notice.undoUntil).toBeUndefined();
  });

  it('a failed job says why in the catalogue’s words, and is never undone from the notice', () => {
    const error = appError('jobNotFound', {}).toData();
    const failed = noticeFor(summary({ status: 'failed', done: 1, failed: 1, error, result: made }), 0)!;
    expect(failed.message).toEqual({ key: 'err_jobNotFound', params: [] });
    expect(failed.buttons).toEqual(['open', 'copyLink']);
    const itemFailed = noticeFor(summary({ status: 'failed', failures: [{ label: 'x', error }], failed: 1 }), 0)!;
    expect(itemFailed.message.key).toBe('err_jobNotFound');
    expect(noticeFor(summary({ status: 'failed', failed: 2 }), 0)!.message).toEqual({
      key: 'noticeFailed',
      params: ['2', '2'],
    });
    expect(itemFailed.buttons).toEqual([]);
  });

  it('says what was skipped or failed beside what was done', () => {
    expect(noticeFor(summary({ done: 1, skipped: 1 }), 0)!.message).toEqual({
      key: 'noticeDoneWithSkipped',
      params: ['1', '1'],
    });
    expect(noticeFor(summary({ done: 1, failed: 1 }), 0)!.message.key).toBe('noticeDoneWithFailures');
  });

  it('nothing for a job still going or cancelled (the user did that)', () => {
    for (const status of ['running', 'waiting', 'verifying', 'paused', 'cancelled'] as const)
      expect(noticeFor(summary({ status }), 0)).toBeNull();
  });

  it('a button means what it showed; Undo after its minute is "expired"', () => {
    const notice = noticeFor(summary({ result: made }), 0)!;
    expect(actionOf(notice, 0, 10)).toBe('copyLink');
    expect(actionOf(notice, 1, 10)).toBe('undo');
    expect(actionOf(notice, 1, UNDO_WINDOW_MS + 1)).toBe('expired');
    expect(actionOf(notice, 2, 10)).toBeNull();
    const after = withoutUndo(notice, { key: 'noticeUndone', params: ['1'] });
    expect(after.buttons).toEqual(['open', 'copyLink']);
    expect(after.undoUntil).toBeUndefined();
    expect(after.message.key).toBe('noticeUndone');
  });

  it('each end of a job is told once, across workers; a retried job’s new end is told again', () => {
    const ended = summary({ updatedAt: '2026-12-02T04:00:00.000Z' });
    expect(isNewEnd(ended, [])).toBe(true);
    expect(isNewEnd(ended, [endOf(ended)])).toBe(false);
    expect(isNewEnd(summary({ updatedAt: '2026-12-02T04:05:00.000Z' }), [endOf(ended)])).toBe(true);
    for (const status of ['running', 'cancelled', 'paused'] as const)
      expect(isNewEnd(summary({ status }), [])).toBe(false);
  });
});

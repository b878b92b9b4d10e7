// The badge, the job notifications and the omnibox, through the real background over fake ports against the
// sandbox: what the browser would show, and what its buttons and the address bar's Enter do.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/server.ts';
import { fakePlatform } from './fake-platform.ts';
import { send, signInWithKey, startBackground, waitFor, type Sandbox } from './harness.ts';

const UNSORTED = 206;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
});

const titlesIn = async (background: ReturnType<typeof startBackground>, portalId: string) =>
  (await send(background, 'listFolder', { portalId, folderId: UNSORTED, count: 100 })).entries.map((e) => e.title);

describe('job feedback', () => {
  it('a finished job: the badge counts it while it runs and clears; one notice with Copy link and Undo', async () => {
    // Each create answered after 300 ms: the job is seen running.
    const fake = fakePlatform({
      fetch: async (input, init) => {
        if (init?.method === 'POST' && String(input).includes(`/files/folder/${UNSORTED}`))
          await new Promise((resolve) => setTimeout(resolve, 300));
        return fetch(input, init);
      },
    });
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    const job = await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: UNSORTED,
      parentTitle: 'Unsorted',
      titles: ['Alpha', 'Beta'],
    });
    await waitFor(
      () => fake.feedback.notices.length,
      (n) => n > 0,
    );
    expect(fake.feedback.notices).toEqual([
      {
        id: `dpt-job/${job.id}`,
        title: 'jobTitle_createFolders(Unsorted)',
        message: 'noticeDone(2)',
        buttons: ['noticeCopyLink', 'noticeUndo'],
      },
    ]);
    await waitFor(
      () => fake.feedback.badges.at(-1)?.text,
      (text) => text === '',
    );
    expect(fake.feedback.badges.some((b) => b.text === '1' && b.title === 'badgeRunning(1)')).toBe(true);
    const [summary] = await send(background, 'listJobs', {});
    expect(summary?.result?.made).toHaveLength(2);

    // Undo: only what the job made goes to the Trash, and the notice says so (without Undo now).
    await background.feedbackListeners.noticeButton(`dpt-job/${job.id}`, 1);
    expect(await titlesIn(background, portal.id)).toEqual([]);
    expect(fake.feedback.notices.at(-1)).toMatchObject({
      message: 'noticeUndone(2)',
      buttons: ['noticeOpen', 'noticeCopyLink'],
    });

    // A click opens the result: several folders were made, so the folder they went into, on the portal itself.
    await background.feedbackListeners.noticeClicked(`dpt-job/${job.id}`);
    const opened = fake.feedback.opened.at(-1)!.url;
    expect(new URL(opened).origin).toBe(sandbox.url);
    expect(opened).toContain(String(UNSORTED));
    expect(fake.feedback.cleared).toContain(`dpt-job/${job.id}`);
  });

  it('Copy link puts the share link of what the job made on the clipboard', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    const job = await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: UNSORTED,
      parentTitle: 'Unsorted',
      titles: ['Only one'],
    });
    await waitFor(
      () => fake.feedback.notices.length,
      (n) => n > 0,
    );
    await background.feedbackListeners.noticeButton(`dpt-job/${job.id}`, 0);
    expect(fake.feedback.copied).toHaveLength(1);
    expect(new URL(fake.feedback.copied[0]!).origin).toBe(sandbox.url);
    expect(fake.feedback.notices.at(-1)?.message).toBe('noticeLinkCopied');
  });

  it('with notifications off, a finished job shows none; the badge still counts', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    expect(await send(background, 'setFeedbackSettings', { notifications: false })).toEqual({ notifications: false });
    await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: UNSORTED,
      parentTitle: 'Unsorted',
      titles: ['Quiet'],
    });
    await waitFor(
      () => send(background, 'listJobs', {}),
      (jobs) => jobs[0]?.status === 'done',
    );
    await waitFor(
      () => fake.feedback.badges.at(-1)?.text,
      (text) => text === '',
    );
    expect(fake.feedback.notices).toEqual([]);
    expect(await send(background, 'getFeedbackSettings', {})).toEqual({ notifications: false });
  });

  it('a failed job turns the badge red with "!" and its notice says why', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    // A folder id that does not exist: every create is refused by the portal.
    await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: 999_999,
      parentTitle: 'Gone',
      titles: ['X'],
    });
    await waitFor(
      () => fake.feedback.notices.length,
      (n) => n > 0,
    );
    expect(fake.feedback.notices[0]!.message).toMatch(/^err_/);
    await waitFor(
      () => fake.feedback.badges.at(-1),
      (badge) => badge?.text === '!' && badge.color === 'failed',
    );
  });
});

describe('job feedback where notifications have no buttons (Firefox)', () => {
  it('the notice has no buttons and a click opens the result; a retried job is told again when it ends', async () => {
    const fake = fakePlatform({ noticeButtons: false, omniboxMarkup: 'plain' });
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    const job = await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: 999_999,
      parentTitle: 'Gone',
      titles: ['X'],
    });
    await waitFor(
      () => fake.feedback.notices.length,
      (n) => n === 1,
    );
    expect(fake.feedback.notices[0]!.buttons).toEqual([]);
    await send(background, 'retryJob', { jobId: job.id });
    await waitFor(
      () => fake.feedback.notices.length,
      (n) => n === 2,
    );
    expect(fake.feedback.notices[1]!.id).toBe(`dpt-job/${job.id}`);
  });

  it('a click on a done job’s notice opens the one folder it made, on the portal', async () => {
    const fake = fakePlatform({ noticeButtons: false });
    const background = startBackground(fake);
    const portal = await signInWithKey(background, sandbox);
    const job = await send(background, 'createFolders', {
      portalId: portal.id,
      parentId: UNSORTED,
      parentTitle: 'Unsorted',
      titles: ['Solo'],
    });
    await waitFor(
      () => fake.feedback.notices.length,
      (n) => n === 1,
    );
    const [summary] = await send(background, 'listJobs', {});
    const made = summary!.result!.made![0]!;
    await background.feedbackListeners.noticeClicked(`dpt-job/${job.id}`);
    const opened = fake.feedback.opened.at(-1)!.url;
    expect(new URL(opened).origin).toBe(sandbox.url);
    expect(opened).toContain(`folder=${made.id}`);
  });
});

describe('omnibox', () => {
  it('Firefox gets plain descriptions: no markup, a title as it is', async () => {
    const fake = fakePlatform({ omniboxMarkup: 'plain' });
    const background = startBackground(fake);
    await signInWithKey(background, sandbox);
    const answer = (await background.feedbackListeners.omniboxInput('budget'))!;
    expect(answer.suggestions.map((s) => s.description)).toContain('Q1 budget.xlsx — omniboxFile · Marketing › Q1');
  });

  it('signed out: one suggestion that opens the options page, and Enter does too', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    const answer = await background.feedbackListeners.omniboxInput('budget');
    expect(answer).toEqual({
      suggestions: [{ content: ':options', description: 'omniboxSignIn' }],
      defaultDescription: 'omniboxSignIn',
    });
    await background.feedbackListeners.omniboxEnter(':options', 'currentTab');
    await background.feedbackListeners.omniboxEnter('budget', 'currentTab');
    expect(fake.feedback.options).toBe(2);
  });

  it('suggests the portal’s files as you type (rooms and My documents), opens the chosen one on the portal', async () => {
    const fake = fakePlatform();
    const background = startBackground(fake);
    await signInWithKey(background, sandbox);
    const answer = (await background.feedbackListeners.omniboxInput('budget'))!;
    expect(answer.suggestions.map((s) => s.description)).toContainEqual(
      expect.stringMatching(/^Q1 <match>budget<\/match>\.xlsx — <dim>omniboxFile · /),
    );
    expect(answer.defaultDescription).toBe('omniboxSearchIn(budget)');
    const mine = (await background.feedbackListeners.omniboxInput('ideas'))!;
    expect(mine.suggestions.map((s) => s.description)).toContainEqual(expect.stringContaining('<match>Ideas</match>'));

    const chosen = answer.suggestions[0]!.content;
    expect(new URL(chosen).origin).toBe(sandbox.url);
    await background.feedbackListeners.omniboxEnter(chosen, 'newForegroundTab');
    expect(fake.feedback.opened.at(-1)).toEqual({ url: chosen, where: 'newForegroundTab' });

    // Enter without a choice: the popup's search, in a tab; an address elsewhere is never opened as such.
    await background.feedbackListeners.omniboxEnter('q1 plan', 'currentTab');
    expect(fake.feedback.opened.at(-1)).toEqual({ url: 'extension/popup/index.html?q=q1%20plan', where: 'currentTab' });
    await background.feedbackListeners.omniboxEnter('https://evil.example/x', 'currentTab');
    expect(fake.feedback.opened.at(-1)!.url.startsWith('extension/popup/index.html?q=')).toBe(true);
  });

  it('asks the portal once for text typed again soon, and says when nothing matches', async () => {
    let searches = 0;
    const counting = fakePlatform({
      fetch: (input, init) => {
        if (String(input).includes('filterValue=')) searches++;
        return fetch(input, init);
      },
    });
    const background = startBackground(counting);
    await signInWithKey(background, sandbox);
    await background.feedbackListeners.omniboxInput('budget');
    const before = searches;
    await background.feedbackListeners.omniboxInput('Budget ');
    expect(searches).toBe(before);
    const none = (await background.feedbackListeners.omniboxInput('zzzz-nothing'))!;
    expect(none).toEqual({ suggestions: [], defaultDescription: 'omniboxNothing(zzzz-nothing)' });
  });
});

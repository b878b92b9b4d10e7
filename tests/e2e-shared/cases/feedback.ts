import { expect } from '@playwright/test';
import type { CaseContext, SharedCase } from '../case.ts';
import { addFault } from '../sandbox-api.ts';
import { seeVisible } from '../see.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';
import { waitFor } from '../wait.ts';

const UNSORTED = 206; // Design / Unsorted: empty in the demo portal

type Suggestions = { suggestions: Array<{ content: string; description: string }>; defaultDescription: string };

// The address bar and the toolbar cannot be typed into or read by automation: these call, in the background,
// the listeners the browser's omnibox calls (`dptFeedback`), and read the badge where the browser keeps it.
const omnibox = (t: CaseContext, text: string) =>
  t.driver.inBackground<Suggestions | null>(`(scope) => scope.dptFeedback.omniboxInput(${JSON.stringify(text)})`);
const badge = (t: CaseContext) =>
  t.driver.inBackground<{ text: string; title: string }>(
    `async (scope) => ({ text: await scope.chrome.action.getBadgeText({}), title: await scope.chrome.action.getTitle({}) })`,
  );

/**
 * Records every notification the background creates (`scope.createdNotices`): a headless browser closes them at
 * once, so getAll would find none. The background calls the namespace's create at the time it notifies.
 */
const spyOnNotifications = (t: CaseContext) =>
  t.driver.inBackground(`(scope) => {
    const notifications = (scope.browser ?? scope.chrome).notifications;
    const create = notifications.create.bind(notifications);
    scope.createdNotices = [];
    notifications.create = (...args) => {
      scope.createdNotices.push(JSON.parse(JSON.stringify(args.filter((a) => typeof a !== 'function'))));
      return create(...args);
    };
    return true;
  }`);

async function signedIn(t: CaseContext) {
  const options = await signInWithApiKey(t);
  await seeVisible(options, { testId: 'signin-success' });
  return options;
}

export const feedbackCases: SharedCase[] = [
  {
    title:
      'omnibox: "ds" offers the options page until signed in, then the portal’s files as you type; Enter without a choice opens the popup’s search',
    async run(t) {
      expect((await omnibox(t, 'budget'))?.suggestions).toEqual([
        { content: ':options', description: expect.stringContaining('Not signed in') },
      ]);
      await signedIn(t);
      const answer = await omnibox(t, 'budget');
      // Chrome reads the description as XML (the match marked, the place dimmed); Firefox as plain text.
      const expected =
        t.driver.browserName === 'chromium'
          ? 'Q1 <match>budget</match>.xlsx — <dim>File · Marketing › Q1</dim>'
          : 'Q1 budget.xlsx — File · Marketing › Q1';
      const row = answer?.suggestions.find((s) => s.description === expected);
      expect(row, JSON.stringify(answer)).toBeDefined();
      expect(new URL(row!.content).origin).toBe(t.sandbox.url);
      expect(answer?.defaultDescription).toContain('budget');

      const url = await t.driver.urlOfTabOpenedBy(() =>
        t.driver.inBackground(`(scope) => scope.dptFeedback.omniboxEnter('budget', 'newForegroundTab')`),
      );
      expect(url).toMatch(/\/extension\/popup\/index\.html\?q=budget$/);
    },
  },
  {
    title:
      'badge and notification: a job counts while it runs and clears when done, its end is notified; a failure turns the badge to "!"',
    async run(t) {
      const options = await signedIn(t);
      const { activePortalId } = await options.command<{ activePortalId: string }>('getState', {});
      await spyOnNotifications(t);
      // Each create waits a second at the portal: the job is seen running.
      await addFault(t.sandbox.url, {
        type: 'latency',
        method: 'POST',
        path: `/api/2.0/files/folder/${UNSORTED}`,
        ms: 1_000,
      });
      const job = await options.command<{ id: string }>('createFolders', {
        portalId: activePortalId,
        parentId: UNSORTED,
        parentTitle: 'Unsorted',
        titles: ['Alpha', 'Beta'],
      });
      await waitFor('the badge to count the job', 5_000, async () => {
        const now = await badge(t);
        return now.text === '1' ? now : undefined;
      });
      expect((await badge(t)).title).toBe('DocSpace Power Tools: jobs running: 1');
      // Its end is told in a notification of its own: Chrome's with buttons, Firefox's without (a click opens).
      const notice = await waitFor('the job’s notification', 15_000, async () => {
        const created = await t.driver.inBackground<unknown[][]>(`(scope) => scope.createdNotices`);
        return created.find((args) => args[0] === `dpt-job/${job.id}`)?.[1] as Record<string, unknown> | undefined;
      });
      expect(notice).toMatchObject({ type: 'basic', title: 'New folders in Unsorted', message: 'Done: 2.' });
      expect(notice['buttons']).toEqual(
        t.driver.browserName === 'chromium' ? [{ title: 'Copy link' }, { title: 'Undo' }] : undefined,
      );
      // A click on it opens what the job made in DocSpace: two folders, so the folder they went into. (Asked of the
      // browser's tabs: the sandbox has no web client, so the page itself is an error page.)
      await t.driver.inBackground(`(scope) => scope.dptFeedback.noticeClicked('dpt-job/${job.id}')`);
      const opened = await waitFor('the folder’s tab', 8_000, async () => {
        const urls = await t.driver.inBackground<string[]>(
          `async (scope) => (await scope.chrome.tabs.query({})).map((tab) => tab.pendingUrl || tab.url || '')`,
        );
        return urls.find((url) => url.startsWith(t.sandbox.url) && url.includes(`folder=${UNSORTED}`));
      });
      expect(new URL(opened).origin).toBe(t.sandbox.url);
      await waitFor('the badge to clear', 15_000, async () => ((await badge(t)).text === '' ? true : undefined));
      expect((await badge(t)).title).toBe('DocSpace Power Tools');

      await options.command('createFolders', {
        portalId: activePortalId,
        parentId: 999_999,
        parentTitle: 'Gone',
        titles: ['X'],
      });
      await waitFor('the badge to say a job failed', 15_000, async () =>
        (await badge(t)).text === '!' ? true : undefined,
      );
      expect((await badge(t)).title).toContain('jobs failed: 1');
    },
  },
];

import { expect } from '@playwright/test';
import type { SharedCase } from '../case.ts';
import type { ExtensionPage } from '../driver.ts';
import { addFault } from '../sandbox-api.ts';
import { seeAttribute, seeHidden, seeTextContaining, seeVisible } from '../see.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';

const UNSORTED = 206; // Design / Unsorted: empty in the demo portal

const folderCount = async (page: ExtensionPage) =>
  Number(/^(\d+)/.exec((await page.text({ testId: 'job-count' })) ?? '')?.[1] ?? 0);
const countdown = async (page: ExtensionPage) =>
  Number(/Continuing in (\d+) s/.exec((await page.text({ testId: 'pause-banner' })) ?? '')?.[1] ?? NaN);

export const optionsActivityCases: SharedCase[] = [
  {
    title:
      'Activity: a 503 + Retry-After pause counts down with Resume now; a running job’s progress moves, and it can be cancelled',
    timeoutMs: 90_000,
    async run(t) {
      const options = await signInWithApiKey(t);
      await seeVisible(options, { testId: 'signin-success' });
      const { activePortalId: portalId } = await options.command<{ activePortalId: string }>('getState', {});
      // Slow enough to watch: a burst of 10, then one folder a second (the job is cancelled before its end). The
      // minute's limit is loose: a 503 while the extension had room cuts its share of every window (AIMD), and a
      // tight minute would then hold the job back for most of a minute after Resume now.
      await options.command('setLimits', { portalId, limits: { requestsPer10s: 10, requestsPerMinute: 600 } });
      await options.click({ role: 'tab', name: 'Activity' });
      await seeVisible(options, { testId: 'activity-window' });
      const titles = Array.from({ length: 60 }, (_, i) => `Watched ${String(i + 1).padStart(2, '0')}`);
      await options.command('createFolders', { portalId, parentId: UNSORTED, parentTitle: 'Unsorted', titles });

      await seeAttribute(options, { testId: 'job' }, 'data-status', 'running');
      await expect.poll(() => folderCount(options), { timeout: 15_000 }).toBeGreaterThan(0);
      const before = await folderCount(options);
      await expect.poll(() => folderCount(options), { timeout: 15_000 }).toBeGreaterThan(before);

      await addFault(t.sandbox.url, { type: 'storm503', retryAfter: 120, count: 1, path: '/api/2.0/files/**' });
      const banner = { testId: 'pause-banner' };
      await seeTextContaining(options, banner, /Continuing in \d+ s/, { timeout: 15_000 });
      const first = await countdown(options);
      await expect.poll(() => countdown(options), { timeout: 5_000 }).toBeLessThan(first);
      await seeTextContaining(options, { testId: 'activity-events' }, 'HTTP 503');
      const paused = await folderCount(options);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await folderCount(options), 'nothing is made while paused').toBe(paused);

      await options.click({ role: 'button', name: 'Resume now' });
      await seeHidden(options, banner);
      await expect.poll(() => folderCount(options), { timeout: 15_000 }).toBeGreaterThan(paused);
      expect(Number(await options.attribute({ testId: 'rate-chart' }, 'data-points'))).toBeGreaterThan(0);
      await options.click({ role: 'button', name: 'Cancel' });
      await seeAttribute(options, { testId: 'job' }, 'data-status', 'cancelled');
      await seeVisible(options, { role: 'button', name: 'Try again' });
    },
  },
  {
    title: 'Settings: the theme and the language chosen apply to the options page and the popup',
    async run(t) {
      const options = await signInWithApiKey(t);
      await seeVisible(options, { testId: 'signin-success' });
      await options.click({ role: 'tab', name: 'Settings' });
      await options.click({ label: 'Dark' });
      await seeAttribute(options, { css: 'html' }, 'data-theme', 'dark');
      const popup = await t.driver.openPopup();
      await seeAttribute(popup, { css: 'html' }, 'data-theme', 'dark');
      await options.select({ css: 'select[name=language]' }, 'Русский');
      await seeVisible(options, { role: 'tab', name: 'Настройки' });
      await seeVisible(popup, { role: 'tab', name: 'Комнаты' });
      await seeAttribute(popup, { css: 'html' }, 'lang', 'ru');
      await options.select({ css: 'select[name=language]' }, 'Как в браузере');
      await options.click({ label: 'As the system' });
      await seeVisible(popup, { role: 'tab', name: 'Rooms' });
      await expect.poll(() => popup.attribute({ css: 'html' }, 'data-theme')).toBeNull();
    },
  },
];

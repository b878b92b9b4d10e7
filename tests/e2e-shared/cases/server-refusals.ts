import { expect } from '@playwright/test';
import type { SharedCase } from '../case.ts';
import { addFault, sandboxLog } from '../sandbox-api.ts';
import { seeHidden, seeTextContaining, seeVisible } from '../see.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';

const storms = [
  {
    name: '503 with Retry-After: 3 (the documented limiter)',
    fault: { type: 'storm503', retryAfter: 3 },
    status: 503,
    pauseMs: 3_000,
  },
  {
    name: '429 with X-RateLimit-* and Retry-After: 2 (the server limiter)',
    fault: { type: 'storm429', retryAfter: 2, limit: 1500 },
    status: 429,
    pauseMs: 2_000,
  },
];

export const serverRefusalCases: SharedCase[] = storms.map((storm) => ({
  title: `${storm.name}: the account pauses, the popup counts down, nothing is sent before the end`,
  async run(t) {
    await signInWithApiKey(t);
    const popup = await t.driver.openPopup();
    await seeTextContaining(popup, { css: '.grid' }, 'Marketing');
    await addFault(t.sandbox.url, { ...storm.fault, count: 1, path: '/api/2.0/files/**' });

    await popup.click({ role: 'tab', name: 'Documents' });
    const banner = { testId: 'pause-banner' };
    await seeVisible(popup, banner);
    await seeTextContaining(popup, banner, /Continuing in \d s/);
    // The request is sent again by itself after the pause, and the list appears.
    await seeVisible(popup, { css: '.row-title > .server-text' }, { timeout: storm.pauseMs + 8_000 });
    await seeHidden(popup, banner);

    const log = await sandboxLog(t.sandbox.url);
    const refused = log.filter((e) => e.status === storm.status);
    expect(refused).toHaveLength(1);
    const first = refused[0]!;
    const after = log.filter((e) => e.seq > first.seq && e.identity === first.identity);
    expect(after.length).toBeGreaterThan(0);
    // Nothing for this account until the pause is over (the sandbox's clock, 100 ms of timer slack).
    expect(Math.min(...after.map((e) => e.startMs)) - first.startMs).toBeGreaterThanOrEqual(storm.pauseMs - 100);
    expect(after.some((e) => e.path === '/api/2.0/files/@my' && e.status === 200)).toBe(true);
  },
}));

serverRefusalCases.push({
  title: 'a portal asking to wait an hour: the popup counts down, and Resume now sends what waited at once',
  async run(t) {
    await signInWithApiKey(t);
    const popup = await t.driver.openPopup();
    await seeTextContaining(popup, { css: '.grid' }, 'Marketing');
    await addFault(t.sandbox.url, { type: 'storm503', retryAfter: 3600, count: 1, path: '/api/2.0/files/**' });

    await popup.click({ role: 'tab', name: 'Documents' });
    const banner = { testId: 'pause-banner' };
    await seeTextContaining(popup, banner, /Continuing in/);
    await popup.click({ role: 'button', name: 'Resume now' });
    await seeVisible(popup, { css: '.row-title > .server-text' });
    await seeHidden(popup, banner);
    const log = await sandboxLog(t.sandbox.url);
    expect(log.filter((e) => e.status === 503)).toHaveLength(1);
    expect(log.some((e) => e.path === '/api/2.0/files/@my' && e.status === 200)).toBe(true);
  },
});

import { defineConfig } from '@playwright/test';

// The Firefox suite: Playwright Test as the runner, puppeteer-core driving Firefox ESR (see fixtures.ts).
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 45_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  // One browser at a time, as in Chromium: the machine has two cores and other suites may be running.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/firefox',
});

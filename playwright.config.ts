import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  // One browser at a time: two Chromiums plus their sandboxes overload a 2-core machine, and closing a worker
  // target (the restart tests) under that load has crashed the browser.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // Apart from the Firefox suite's, which runs at the same time (scripts/test-e2e.mjs).
  outputDir: 'test-results/chromium',
  use: { trace: 'retain-on-failure' },
});

import type { TestInfo } from '@playwright/test';
import type { Sandbox } from '../sandbox/server.ts';
import type { ExtensionDriver } from './driver.ts';

/** What a shared test reaches: the browser through its driver, and the sandbox over HTTP (Node's fetch). */
export interface CaseContext {
  driver: ExtensionDriver;
  sandbox: Pick<Sandbox, 'url' | 'demo'>;
}

/** One end-to-end test written once; tests/e2e (Chromium) and tests/firefox register the same list. */
export interface SharedCase {
  title: string;
  /** Longer than the suite's default, for the slow ones (the bulk job). */
  timeoutMs?: number;
  run(context: CaseContext): Promise<void>;
}

/** A shared test as a Playwright test body, for either suite: `test(shared.title, playwrightBody(shared))`. */
export function playwrightBody(shared: SharedCase) {
  // Playwright reads the fixtures a body needs from its destructuring pattern, so it must destructure.
  return async ({ driver, sandbox }: CaseContext, testInfo: TestInfo): Promise<void> => {
    if (shared.timeoutMs) testInfo.setTimeout(shared.timeoutMs);
    await shared.run({ driver, sandbox });
  };
}

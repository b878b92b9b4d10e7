// The bodies are shared with the Chromium suite: see tests/e2e-shared/cases/capture.ts (the Chromium suite runs them too).
import { captureCases } from '../e2e-shared/cases/capture.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of captureCases) test(shared.title, playwrightBody(shared));

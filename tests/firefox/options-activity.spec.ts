// The bodies are shared with the Chromium suite (tests/e2e): see tests/e2e-shared/cases/.
import { optionsActivityCases } from '../e2e-shared/cases/options-activity.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of optionsActivityCases) test(shared.title, playwrightBody(shared));

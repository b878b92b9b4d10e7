// The bodies are shared with the Chromium suite (tests/e2e): see tests/e2e-shared/cases/.
import { serverRefusalCases } from '../e2e-shared/cases/server-refusals.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of serverRefusalCases) test(shared.title, playwrightBody(shared));

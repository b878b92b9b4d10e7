// The bodies are shared with the Chromium suite (tests/e2e): see tests/e2e-shared/cases/.
import { tabTrafficCases } from '../e2e-shared/cases/tab-traffic.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of tabTrafficCases) test(shared.title, playwrightBody(shared));

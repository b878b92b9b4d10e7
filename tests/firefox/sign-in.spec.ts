// The bodies are shared with the Chromium suite (tests/e2e): see tests/e2e-shared/cases/.
import { signInCases } from '../e2e-shared/cases/sign-in.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of signInCases) test(shared.title, playwrightBody(shared));

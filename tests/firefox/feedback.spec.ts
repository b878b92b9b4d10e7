// The bodies are shared with the Chromium suite: see tests/e2e-shared/cases/feedback.ts.
import { feedbackCases } from '../e2e-shared/cases/feedback.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of feedbackCases) test(shared.title, playwrightBody(shared));

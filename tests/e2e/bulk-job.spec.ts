// The bodies are shared with the Firefox suite (tests/firefox): see tests/e2e-shared/cases/.
import { bulkJobCases } from '../e2e-shared/cases/bulk-job.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of bulkJobCases) test(shared.title, playwrightBody(shared));

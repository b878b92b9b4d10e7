// The bodies are shared with the Firefox suite: see tests/e2e-shared/cases/.
import { uploadCases } from '../e2e-shared/cases/upload.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of uploadCases) test(shared.title, playwrightBody(shared));

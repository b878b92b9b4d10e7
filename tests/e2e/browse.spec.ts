// The bodies are shared with the Firefox suite (tests/firefox): see tests/e2e-shared/cases/.
import { browseCases } from '../e2e-shared/cases/browse.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of browseCases) test(shared.title, playwrightBody(shared));

// The bodies are shared with the Firefox suite (tests/firefox): see tests/e2e-shared/cases/.
import { popupActionCases } from '../e2e-shared/cases/popup-actions.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of popupActionCases) test(shared.title, playwrightBody(shared));

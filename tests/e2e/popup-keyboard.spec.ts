// The bodies are shared with the Firefox suite (tests/firefox): see tests/e2e-shared/cases/.
import { popupKeyboardCases } from '../e2e-shared/cases/popup-keyboard.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of popupKeyboardCases) test(shared.title, playwrightBody(shared));

// The bodies are shared with the Firefox suite: see tests/e2e-shared/cases/file-menu.ts.
import { fileMenuCases } from '../e2e-shared/cases/file-menu.ts';
import { playwrightBody } from '../e2e-shared/case.ts';
import { test } from './fixtures.ts';

for (const shared of fileMenuCases) test(shared.title, playwrightBody(shared));

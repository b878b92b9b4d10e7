import { test } from './fixtures.ts';
import { accountCases } from '../e2e-shared/cases/accounts.ts';
import { playwrightBody } from '../e2e-shared/case.ts';

for (const shared of accountCases) test(shared.title, playwrightBody(shared));

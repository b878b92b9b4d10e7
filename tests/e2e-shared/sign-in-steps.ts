import type { CaseContext } from './case.ts';
import type { ExtensionPage } from './driver.ts';

/** Fills the options page's Connect form as a user would; returns the options page, answer pending. */
export async function signInWithApiKey(
  { driver, sandbox }: CaseContext,
  apiKey = sandbox.demo.apiKey,
): Promise<ExtensionPage> {
  const options = await driver.openOptions();
  await options.fill({ label: 'Portal address' }, sandbox.url);
  // By name: the field's label also holds the hint text under it.
  await options.fill({ css: 'input[name=apiKey]' }, apiKey);
  await options.click({ role: 'button', name: 'Connect' });
  return options;
}

export async function signInWithPassword(
  { driver, sandbox }: CaseContext,
  password = sandbox.demo.password,
): Promise<ExtensionPage> {
  const options = await driver.openOptions();
  await options.fill({ label: 'Portal address' }, sandbox.url);
  await options.click({ label: 'E-mail and password' });
  await options.fill({ label: 'E-mail' }, sandbox.demo.email);
  await options.fill({ label: 'Password' }, password);
  await options.click({ role: 'button', name: 'Connect' });
  return options;
}

import { expect, test } from './fixtures.ts';

// The interface in Russian, as a Russian browser shows it: counts take Russian plural forms and sizes Russian
// units, from _locales/ru (the unit tests check the keys exist; this checks what the user reads).
test.use({ uiLanguage: 'ru' });

test('in a Russian browser: counts with Russian plurals, sizes in Russian units', async ({
  openOptions,
  openPopup,
  sandbox,
}) => {
  const options = await openOptions();
  await options.locator('input[name=url]').fill(sandbox.url);
  await options.locator('input[name=apiKey]').fill(sandbox.demo.apiKey);
  await options.getByRole('button', { name: 'Подключить' }).click();
  await expect(options.getByText(/Demo User/).first()).toBeVisible();

  const popup = await openPopup();
  const row = (title: string) => popup.locator('.grid .row', { hasText: title }).first();
  await row('Marketing').locator('a').first().click();
  await row('Assets').locator('a').first().click();
  await expect(popup.getByTestId('entry-count')).toHaveText('50 из 180');
  // "KB"/"MB" would be English units in a Russian sentence.
  await expect(popup.locator('.grid .row[data-kind=file] .row-meta').first()).toHaveText(/\d+(,\d)? (Б|КБ|МБ)( |$)/);
  await expect(popup.locator('.grid .row[data-kind=file] .row-meta').first()).not.toHaveText(/\b(B|KB|MB)\b/);

  await popup.keyboard.press('Backspace');
  await expect(row('Campaigns')).toBeVisible();
  await row('Campaigns').focus();
  await popup.keyboard.press('Control+a');
  // 8 → "элементов" (many), 2 → "элемента" (few): the English "items" rule would give one form for both.
  await expect(popup.getByText(/^Выбрано 8 элементов$/)).toBeVisible();
  await popup.keyboard.press('Escape');
  await popup.keyboard.press('Shift+ArrowDown');
  await expect(popup.getByText(/^Выбрано 2 элемента$/)).toBeVisible();
});

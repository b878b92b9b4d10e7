import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslator, type LocaleMessages } from '../../../src/settings/translator.ts';
import { renderMessage } from '../support/english.ts';

const load = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as LocaleMessages;

describe('a chosen language’s t', () => {
  it('renders every English message as the browser’s i18n does', () => {
    const en = load('en');
    const t = createTranslator(en);
    const subs = ['A', 'B', 'C', 'D'];
    for (const key of Object.keys(en)) expect(t(key, subs), key).toBe(renderMessage(en, key, subs));
  });

  it('speaks Russian, falls back key by key, and shows an unknown key as itself', () => {
    const t = createTranslator(load('ru'), (key) => (key === 'onlyInBrowser' ? 'from the browser' : key));
    expect(t('optionsTab_settings')).toBe('Настройки');
    expect(t('activityOf', ['3', '10'])).toBe('3 из 10');
    expect(t('onlyInBrowser')).toBe('from the browser');
    expect(createTranslator({})('nothing')).toBe('nothing');
    expect(createTranslator({ k: { message: 'costs $$5 for $1' } })('k', 'you')).toBe('costs $5 for you');
  });
});

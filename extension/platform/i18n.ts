import { browser } from './browser.ts';

/** Looks up a message in _locales; a missing key shows the key itself so it is noticed, not hidden. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

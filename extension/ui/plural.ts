import type { PagePlatform } from '../platform/ports.ts';

/**
 * A message that depends on a count, in the grammar of the UI language: `key_one`, `key_few`, `key_many`,
 * `key_other` in `_locales` (Russian has all four, English two), picked by Intl.PluralRules.
 */
export function plural(
  platform: Pick<PagePlatform, 't' | 'uiLanguage'>,
  key: string,
  count: number,
  extra: string[] = [],
) {
  return platform.t(pluralKey(platform, key, count), [String(count), ...extra]);
}

/** The `key_<form>` for this count (`key_other` when the language has no message of that form). */
export function pluralKey(platform: Pick<PagePlatform, 't' | 'uiLanguage'>, key: string, count: number): string {
  const form = `${key}_${new Intl.PluralRules(platform.uiLanguage()).select(count)}`;
  const text = platform.t(form, [String(count)]);
  return text === form || text === '' ? `${key}_other` : form;
}

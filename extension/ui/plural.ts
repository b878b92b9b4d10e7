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
  const category = new Intl.PluralRules(platform.uiLanguage()).select(count);
  const text = platform.t(`${key}_${category}`, [String(count), ...extra]);
  return text === `${key}_${category}` ? platform.t(`${key}_other`, [String(count), ...extra]) : text;
}

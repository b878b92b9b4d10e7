const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** `sizeUnit_<unit>` from _locales, with the number in its place ("12,5 КБ" in Russian). */
export type SizeWords = (key: `sizeUnit_${(typeof UNITS)[number]}`, params: string[]) => string;

/** Binary units like DocSpace's own "12.5 KB", with the reader's decimal separator and unit names. */
export function formatSize(bytes: number | null, locale: string, words: SizeWords): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return words(`sizeUnit_${UNITS[unit]!}`, [number]);
}

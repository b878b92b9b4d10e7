/**
 * DocSpace sends dates in the portal's time zone with an offset ("2025-05-20T13:15:30.0000000+03:00");
 * the reader wants them in their own: today as a time, this year without the year, older with it.
 */
export function formatDate(iso: string, locale: string, now: Date, timeZone?: string): string {
  const ms = Date.parse(iso);
  if (!iso || Number.isNaN(ms)) return '';
  const date = new Date(ms);
  const zone = timeZone ? { timeZone } : {};
  const dayKey = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  if (dayKey(date) === dayKey(now)) {
    return new Intl.DateTimeFormat(locale, { ...zone, hour: 'numeric', minute: '2-digit' }).format(date);
  }
  const sameYear = dayKey(date).slice(0, 4) === dayKey(now).slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    ...zone,
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

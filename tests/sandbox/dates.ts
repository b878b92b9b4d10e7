// Date strings as DocSpace writes them. Two formats exist on the wire:
// - ApiDateTime: portal-local time, always 7 fraction digits, then "+hh:mm" (or "Z" at offset 0);
// - plain .NET DateTime (e.g. the login token's `expires`): UTC ISO with "Z".

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function offsetSuffix(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm` in the given offset from UTC. JS dates carry milliseconds, so
 *  the last four of the seven digits are zero (as for any date the server stored at ms precision). */
export function apiDate(d: Date, offsetMinutes: number): string {
  const local = new Date(d.getTime() + offsetMinutes * 60_000);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}0000${offsetSuffix(offsetMinutes)}`
  );
}

/** UTC ISO string with 7 fraction digits. `subMsTicks` (0..9999, 100 ns units) fills the digits a
 *  JS Date lacks, so freshly minted times look like the server's DateTime.UtcNow. */
export function utcDateTime(d: Date, subMsTicks = 0): string {
  const iso = d.toISOString(); // yyyy-MM-ddTHH:mm:ss.sssZ
  return `${iso.slice(0, 23)}${pad(Math.max(0, Math.min(9999, Math.trunc(subMsTicks))), 4)}Z`;
}

/** Sub-millisecond ticks from the high-resolution clock, for utcDateTime. */
export function nowSubMsTicks(): number {
  return Number(process.hrtime.bigint() % 1_000_000n) / 100;
}

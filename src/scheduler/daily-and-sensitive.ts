import { countsAsDailyWrite, sensitiveKey, type EffectiveLimits } from './limits.ts';

const DAILY_BUCKETS = 1440;

/**
 * The two limits that are not about every request: POST + PUT per day (a fixed window on the server,
 * counted here in 1440 buckets so the check slides and cannot be fooled by the server's reset time) and
 * the sensitive endpoints, per path.
 */
export class DailyAndSensitive {
  daily = new Map<number, number>();
  sensitive = new Map<string, number[]>();

  constructor(private readonly limits: () => EffectiveLimits) {}

  private span(windowMs: number): number {
    return windowMs + 10;
  }

  dailyUsed(now: number): number {
    const limits = this.limits();
    let n = 0;
    for (const [end, count] of this.daily) if (end > now - limits.dailyWindowMs) n += count;
    return n;
  }

  /** When this request could go by these two limits; null when it may go now. */
  blockedUntil(method: string, path: string, now: number): { reason: 'daily' | 'sensitive'; at: number } | null {
    const limits = this.limits();
    if (countsAsDailyWrite(method) && this.dailyUsed(now) >= limits.dailyWrites) {
      const oldest = Math.min(...[...this.daily.keys()].filter((end) => end > now - limits.dailyWindowMs));
      return { reason: 'daily', at: oldest + limits.dailyWindowMs + 1 };
    }
    const key = sensitiveKey(limits, method, path);
    if (key) {
      const span = this.span(limits.sensitiveWindowMs);
      const recent = (this.sensitive.get(key) ?? []).filter((t) => t > now - span);
      if (recent.length >= limits.sensitiveLimit)
        return { reason: 'sensitive', at: recent[recent.length - limits.sensitiveLimit]! + span + 1 };
    }
    return null;
  }

  record(method: string, path: string, now: number): void {
    const limits = this.limits();
    if (countsAsDailyWrite(method)) {
      const size = Math.max(1, Math.floor(limits.dailyWindowMs / DAILY_BUCKETS));
      const end = Math.ceil((now + 1) / size) * size;
      this.daily.set(end, (this.daily.get(end) ?? 0) + 1);
    }
    const key = sensitiveKey(limits, method, path);
    if (key) this.sensitive.set(key, [...(this.sensitive.get(key) ?? []), now]);
  }

  prune(now: number): void {
    const limits = this.limits();
    for (const end of this.daily.keys()) if (end <= now - limits.dailyWindowMs) this.daily.delete(end);
    const span = this.span(limits.sensitiveWindowMs);
    for (const [key, times] of this.sensitive) {
      const kept = times.filter((t) => t > now - span);
      if (kept.length === 0) this.sensitive.delete(key);
      else this.sensitive.set(key, kept);
    }
  }
}

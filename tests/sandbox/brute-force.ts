// Login brute-force protection (BruteForceLoginManager, docspace-api.md §3.2): after `attempts`
// failed logins for one (login, IP) within `windowMs`, further attempts are refused with 403 until
// the failures age out. A successful login clears the history.

export class BruteForceGuard {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly attempts: number,
    private readonly windowMs: number,
  ) {}

  private key(login: string, ip: string): string {
    return `${login.trim().toLowerCase()}\n${ip}`;
  }

  private recent(key: string, nowMs: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (list.length > 0) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  isBlocked(login: string, ip: string, nowMs: number): boolean {
    return this.recent(this.key(login, ip), nowMs).length >= this.attempts;
  }

  recordFailure(login: string, ip: string, nowMs: number): void {
    const key = this.key(login, ip);
    this.failures.set(key, [...this.recent(key, nowMs), nowMs]);
  }

  recordSuccess(login: string, ip: string): void {
    this.failures.delete(this.key(login, ip));
  }

  clear(): void {
    this.failures.clear();
  }
}

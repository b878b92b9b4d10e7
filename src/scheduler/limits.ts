/**
 * The limits DocSpace may enforce (../shared/docs/rate-limits.md): the stricter of the published rules and
 * the 3.7 server code, all at once, per portal + account. Every number can be changed per portal.
 */
export type RequestClass = 'read' | 'write';

export interface WindowLimit {
  name: string;
  limit: number;
  windowMs: number;
}

export interface LimitSettings {
  windows: WindowLimit[];
  concurrentReads: number;
  concurrentWrites: number;
  /** POST + PUT per day (DELETE is not counted by the server). */
  dailyWrites: number;
  dailyWindowMs: number;
  sensitive: { limit: number; windowMs: number; patterns: string[] };
  /**
   * Share of every limit the extension allows itself. 1 by default: the user's DocSpace tabs are observed and
   * counted, and others are learned from the server's answers, so a fixed margin would only waste budget.
   * A user who knows of other clients the extension cannot see may lower it per portal.
   */
  safetyMargin: number;
  /**
   * Share of each window and of the concurrency slots that bulk work leaves free while an extension page or
   * a DocSpace tab is in use, kept for clicks.
   */
  interactiveReserve: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
  windows: [
    { name: '10s', limit: 500, windowMs: 10_000 },
    { name: '60s', limit: 1500, windowMs: 60_000 },
  ],
  concurrentReads: 50,
  concurrentWrites: 15,
  dailyWrites: 10_000,
  dailyWindowMs: 86_400_000,
  sensitive: {
    limit: 5,
    windowMs: 15 * 60_000,
    // Method + path template; {id} stands for one path segment.
    patterns: [
      'POST /api/2.0/people/password',
      'PUT /api/2.0/people/{id}/password',
      'PUT /api/2.0/people/{id}/email',
      'POST /api/2.0/people/email',
      'PUT /api/2.0/people/invite',
      'PUT /api/2.0/people/self/delete',
      'POST /api/2.0/keys',
      'POST /api/2.0/files/file/{id}/sendeditornotify',
      'POST /api/2.0/files/rooms/{id}/resend',
      'POST /api/2.0/portal/suspend',
      'POST /api/2.0/portal/delete',
      'POST /api/2.0/settings/sendadmmail',
      'PUT /api/2.0/settings/webhook/{id}/retry',
      'PUT /api/2.0/settings/webhook/retry',
      'GET /api/2.0/smtpsettings/smtp/test',
    ],
  },
  safetyMargin: 1,
  interactiveReserve: 0.1,
};

/** Scales every time window (tests and benchmarks run a 10 s window as 1 s with 0.1). */
export function scaleWindows(settings: LimitSettings, factor: number): LimitSettings {
  return {
    ...settings,
    windows: settings.windows.map((w) => ({ ...w, windowMs: Math.round(w.windowMs * factor) })),
    dailyWindowMs: Math.round(settings.dailyWindowMs * factor),
    sensitive: { ...settings.sensitive, windowMs: Math.round(settings.sensitive.windowMs * factor) },
  };
}

export interface EffectiveLimits {
  windows: WindowLimit[];
  concurrentReads: number;
  concurrentWrites: number;
  dailyWrites: number;
  dailyWindowMs: number;
  sensitiveLimit: number;
  sensitiveWindowMs: number;
  sensitiveMatchers: Array<{ method: string; pattern: RegExp }>;
  /** Share of each window bulk work leaves free while the reserve is held. */
  interactiveReserve: number;
  /** Concurrency slots bulk work leaves free while the reserve is held or others were seen. */
  writeReserve: number;
  readReserve: number;
}

/** Applies the safety margin once, so every check below compares against what the extension allows itself. */
export function effectiveLimits(settings: LimitSettings): EffectiveLimits {
  const m = Math.min(1, Math.max(0.05, settings.safetyMargin));
  const own = (n: number): number => Math.max(1, Math.floor(n * m));
  const reserve = (n: number): number => (n <= 1 ? 0 : Math.min(n - 1, Math.ceil(n * settings.interactiveReserve)));
  const windows = settings.windows.map((w) => ({ ...w, limit: own(w.limit) }));
  const concurrentReads = own(settings.concurrentReads);
  const concurrentWrites = own(settings.concurrentWrites);
  return {
    windows,
    concurrentReads,
    concurrentWrites,
    dailyWrites: own(settings.dailyWrites),
    dailyWindowMs: settings.dailyWindowMs,
    sensitiveLimit: own(settings.sensitive.limit),
    sensitiveWindowMs: settings.sensitive.windowMs,
    sensitiveMatchers: settings.sensitive.patterns.map(compilePattern),
    interactiveReserve: Math.min(0.5, Math.max(0, settings.interactiveReserve)),
    writeReserve: reserve(concurrentWrites),
    readReserve: reserve(concurrentReads),
  };
}

function compilePattern(spec: string): { method: string; pattern: RegExp } {
  const [method = 'GET', path = ''] = spec.split(' ');
  const escaped = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{id\\?\}|\{id\}/g, '[^/]+');
  return { method: method.toUpperCase(), pattern: new RegExp(`^${escaped}/?$`, 'i') };
}

export function requestClass(method: string): RequestClass {
  return method.toUpperCase() === 'GET' || method.toUpperCase() === 'HEAD' ? 'read' : 'write';
}

export function countsAsDailyWrite(method: string): boolean {
  const m = method.toUpperCase();
  return m === 'POST' || m === 'PUT';
}

export function sensitiveKey(limits: EffectiveLimits, method: string, path: string): string | null {
  const m = method.toUpperCase();
  return limits.sensitiveMatchers.some((s) => s.method === m && s.pattern.test(path))
    ? `${m} ${path.toLowerCase()}`
    : null;
}

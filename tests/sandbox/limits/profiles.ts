// The numbers and endpoint lists of the two limit profiles (rate-limits.md, docspace-api.md §9).
// Every window is multiplied by `windowScale` at run time; the permit counts are not scaled.

export type LimitProfileName = 'documented' | 'server' | 'off';

export const LIMIT_PROFILES: readonly LimitProfileName[] = ['documented', 'server', 'off'];

export interface LimitValues {
  /** documented: requests per account+IP per `burstWindowMs` (500 / 10 s). */
  burst: number;
  burstWindowMs: number;
  /** Both profiles: requests per `minuteWindowMs` (1500 / 60 s). */
  perMinute: number;
  minuteWindowMs: number;
  /** Both profiles: simultaneous GET / other requests. */
  concurrentGet: number;
  concurrentWrite: number;
  /** server: POST+PUT per fixed window of `dayMs` (10,000 / day). */
  dailyWrite: number;
  dayMs: number;
  /** server: sensitive endpoints, per user per path (5 / 15 min). */
  sensitive: number;
  sensitiveWindowMs: number;
  /** documented: password-collection methods, per account+IP per path (5 / min). */
  password: number;
  passwordWindowMs: number;
}

export const DEFAULT_LIMIT_VALUES: Readonly<LimitValues> = Object.freeze({
  burst: 500,
  burstWindowMs: 10_000,
  perMinute: 1500,
  minuteWindowMs: 60_000,
  concurrentGet: 50,
  concurrentWrite: 15,
  dailyWrite: 10_000,
  dayMs: 86_400_000,
  sensitive: 5,
  sensitiveWindowMs: 15 * 60_000,
  password: 5,
  passwordWindowMs: 60_000,
});

export interface EndpointPattern {
  method: string;
  /** Path template; `{name}` matches one segment. */
  path: string;
}

/** `sensitive_api` policy in DocSpace 3.7 (docspace-api.md §9). */
export const SENSITIVE_ENDPOINTS: readonly EndpointPattern[] = [
  { method: 'POST', path: '/api/2.0/people/password' },
  { method: 'PUT', path: '/api/2.0/people/{userid}/password' },
  { method: 'PUT', path: '/api/2.0/people/{userid}/email' },
  { method: 'POST', path: '/api/2.0/people/email' },
  { method: 'PUT', path: '/api/2.0/people/invite' },
  { method: 'PUT', path: '/api/2.0/people/self/delete' },
  { method: 'POST', path: '/api/2.0/keys' },
  { method: 'POST', path: '/api/2.0/files/file/{fileId}/sendeditornotify' },
  { method: 'POST', path: '/api/2.0/files/rooms/{id}/resend' },
  { method: 'POST', path: '/api/2.0/portal/suspend' },
  { method: 'POST', path: '/api/2.0/portal/delete' },
  { method: 'POST', path: '/api/2.0/settings/sendadmmail' },
  { method: 'PUT', path: '/api/2.0/settings/webhook/{id}/retry' },
  { method: 'PUT', path: '/api/2.0/settings/webhook/retry' },
  { method: 'GET', path: '/api/2.0/smtpsettings/smtp/test' },
];

/** The seed's "password-collection methods" (5 per minute): the reminder and the change. */
export const PASSWORD_ENDPOINTS: readonly EndpointPattern[] = [
  { method: 'POST', path: '/api/2.0/people/password' },
  { method: 'PUT', path: '/api/2.0/people/{userid}/password' },
];

export type EndpointMatcher = (method: string, path: string) => boolean;

export function endpointMatcher(patterns: readonly EndpointPattern[]): EndpointMatcher {
  const compiled = patterns.map((p) => ({
    method: p.method.toUpperCase(),
    regex: new RegExp(
      `^${p.path
        .split('/')
        .map((segment) => (/^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/')}/?$`,
      'i',
    ),
  }));
  return (method, path) => compiled.some((c) => c.method === method && c.regex.test(path));
}

/** Scales a window; never below 1 ms. */
export function scaleWindow(ms: number, windowScale: number): number {
  return Math.max(1, Math.round(ms * windowScale));
}

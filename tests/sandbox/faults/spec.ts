// Fault descriptions: what the sandbox should break, for which requests and for how long. Given as
// JSON (POST /__sandbox/faults, startSandbox({ faults })) or in the CLI's short form
// (`--fault latency=50..200,method=GET`). Validated here; applied by injector.ts.

export const FAULT_TYPES = [
  'latency',
  'hang',
  'error500',
  'error502',
  'resetBefore',
  'resetAfter',
  'malformedJson',
  'expireTokens',
  'storm503',
  'storm429',
] as const;

export type FaultType = (typeof FAULT_TYPES)[number];

export interface FaultSpec {
  type: FaultType;
  /** Only requests with this method (or one of these). */
  method?: string | string[];
  /** Only requests whose path matches: a glob (`*` one segment's characters, `**` anything),
   *  case-insensitive, or a regular expression when it starts with `^`. */
  path?: string;
  /** Probability (0..1) that a matching request is faulted; default 1. Drawn from a seeded PRNG. */
  share?: number;
  /** Fault at most this many requests, then stop. */
  count?: number;
  /** Active for this long after it was switched on (by the limiter's clock). */
  durationMs?: number;
  /** latency: fixed delay, or random in [minMs, maxMs]. hang: delay before the response (default 35 s). */
  ms?: number;
  minMs?: number;
  maxMs?: number;
  /** error500 / error502: run the handler first (its effect persists), then answer the error. */
  afterHandler?: boolean;
  /** storm503: Retry-After seconds (default 5). storm429: adds Retry-After and X-RateLimit-Reset. */
  retryAfter?: number;
  /** storm429: X-RateLimit-Limit (default 1500). */
  limit?: number;
  /** expireTokens: also refuse API keys (sessions issued before the fault are always refused). */
  apiKeys?: boolean;
  /** expireTokens: answer as the server answers an expired token. By default every route that needs
   *  a user answers the 401 challenge; with `asServer` the [AllowAnonymous] Files routes run as for
   *  an anonymous caller (403 with the error body, `fileops` → []), as DocSpace does. */
  asServer?: boolean;
}

export const DEFAULT_HANG_MS = 35_000;

const NUMBER_FIELDS = ['share', 'count', 'durationMs', 'ms', 'minMs', 'maxMs', 'retryAfter', 'limit'] as const;

export class FaultSpecError extends Error {}

/** Checks a JSON value and returns a clean FaultSpec (unknown fields are an error). */
export function validateFaultSpec(value: unknown): FaultSpec {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new FaultSpecError('A fault must be an object');
  const input = value as Record<string, unknown>;
  const type = input.type;
  if (typeof type !== 'string' || !(FAULT_TYPES as readonly string[]).includes(type)) {
    throw new FaultSpecError(`Unknown fault type "${String(type)}" (one of ${FAULT_TYPES.join(', ')})`);
  }
  const spec: FaultSpec = { type: type as FaultType };
  for (const [key, raw] of Object.entries(input)) {
    if (key === 'type') continue;
    if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
      if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0)
        throw new FaultSpecError(`${key} must be a non-negative number`);
      spec[key as (typeof NUMBER_FIELDS)[number]] = raw;
    } else if (key === 'path') {
      if (typeof raw !== 'string' || raw === '') throw new FaultSpecError('path must be a non-empty string');
      spec.path = raw;
    } else if (key === 'method') {
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.length === 0 || !list.every((m) => typeof m === 'string' && /^[A-Za-z]+$/.test(m))) {
        throw new FaultSpecError('method must be an HTTP method or a list of them');
      }
      spec.method = (list as string[]).map((m) => m.toUpperCase());
    } else if (key === 'afterHandler' || key === 'apiKeys' || key === 'asServer') {
      if (typeof raw !== 'boolean') throw new FaultSpecError(`${key} must be true or false`);
      spec[key] = raw;
    } else {
      throw new FaultSpecError(`Unknown fault field "${key}"`);
    }
  }
  if (spec.share !== undefined && spec.share > 1) throw new FaultSpecError('share must be between 0 and 1');
  if (spec.count !== undefined && !Number.isInteger(spec.count)) throw new FaultSpecError('count must be an integer');
  if ((spec.minMs === undefined) !== (spec.maxMs === undefined))
    throw new FaultSpecError('minMs and maxMs go together');
  if (spec.minMs !== undefined && spec.maxMs !== undefined && spec.minMs > spec.maxMs)
    throw new FaultSpecError('minMs must not exceed maxMs');
  if (spec.type === 'latency' && spec.ms === undefined && spec.minMs === undefined)
    throw new FaultSpecError('latency needs ms or minMs..maxMs');
  if (spec.path?.startsWith('^')) {
    try {
      new RegExp(spec.path, 'i');
    } catch {
      throw new FaultSpecError(`path is not a valid regular expression: ${spec.path}`);
    }
  }
  return spec;
}

/**
 * The CLI form: `type[=value][,key=value...]`. The leading value means:
 *   latency=MS | latency=MIN..MAX; hang=MS; storm503=N / storm429=N (the next N requests);
 *   expireTokens=apiKeys (API keys too); every other type: the share (0..1).
 * Keys: method (GET or GET|POST), path, share, count, durationMs, ms, retryAfter, limit,
 * afterHandler, apiKeys, asServer. Example: `error500=0.1,path=/api/2.0/files/**,method=GET`.
 */
export function parseFaultArg(text: string): FaultSpec {
  const [head = '', ...rest] = text.split(',');
  const eq = head.indexOf('=');
  const type = (eq === -1 ? head : head.slice(0, eq)).trim();
  const value = eq === -1 ? undefined : head.slice(eq + 1).trim();
  const raw: Record<string, unknown> = { type };
  if (value !== undefined && value !== '') {
    if (type === 'latency') {
      const range = /^(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)$/.exec(value);
      if (range) {
        raw.minMs = Number(range[1]);
        raw.maxMs = Number(range[2]);
      } else raw.ms = numberOf('latency', value);
    } else if (type === 'hang') raw.ms = numberOf('hang', value);
    else if (type === 'storm503' || type === 'storm429') raw.count = numberOf(type, value);
    else if (type === 'expireTokens') {
      if (value.toLowerCase() !== 'apikeys') throw new FaultSpecError('expireTokens takes no value but "apiKeys"');
      raw.apiKeys = true;
    } else raw.share = numberOf(type, value);
  }
  for (const part of rest) {
    const at = part.indexOf('=');
    const key = (at === -1 ? part : part.slice(0, at)).trim();
    if (at === -1 && key !== 'afterHandler' && key !== 'apiKeys' && key !== 'asServer')
      throw new FaultSpecError(`Expected key=value in "${part}"`);
    const v = at === -1 ? '' : part.slice(at + 1).trim();
    if (key === 'method') raw.method = v.split('|');
    else if (key === 'path') raw.path = v;
    else if (key === 'afterHandler' || key === 'apiKeys' || key === 'asServer') raw[key] = v === '' || v === 'true';
    else raw[key] = numberOf(key, v);
  }
  return validateFaultSpec(raw);
}

function numberOf(name: string, text: string): number {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) throw new FaultSpecError(`${name}: "${text}" is not a number`);
  return n;
}

/** Glob or `^regex` -> a case-insensitive path test. */
export function pathMatcher(pattern: string | undefined): (path: string) => boolean {
  if (pattern === undefined) return () => true;
  if (pattern.startsWith('^')) {
    const regex = new RegExp(pattern, 'i');
    return (path) => regex.test(path);
  }
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${source}$`, 'i');
  return (path) => regex.test(path);
}

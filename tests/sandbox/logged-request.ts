// What the request log keeps of a request beyond its line: the Authorization *scheme* (never the
// credentials) and the body of JSON and form requests, parsed, with secrets masked and large bodies
// left out, so tests/support/request-validator.ts can check what a client sent against the spec.

/** Longest body (bytes) the log keeps; larger ones are marked `bodyTruncated`. */
export const MAX_LOGGED_BODY = 16 * 1024;
export const MASK = '***';

const SECRET_KEYS =
  /^(password|passwordhash|newpassword|oldpassword|code|code_verifier|client_secret|secret|token|access_token|refresh_token|id_token|apikey|key)$/i;

/**
 * `Authorization: Bearer x` → "Bearer"; a value without a scheme (a bare token) → ""; no header →
 * null. Only the scheme word is ever recorded.
 */
export function authorizationScheme(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*) +\S/.exec(header.trim());
  return match ? (match[1] ?? '') : '';
}

/** Replaces the values of secret-looking properties, at any depth. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>))
    out[key] = SECRET_KEYS.test(key) && typeof v === 'string' ? MASK : maskSecrets(v);
  return out;
}

export interface LoggedBody {
  body?: unknown;
  bodyTruncated?: boolean;
}

/** The loggable form of a body the handler read: JSON or x-www-form-urlencoded only. */
export function loggedBody(contentType: string | undefined, raw: Buffer | undefined): LoggedBody {
  if (!raw || raw.length === 0 || !contentType) return {};
  const json = /json/i.test(contentType);
  const form = /application\/x-www-form-urlencoded/i.test(contentType);
  if (!json && !form) return {};
  if (raw.length > MAX_LOGGED_BODY) return { bodyTruncated: true };
  const text = raw.toString('utf8');
  if (form) return { body: maskSecrets(Object.fromEntries(new URLSearchParams(text))) };
  try {
    return { body: maskSecrets(JSON.parse(text)) };
  } catch {
    // Not JSON after all: keep the (masked-free, because unparsed) text short and say so.
    return { body: text.slice(0, 256), bodyTruncated: text.length > 256 };
  }
}

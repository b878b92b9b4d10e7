import { appError } from '../errors/index.ts';

/** What the background keeps per portal account. Never logged, never synced. */
export type Credentials =
  | { kind: 'apiKey'; apiKey: string }
  /** `loginEventId`: the server's connection this token is, to end it at sign-out (see `ownLoginEvent`). */
  | { kind: 'token'; token: string; expires: string | null; loginEventId?: number };

const API_KEY_PATTERN = /^sk-[0-9a-f]{64}$/;

/** Catches the usual paste mistakes before the portal sees them (a missing prefix, a cut-off key). */
export function checkApiKeyFormat(raw: string): string {
  const key = raw.trim();
  if (!API_KEY_PATTERN.test(key)) throw appError('apiKeyMalformed', {});
  return key;
}

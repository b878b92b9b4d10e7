import { appError } from '../errors/index.ts';

/** An OAuth 2.0 sign-in: the tokens and what is needed to renew them. */
export interface OAuthCredentials {
  kind: 'oauth';
  accessToken: string;
  /** Issued to an app registered with a secret; a PKCE-only app gets none and is signed in again instead. */
  refreshToken?: string;
  /** Epoch ms. */
  expiresAt: number;
  clientId: string;
  clientSecret?: string;
  scopes: string[];
}

/** What the background keeps per portal account. Never logged, never synced. */
export type Credentials =
  | { kind: 'apiKey'; apiKey: string }
  /** `loginEventId`: the server's connection this token is, to end it at sign-out (see `ownLoginEvent`). */
  | { kind: 'token'; token: string; expires: string | null; loginEventId?: number }
  | OAuthCredentials;

const API_KEY_PATTERN = /^sk-[0-9a-f]{64}$/;

/** Catches the usual paste mistakes before the portal sees them (an empty field, a missing prefix, a cut-off key). */
export function checkApiKeyFormat(raw: string): string {
  const key = raw.trim();
  if (key === '') throw appError('apiKeyEmpty', {});
  if (!API_KEY_PATTERN.test(key)) throw appError('apiKeyMalformed', {});
  return key;
}

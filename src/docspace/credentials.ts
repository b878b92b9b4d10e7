import { AppError } from '../errors.ts';

/** What the background keeps per portal account. Never logged, never synced. */
export type Credentials = { kind: 'apiKey'; apiKey: string } | { kind: 'token'; token: string; expires: string | null };

const API_KEY_PATTERN = /^sk-[0-9a-f]{64}$/;

export function authorizationHeader(credentials: Credentials): string {
  return credentials.kind === 'apiKey' ? `Bearer ${credentials.apiKey}` : credentials.token;
}

/** Catches the usual paste mistakes before the portal sees them (a missing prefix, a cut-off key). */
export function checkApiKeyFormat(raw: string): string {
  const key = raw.trim();
  if (!API_KEY_PATTERN.test(key)) {
    throw new AppError({
      code: 'validation',
      message:
        'That does not look like a DocSpace API key: it should start with "sk-" followed by 64 letters and digits. ' +
        'Copy it again from DocSpace > Profile > API keys (it is shown only once, when it is created).',
      retryable: false,
      action: 'none',
    });
  }
  return key;
}

import { describe, expect, it } from 'vitest';
import type { DocSpaceClient } from '../../../src/docspace/client.ts';
import type { OAuthCredentials } from '../../../src/docspace/credentials.ts';
import { appError } from '../../../src/errors/index.ts';
import { OAuthAuth } from '../../../src/sessions/auth-provider.ts';
import { codeFromRedirect } from '../../../src/sessions/oauth.ts';

const NOW = 1_800_000_000_000;

function provider(initial: OAuthCredentials, answer: () => Promise<unknown>) {
  const calls: Array<Record<string, string>> = [];
  const saved: OAuthCredentials[] = [];
  const client = {
    oauthForm: async (_path: string, fields: Record<string, string>) => {
      calls.push(fields);
      return answer();
    },
  } as unknown as DocSpaceClient;
  const auth = new OAuthAuth({
    load: async () => initial,
    save: async (c) => void saved.push(c),
    tokenClient: async () => client,
    now: () => NOW,
  });
  return { auth, calls, saved };
}

const credentials = (over: Partial<OAuthCredentials> = {}): OAuthCredentials => ({
  kind: 'oauth',
  accessToken: 'old',
  refreshToken: 'r1',
  expiresAt: NOW + 3_600_000,
  clientId: 'c',
  clientSecret: 's',
  scopes: ['files:read'],
  ...over,
});

describe('OAuthAuth', () => {
  it('a token the portal refused is renewed once for every request that saw the refusal', async () => {
    const { auth, calls, saved } = provider(credentials(), async () => ({
      access_token: 'new',
      expires_in: 3600,
      refresh_token: 'r2',
    }));
    const answers = await Promise.all([
      auth.refresh('Bearer old'),
      auth.refresh('Bearer old'),
      auth.refresh('Bearer old'),
    ]);
    expect(answers).toEqual([true, true, true]);
    expect(calls).toEqual([{ grant_type: 'refresh_token', refresh_token: 'r1', client_id: 'c', client_secret: 's' }]);
    expect(saved.map((c) => [c.accessToken, c.refreshToken])).toEqual([['new', 'r2']]);
    expect(await auth.header()).toBe('Bearer new');
    // A request that was refused with the old token after the renewal just goes again with the new one.
    expect(await auth.refresh('Bearer old')).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('a refused refresh token, or none, means signing in again', async () => {
    const refused = provider(credentials(), async () => {
      throw appError('oauthRefused', { detail: 'invalid_grant' });
    });
    expect(await refused.auth.refresh('Bearer old')).toBe(false);
    const none = provider(credentials({ refreshToken: undefined }), async () => ({}));
    expect(await none.auth.refresh('Bearer old')).toBe(false);
    expect(none.calls).toEqual([]);
  });

  it('an expired token without a refresh token gives no header: nothing is sent with it', async () => {
    const { auth } = provider(credentials({ refreshToken: undefined, expiresAt: NOW - 1 }), async () => ({}));
    expect(await auth.header()).toBeNull();
  });
});

describe('codeFromRedirect', () => {
  const redirect = 'https://x.chromiumapp.org/';
  it('takes the code only with the state it sent', () => {
    expect(codeFromRedirect(`${redirect}?code=abc&state=s1`, redirect, 's1')).toBe('abc');
    expect(() => codeFromRedirect(`${redirect}?code=abc&state=other`, redirect, 's1')).toThrow(/state_mismatch/);
    expect(() => codeFromRedirect(`https://evil.example/?code=abc&state=s1`, redirect, 's1')).toThrow(
      /invalid_redirect/,
    );
    expect(() => codeFromRedirect(`${redirect}?error=access_denied&state=s1`, redirect, 's1')).toThrow(/oauthDenied/);
    expect(() => codeFromRedirect(`${redirect}?error=invalid_scope&state=s1`, redirect, 's1')).toThrow(/oauthScopes/);
  });
});

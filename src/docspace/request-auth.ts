import type { Credentials } from './credentials.ts';

/**
 * How the client signs a request, and whom it asks when the portal refuses the signature. The header is read
 * at send time (async, so an OAuth token can be refreshed first); what a 401 means is decided by whoever
 * implements `rejected` (the portal session), nowhere else.
 */
export interface RequestAuth {
  /** The Authorization header for the next request, or null when there is no usable sign-in. */
  header(): Promise<string | null>;
  /**
   * The portal answered 401 to a request sent with `sentWith`: 'retry' once new credentials are in place
   * (an OAuth refresh), 'fail' when the account must be signed in again.
   */
  rejected(sentWith: string): Promise<'retry' | 'fail'>;
}

/** The header DocSpace documents for every credential kind: `Bearer sk-…` for keys, `Bearer <token>` for sessions. */
export function authorizationHeader(credentials: Credentials): string {
  switch (credentials.kind) {
    case 'apiKey':
      return `Bearer ${credentials.apiKey}`;
    case 'token':
      return `Bearer ${credentials.token}`;
    case 'oauth':
      return `Bearer ${credentials.accessToken}`;
  }
}

/** Fixed credentials, nothing to refresh: for sign-in checks and tests. */
export function staticAuth(credentials: Credentials | null): RequestAuth {
  return {
    header: async () => (credentials ? authorizationHeader(credentials) : null),
    rejected: async () => 'fail',
  };
}

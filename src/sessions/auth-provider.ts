import type { DocSpaceClient } from '../docspace/client.ts';
import type { Credentials, OAuthCredentials } from '../docspace/credentials.ts';
import { authorizationHeader } from '../docspace/request-auth.ts';
import { refreshTokens } from './oauth.ts';

/**
 * Where a portal session gets its Authorization header. `refresh` is asked once after a 401: an OAuth
 * provider trades its refresh token and says true; a key or a session token cannot be renewed and says false.
 */
export interface AuthProvider {
  header(): Promise<string | null>;
  /** The portal refused `rejected`; true when a new header is ready (the request is sent once more). */
  refresh(rejected: string): Promise<boolean>;
}

/**
 * An API key or a session token from the password sign-in, loaded when first needed. A token past its
 * `expires` date gives no header: the portal would refuse it, so it is not sent.
 */
export class StoredCredentialsAuth implements AuthProvider {
  private cached: Promise<Credentials | null> | undefined;

  constructor(
    private readonly load: () => Promise<Credentials | null>,
    private readonly now: () => number = Date.now,
  ) {}

  async header(): Promise<string | null> {
    this.cached ??= this.load();
    const credentials = await this.cached;
    if (!credentials || isExpired(credentials, this.now())) return null;
    return authorizationHeader(credentials);
  }

  async refresh(): Promise<boolean> {
    return false;
  }
}

export function isExpired(credentials: Credentials, now: number): boolean {
  if (credentials.kind !== 'token' || !credentials.expires) return false;
  const at = Date.parse(credentials.expires);
  return Number.isFinite(at) && at <= now;
}

/** A token this close to its expiry is renewed before it is sent rather than after the portal refuses it. */
const RENEW_MARGIN_MS = 5_000;

export interface OAuthAuthDeps {
  load(): Promise<Credentials | null>;
  save(credentials: OAuthCredentials): Promise<void>;
  /** The anonymous client of the portal's origin: the token endpoint takes no Authorization header. */
  tokenClient(): Promise<DocSpaceClient>;
  now(): number;
}

/**
 * An OAuth sign-in. The refresh token is used once per refused or expiring access token (concurrent requests
 * share the one renewal); when there is none, or the portal refuses it, the account asks to be signed in again.
 */
export class OAuthAuth implements AuthProvider {
  private cached: Promise<OAuthCredentials | null> | undefined;
  private renewing: Promise<OAuthCredentials | null> | null = null;

  constructor(private readonly deps: OAuthAuthDeps) {}

  async header(): Promise<string | null> {
    let credentials = await this.current();
    if (!credentials) return null;
    if (credentials.expiresAt - RENEW_MARGIN_MS <= this.deps.now()) {
      credentials = credentials.refreshToken ? await this.renew(credentials) : null;
      if (!credentials || credentials.expiresAt <= this.deps.now()) return null;
    }
    return authorizationHeader(credentials);
  }

  async refresh(rejected: string): Promise<boolean> {
    const credentials = await this.current();
    if (!credentials) return false;
    // Renewed by another request meanwhile: send again with the new token.
    if (authorizationHeader(credentials) !== rejected) return true;
    if (!credentials.refreshToken) return false;
    return (await this.renew(credentials)) !== null;
  }

  private current(): Promise<OAuthCredentials | null> {
    this.cached ??= this.deps.load().then((c) => (c?.kind === 'oauth' ? c : null));
    return this.cached;
  }

  private renew(credentials: OAuthCredentials): Promise<OAuthCredentials | null> {
    this.renewing ??= (async () => {
      try {
        const renewed = await refreshTokens(await this.deps.tokenClient(), credentials, this.deps.now());
        await this.deps.save(renewed);
        this.cached = Promise.resolve(renewed);
        return renewed;
      } catch {
        // A refused refresh token is spent; a network failure leaves it for the next try.
        return null;
      } finally {
        this.renewing = null;
      }
    })();
    return this.renewing;
  }
}

import type { Credentials } from '../docspace/credentials.ts';
import { authorizationHeader } from '../docspace/request-auth.ts';

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

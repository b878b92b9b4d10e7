import type { PortalId, PortalSummary } from '../protocol/index.ts';

/** What is stored about a portal account. Secrets live under their own key so nothing else ever carries them. */
export type PortalRecord = Omit<PortalSummary, 'status'> & {
  needsSignIn: boolean;
  /** The user signed out (needsSignIn is set too): the account waits for a sign-in, nothing was refused. */
  signedOut?: boolean;
};

export function portalIdOf(origin: string, userId: string): PortalId {
  return `${origin}|${userId}`;
}

/** Site access is granted per scheme and host, every port (extension/platform/origin-pattern.ts): one grant serves both. */
export function sameSiteAccess(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  return x.protocol === y.protocol && x.hostname === y.hostname;
}

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

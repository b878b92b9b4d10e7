import * as v from 'valibot';
import type { PortalId } from './common.ts';
import { command, empty, portalIdSchema, text } from './define.ts';

export type AuthMethod = 'apiKey' | 'password' | 'oauth';
/** signedOut: the user signed out (the account and its settings stay); signInRequired: the portal refused. */
export type PortalStatus = 'signedIn' | 'signInRequired' | 'signedOut' | 'permissionMissing';

/** What the portal told about the API key the account uses (GET keys/@self). */
export interface KeyInfo {
  name: string;
  /** The key's permissions as DocSpace names them; empty means full access. */
  scopes: string[];
  expiresAt: string | null;
}

export interface PortalSummary {
  id: PortalId;
  origin: string;
  /** The portal's own name (greeting settings), shown next to the URL. */
  name: string;
  /** The user's own name for this account, shown instead of the portal's when set. */
  label?: string;
  version: string;
  user: { id: string; displayName: string; email: string };
  authMethod: AuthMethod;
  status: PortalStatus;
  addedAt: string;
  /** Where the credentials are kept: false means until the browser closes. */
  remember?: boolean;
  keyInfo?: KeyInfo;
  /** Scopes granted to an OAuth sign-in. */
  oauthScopes?: string[];
  /** The credentials allow no changes (a read-only key or token): write actions are off and say why. */
  readOnly?: boolean;
}

export interface AppState {
  portals: PortalSummary[];
  activePortalId: PortalId | null;
}

export interface PortalCheck {
  origin: string;
  name: string;
  version: string;
}

/** What removing an account takes with it, shown in the confirmation. */
export interface RemovalImpact {
  runningJobs: number;
  /** Other accounts on the same origin keep the site permission. */
  sharesOrigin: boolean;
}

const url = text(2_000);
/** Absent means remembered (local storage); false keeps them until the browser closes. */
const remember = v.optional(v.boolean());
const signInRequest = v.variant('method', [
  v.object({ url, method: v.literal('apiKey'), apiKey: text(500), remember }),
  v.object({
    url,
    method: v.literal('password'),
    email: text(500),
    password: text(2_000),
    /** The two-factor code, sent after the portal asked for it. */
    code: v.optional(text(20)),
    remember,
  }),
  v.object({
    url,
    method: v.literal('oauth'),
    clientId: text(200),
    /** Given for an app registered as confidential: the portal then issues refresh tokens. */
    clientSecret: v.optional(text(500)),
    remember,
  }),
]);
export type SignInRequest = v.InferOutput<typeof signInRequest>;

export const portalCommands = {
  getState: command<AppState>()(empty),
  checkPortal: command<PortalCheck>()(v.object({ url })),
  signIn: command<PortalSummary>()(signInRequest),
  /** Ends the sign-in (and a password session on the server); the account, its settings and jobs stay. */
  signOut: command<AppState>()(v.object({ portalId: portalIdSchema })),
  /** Removes the account with its credentials, caches, budget, jobs and (unless shared) the site permission. */
  removePortal: command<AppState>()(v.object({ portalId: portalIdSchema })),
  removalImpact: command<RemovalImpact>()(v.object({ portalId: portalIdSchema })),
  renamePortal: command<AppState>()(
    v.object({ portalId: portalIdSchema, label: v.pipe(v.string(), v.trim(), v.maxLength(80)) }),
  ),
  /** Moves the account one place up (-1) or down (+1) in the list and the switcher. */
  movePortal: command<AppState>()(v.object({ portalId: portalIdSchema, by: v.picklist([-1, 1]) })),
  /** The portal the popup shows (from the switcher). */
  setActivePortal: command<AppState>()(v.object({ portalId: portalIdSchema })),
  /** The address to register as the OAuth app's redirect URI. */
  oauthRedirectUrl: command<{ url: string }>()(empty),
};

export interface PortalEvents {
  stateChanged: AppState;
}

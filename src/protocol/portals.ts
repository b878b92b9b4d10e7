import * as v from 'valibot';
import type { PortalId } from './common.ts';
import { command, empty, portalIdSchema, text } from './define.ts';

export type AuthMethod = 'apiKey' | 'password';
export type PortalStatus = 'signedIn' | 'signInRequired' | 'permissionMissing';

export interface PortalSummary {
  id: PortalId;
  origin: string;
  /** The portal's own name (greeting settings), shown next to the URL. */
  name: string;
  version: string;
  user: { id: string; displayName: string; email: string };
  authMethod: AuthMethod;
  status: PortalStatus;
  addedAt: string;
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

const url = text(2_000);
const signInRequest = v.variant('method', [
  v.object({ url, method: v.literal('apiKey'), apiKey: text(500) }),
  v.object({ url, method: v.literal('password'), email: text(500), password: text(2_000) }),
]);
export type SignInRequest = v.InferOutput<typeof signInRequest>;

export const portalCommands = {
  getState: command<AppState>()(empty),
  checkPortal: command<PortalCheck>()(v.object({ url })),
  signIn: command<PortalSummary>()(signInRequest),
  signOut: command<AppState>()(v.object({ portalId: portalIdSchema })),
  /** The portal the popup shows (from the switcher). */
  setActivePortal: command<AppState>()(v.object({ portalId: portalIdSchema })),
};

export interface PortalEvents {
  stateChanged: AppState;
}

/** The DocSpace endpoints of the portal and the account (settings, sign-in, self, sessions). */
import * as v from 'valibot';
import { appError } from '../errors/index.ts';
import type { DocSpaceClient } from './client.ts';
import { authTokenSchema, portalSettingsSchema, selfSchema, type PortalSettingsDto, type SelfDto } from './dto.ts';

export async function getPortalSettings(client: DocSpaceClient): Promise<PortalSettingsDto> {
  return (await client.call('/api/2.0/settings', { schema: portalSettingsSchema, anonymous: true })).data;
}

export interface SessionToken {
  token: string;
  expires: string | null;
}

/**
 * E-mail + password sign-in. With two-factor authentication on, the first answer has no token: the same
 * credentials are sent again with the authenticator app's code (`authentication/{code}`).
 */
export async function authenticate(
  client: DocSpaceClient,
  userName: string,
  password: string,
  code?: string,
): Promise<SessionToken> {
  const path = code ? `/api/2.0/authentication/${encodeURIComponent(code)}` : '/api/2.0/authentication';
  const { data } = await client.call(path, {
    method: 'POST',
    body: code ? { userName, password, code } : { userName, password },
    schema: authTokenSchema,
    anonymous: true,
  });
  if (!data.token) throw appError(data.tfa || data.sms ? 'twoFactorRequired' : 'signInNoToken', {});
  // "0001-01-01T00:00:00" is what DocSpace writes for a session-only token.
  const expires = data.expires && !data.expires.startsWith('0001-') ? data.expires : null;
  return { token: data.token, expires };
}

const ownKeySchema = v.looseObject({
  name: v.optional(v.string(), ''),
  permissions: v.optional(v.nullable(v.array(v.string())), []),
  expiresAt: v.optional(v.nullable(v.string()), null),
});

/** The API key this request is signed with: its name, permissions and expiry (any key may ask). */
export async function getOwnKey(
  client: DocSpaceClient,
): Promise<{ name: string; permissions: string[]; expiresAt: string | null }> {
  const { data } = await client.call('/api/2.0/keys/@self', { schema: ownKeySchema });
  return { name: data.name, permissions: data.permissions ?? [], expiresAt: data.expiresAt ?? null };
}

export async function getSelf(client: DocSpaceClient): Promise<SelfDto> {
  return (await client.call('/api/2.0/people/@self', { schema: selfSchema })).data;
}

const vUnknown = v.unknown();
const activeConnectionsSchema = v.looseObject({
  loginEvent: v.number(),
  items: v.optional(v.array(v.looseObject({ id: v.number() })), []),
});
type ActiveConnections = { loginEvent: number; items: Array<{ id: number }> };

function activeConnections(client: DocSpaceClient) {
  return client.call('/api/2.0/security/activeconnections', {
    schema: activeConnectionsSchema as v.GenericSchema<unknown, ActiveConnections>,
    lane: 'user',
  });
}

/**
 * The login event a password sign-in just made. The server names the current connection only from its cookie
 * (`loginEvent` is 0 for a token in the Authorization header, which is all the worker sends), so the newest of
 * the account's connections, read right after signing in, is taken as this one and kept to end it at sign-out.
 */
export async function ownLoginEvent(client: DocSpaceClient): Promise<number | null> {
  const { data } = await activeConnections(client);
  if (data.loginEvent > 0) return data.loginEvent;
  const ids = data.items.map((item) => item.id).filter((id) => id > 0);
  return ids.length > 0 ? Math.max(...ids) : null;
}

/**
 * Ends this session token on the server. `authentication/logout` only clears the asc_auth_key cookie, which
 * the worker never sends, so it would leave a header token valid: the connection is ended by its login event
 * (the one kept at sign-in, since the server cannot tell a header token's). Returns whether the server ended it.
 */
export async function endSession(client: DocSpaceClient, loginEventId?: number): Promise<boolean> {
  const { data } = await activeConnections(client);
  const id = data.loginEvent > 0 ? data.loginEvent : loginEventId;
  if (!id) return false;
  const { data: ended } = await client.call(`/api/2.0/security/activeconnections/logout/${id}`, {
    method: 'PUT',
    schema: vUnknown,
    lane: 'user',
    idempotent: true,
  });
  return ended === true;
}

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

export async function authenticate(client: DocSpaceClient, userName: string, password: string): Promise<SessionToken> {
  const { data } = await client.call('/api/2.0/authentication', {
    method: 'POST',
    body: { userName, password },
    schema: authTokenSchema,
    anonymous: true,
  });
  if (!data.token) throw appError(data.tfa || data.sms ? 'twoFactorRequired' : 'signInNoToken', {});
  // "0001-01-01T00:00:00" is what DocSpace writes for a session-only token.
  const expires = data.expires && !data.expires.startsWith('0001-') ? data.expires : null;
  return { token: data.token, expires };
}

export async function getSelf(client: DocSpaceClient): Promise<SelfDto> {
  return (await client.call('/api/2.0/people/@self', { schema: selfSchema })).data;
}

const vUnknown = v.unknown();
const activeConnectionsSchema = v.looseObject({ loginEvent: v.number() });

/**
 * Ends this session token on the server. `authentication/logout` only clears the asc_auth_key cookie, which
 * the worker never sends, so it would leave a header token valid: the connection is ended by its login event.
 */
export async function endSession(client: DocSpaceClient): Promise<void> {
  const { data } = await client.call('/api/2.0/security/activeconnections', {
    schema: activeConnectionsSchema as v.GenericSchema<unknown, { loginEvent: number }>,
    lane: 'user',
  });
  await client.call(`/api/2.0/security/activeconnections/logout/${data.loginEvent}`, {
    method: 'PUT',
    schema: vUnknown,
    lane: 'user',
    idempotent: true,
  });
}

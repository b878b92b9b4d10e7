import type { ErrorData, MessageKey } from '../../src/errors/index.ts';

export type FormField = 'url' | 'apiKey' | 'email' | 'password' | 'code' | 'oauth';

/** Which field a sign-in failure is about: its message goes next to that field, which is marked invalid. */
const FIELD_OF: Partial<Record<MessageKey, FormField>> = {
  urlEmpty: 'url',
  urlNotWebAddress: 'url',
  urlBadScheme: 'url',
  urlHasCredentials: 'url',
  urlNoHost: 'url',
  urlPlainHttp: 'url',
  notDocSpace: 'url',
  portalUnreachable: 'url',
  portalRedirected: 'url',
  permissionRefused: 'url',
  permissionMissing: 'url',
  apiKeyEmpty: 'apiKey',
  apiKeyMalformed: 'apiKey',
  apiKeyRejected: 'apiKey',
  apiKeyScopeTooNarrow: 'apiKey',
  credentialsMissing: 'email',
  passwordRejected: 'password',
  twoFactorRequired: 'code',
  twoFactorCodeRejected: 'code',
  oauthClientIdEmpty: 'oauth',
  oauthUnavailable: 'oauth',
  oauthCancelled: 'oauth',
  oauthDenied: 'oauth',
  oauthScopes: 'oauth',
  oauthRefused: 'oauth',
  oauthClientRejected: 'oauth',
};

/** Null: not about one field (the portal is busy, the network is down): shown under the form. */
export function fieldOfError(error: ErrorData): FormField | null {
  return FIELD_OF[error.key] ?? null;
}

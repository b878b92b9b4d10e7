/** What kind of failure it is (the UI's heading) and what the user can do about it (its button). */
export const ERROR_CODES = [
  'invalidUrl',
  'notDocSpace',
  'unreachable',
  'unauthorized',
  'forbidden',
  'notFound',
  'validation',
  'rateLimited',
  'unavailable',
  'server',
  'network',
  'timeout',
  'badResponse',
  'permissionDenied',
  'notSignedIn',
  'tooManyAttempts',
  'twoFactorRequired',
  'cancelled',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type UserAction = 'signIn' | 'openOptions' | 'retry' | 'checkUrl' | 'grantPermission' | 'wait' | 'none';

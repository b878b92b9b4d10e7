/**
 * Every message a user can read about a failure, by key. The background builds errors from a key and its
 * parameters; the page renders `err_<key>` from `_locales`, so the whole sentence follows the UI language.
 * `params` lists the placeholders in order ($1, $2, …); the locales test checks en and ru use each one.
 */
import type { ErrorCode, UserAction } from './codes.ts';

export interface MessageSpec {
  code: ErrorCode;
  action: UserAction;
  retryable: boolean;
  params: readonly string[];
}

const spec = <const P extends readonly string[] = []>(
  code: ErrorCode,
  action: UserAction,
  retryable: boolean,
  params?: P,
): { code: ErrorCode; action: UserAction; retryable: boolean; params: P } => ({
  code,
  action,
  retryable,
  params: (params ?? []) as P,
});

export const ERROR_MESSAGES = {
  // The portal address
  urlEmpty: spec('invalidUrl', 'checkUrl', false),
  urlNotWebAddress: spec('invalidUrl', 'checkUrl', false, ['input']),
  urlBadScheme: spec('invalidUrl', 'checkUrl', false, ['scheme']),
  urlHasCredentials: spec('invalidUrl', 'checkUrl', false),
  urlNoHost: spec('invalidUrl', 'checkUrl', false, ['input']),
  urlPlainHttp: spec('invalidUrl', 'checkUrl', false, ['suggested']),
  notDocSpace: spec('notDocSpace', 'checkUrl', false, ['origin']),
  portalUnreachable: spec('unreachable', 'checkUrl', true, ['origin']),
  // Signing in
  apiKeyEmpty: spec('validation', 'none', false),
  apiKeyMalformed: spec('validation', 'none', false),
  apiKeyScopeTooNarrow: spec('forbidden', 'none', false, ['name', 'scopes']),
  twoFactorCodeRejected: spec('unauthorized', 'none', false),
  oauthClientIdEmpty: spec('validation', 'none', false),
  oauthUnavailable: spec('unauthorized', 'none', false),
  oauthCancelled: spec('cancelled', 'none', false),
  oauthDenied: spec('unauthorized', 'none', false),
  oauthScopes: spec('forbidden', 'none', false, ['scopes']),
  oauthRefused: spec('unauthorized', 'none', false, ['detail']),
  oauthClientRejected: spec('unauthorized', 'none', false),
  readOnlyAccount: spec('forbidden', 'openOptions', false, ['origin']),
  apiKeyRejected: spec('unauthorized', 'none', false),
  passwordRejected: spec('unauthorized', 'none', false),
  credentialsMissing: spec('validation', 'none', false),
  tooManySignInAttempts: spec('tooManyAttempts', 'wait', true),
  twoFactorRequired: spec('twoFactorRequired', 'none', false),
  signInNoToken: spec('badResponse', 'none', false),
  permissionMissing: spec('permissionDenied', 'grantPermission', false, ['origin']),
  permissionRefused: spec('permissionDenied', 'grantPermission', false, ['origin']),
  permissionLost: spec('permissionDenied', 'openOptions', false, ['origin']),
  portalNotInList: spec('notSignedIn', 'openOptions', false),
  signInAgain: spec('unauthorized', 'signIn', false, ['origin']),
  notSignedIn: spec('notSignedIn', 'signIn', false),
  // What the portal answered
  requestInvalid: spec('validation', 'none', false, ['detail']),
  requestInvalidNoDetail: spec('validation', 'none', false),
  sessionRejected: spec('unauthorized', 'signIn', false, ['origin']),
  planRefused: spec('forbidden', 'none', false, ['detail']),
  forbiddenDetail: spec('forbidden', 'none', false, ['detail']),
  forbidden: spec('forbidden', 'none', false),
  notFound: spec('notFound', 'retry', false),
  rateLimited: spec('rateLimited', 'wait', true),
  unavailable: spec('unavailable', 'wait', true),
  serverError: spec('server', 'retry', true, ['status']),
  serverErrorDetail: spec('server', 'retry', true, ['status', 'detail']),
  writeUnconfirmed: spec('server', 'none', false),
  badResponseNotJson: spec('badResponse', 'retry', true, ['origin']),
  badResponseNoEnvelope: spec('badResponse', 'retry', true, ['origin']),
  badResponseField: spec('badResponse', 'retry', true, ['origin', 'field']),
  networkError: spec('network', 'retry', true, ['origin']),
  portalRedirected: spec('badResponse', 'checkUrl', false, ['origin']),
  responseTooLarge: spec('badResponse', 'retry', true, ['origin', 'limit']),
  timeout: spec('timeout', 'retry', true, ['origin']),
  cancelled: spec('cancelled', 'none', false),
  /** The user stopped waiting for a slow view with nothing shown before it. */
  loadingStopped: spec('cancelled', 'retry', true),
  // Inside the extension
  budgetNotRecorded: spec('internal', 'retry', true, ['detail']),
  backgroundNoAnswer: spec('internal', 'retry', true),
  backgroundEmptyAnswer: spec('internal', 'retry', true),
  commandInvalid: spec('validation', 'none', false, ['command', 'detail']),
  internal: spec('internal', 'retry', true, ['detail']),
  storageFailed: spec('internal', 'retry', true, ['detail']),
  /** Words stored by an older version, before messages had keys. */
  legacy: spec('internal', 'none', false, ['detail']),
  operationStuck: spec('server', 'retry', true),
  operationFailed: spec('server', 'retry', true, ['detail']),
  sectionMissing: spec('notFound', 'none', false),
  titleEmpty: spec('validation', 'none', false),
  linkNotAllowed: spec('forbidden', 'none', false),
  downloadsNotAllowed: spec('permissionDenied', 'none', false),
  // Jobs
  jobNotFound: spec('notFound', 'none', false),
  jobNotRetryable: spec('validation', 'none', false),
  jobItemMissing: spec('server', 'retry', true),
  jobDuplicateLeft: spec('server', 'none', false, ['name', 'count']),
  jobDuplicatesRemoved: spec('server', 'none', false, ['count']),
  jobFinished: spec('validation', 'none', false),
  jobRunning: spec('validation', 'none', false),
  uploadFileGone: spec('notFound', 'none', false, ['name']),
  uploadTooLarge: spec('validation', 'none', false, ['name', 'detail']),
  uploadSessionLost: spec('server', 'retry', true, ['name']),
  uploadNothingPicked: spec('validation', 'none', false),
  folderNamesEmpty: spec('validation', 'none', false),
  folderNameTooLong: spec('validation', 'none', false, ['name', 'max']),
  tooManyFolders: spec('validation', 'none', false, ['count', 'max']),
  // Saving from pages
  saveNotSignedIn: spec('notSignedIn', 'openOptions', false),
  saveNoDefaultFolder: spec('notFound', 'openOptions', false),
  saveNeedsAccess: spec('permissionDenied', 'retry', true, ['origin']),
  saveNeedsHttps: spec('validation', 'none', false, ['url']),
  saveCannotReadPage: spec('permissionDenied', 'none', false, ['detail']),
  saveNotWebPage: spec('validation', 'none', false),
  saveNoArticle: spec('validation', 'none', false),
  saveNothingSelected: spec('validation', 'none', false),
  saveUnreachable: spec('unreachable', 'retry', true, ['url']),
  saveFetchRefused: spec('server', 'retry', true, ['url', 'status']),
  savePendingGone: spec('notFound', 'none', false),
  saveDuplicatesRemoved: spec('server', 'none', false, ['count']),
  saveNotConverted: spec('server', 'none', false, ['count', 'detail']),
  // The menu on a portal's pages
  menuNoFile: spec('notFound', 'none', false),
  // Limits
  limitOutOfRange: spec('validation', 'none', false, ['name', 'min', 'max']),
  // Settings files
  settingsFileNotJson: spec('validation', 'none', false),
  settingsFileNotOurs: spec('validation', 'none', false),
  settingsFileTooNew: spec('validation', 'none', false, ['version']),
  settingsFileInvalid: spec('validation', 'none', false, ['detail']),
} as const satisfies Record<string, MessageSpec>;

export type MessageKey = keyof typeof ERROR_MESSAGES;

/** The parameters a message takes, by name: a missing or extra one is a compile error. */
export type MessageParams<K extends MessageKey> = {
  [P in (typeof ERROR_MESSAGES)[K]['params'][number]]: string | number;
};

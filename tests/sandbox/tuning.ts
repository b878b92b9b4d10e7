// Timings and size limits of the emulated portal that tests may change: long operations take a
// realistic time by default (a per-item cost), which a test sets to 0 or a few ms to stay fast; the
// upload session, sign-in token and OAuth token lifetimes can be shortened to test expiry. One mutable object per sandbox
// (`sandbox.tuning`), read at use time.

export interface SandboxTuning {
  /** Time a file operation spends per progress step (file, folder, or item inside a folder).
   *  Default 10 ms: a 200-item move takes about 2 s and is seen in progress over several polls. 0 = instant. */
  fileOperationItemMs: number;
  /** Sliding lifetime of a chunked upload session (ChunkedUploadSessionHolder.SlidingExpiration, 12 h). */
  uploadSessionTtlMs: number;
  /** files:uploader:chunk-size, also FilesSettingsDto.chunkUploadSize. */
  chunkUploadSize: number;
  /** SetupInfo.MaxUploadSize for a simple (non-chunked) upload, 100 MiB. */
  maxUploadSize: number;
  /** SetupInfo.MaxChunkedUploadSize: largest file a chunked session accepts. */
  maxChunkedUploadSize: number;
  /** How long a file conversion (checkconversion, copyas to another format) takes; 0 = at once. */
  conversionMs: number;
  /** Lifetime of a password sign-in token (TenantCookieSettings default: one year). */
  sessionTokenLifetimeMs: number;
  /** OAuth access token lifetime (identity service accessTokenMinutesTTL, 60 min). */
  oauthAccessTokenTtlMs: number;
  /** OAuth refresh token lifetime (refreshTokenDaysTTL, 30 days). */
  oauthRefreshTokenTtlMs: number;
  /** OAuth authorization code lifetime (authorizationCodeMinutesTTL, 1 min). */
  oauthCodeTtlMs: number;
  /** Clock skew the API allows on an access token's `exp` (JwtBearerAuthHandler: 2 min). */
  oauthClockSkewMs: number;
}

export const DEFAULT_TUNING: Readonly<SandboxTuning> = Object.freeze({
  fileOperationItemMs: 10,
  uploadSessionTtlMs: 12 * 60 * 60 * 1000,
  chunkUploadSize: 10 * 1024 * 1024,
  maxUploadSize: 100 * 1024 * 1024,
  maxChunkedUploadSize: 1024 * 1024 * 1024,
  conversionMs: 300,
  sessionTokenLifetimeMs: 365 * 24 * 60 * 60 * 1000,
  oauthAccessTokenTtlMs: 60 * 60 * 1000,
  oauthRefreshTokenTtlMs: 30 * 24 * 60 * 60 * 1000,
  oauthCodeTtlMs: 60 * 1000,
  oauthClockSkewMs: 2 * 60 * 1000,
});

export function createTuning(overrides: Partial<SandboxTuning> = {}): SandboxTuning {
  return { ...DEFAULT_TUNING, ...overrides };
}

/**
 * Errors cross the message boundary as plain data (extension messages are JSON: no Error objects),
 * and are turned back into AppError in the page so UI code can `catch` them like any other error.
 */
export type ErrorCode =
  | 'invalidUrl'
  | 'notDocSpace'
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'validation'
  | 'rateLimited'
  | 'unavailable'
  | 'server'
  | 'network'
  | 'timeout'
  | 'badResponse'
  | 'permissionDenied'
  | 'notSignedIn'
  | 'tooManyAttempts'
  | 'twoFactorRequired'
  | 'cancelled'
  | 'internal';

/** What the user can do about it; the UI turns each into a button or a hint. */
export type UserAction = 'signIn' | 'openOptions' | 'retry' | 'checkUrl' | 'grantPermission' | 'wait' | 'none';

export interface ErrorData {
  name: 'AppError';
  code: ErrorCode;
  message: string;
  retryable: boolean;
  action: UserAction;
  /** HTTP status when the error came from the portal. */
  status?: number;
  /** Seconds to wait, when the portal said so (Retry-After). */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly action: UserAction;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(data: Omit<ErrorData, 'name'>, options?: { cause?: unknown }) {
    super(data.message, options);
    this.code = data.code;
    this.retryable = data.retryable;
    this.action = data.action;
    this.status = data.status;
    this.retryAfterSeconds = data.retryAfterSeconds;
  }

  toData(): ErrorData {
    const data: ErrorData = {
      name: 'AppError',
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      action: this.action,
    };
    if (this.status !== undefined) data.status = this.status;
    if (this.retryAfterSeconds !== undefined) data.retryAfterSeconds = this.retryAfterSeconds;
    return data;
  }

  static fromData(data: ErrorData): AppError {
    return new AppError(data);
  }
}

/** Anything thrown becomes ErrorData; unknown failures are reported, never swallowed. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof AppError) return error.toData();
  const detail = error instanceof Error ? error.message : String(error);
  return {
    name: 'AppError',
    code: 'internal',
    message: `Something went wrong inside the extension (${detail}). Try again; if it keeps happening, reload the extension.`,
    retryable: true,
    action: 'retry',
  };
}

export function isErrorData(value: unknown): value is ErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { name?: unknown }).name === 'AppError' &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

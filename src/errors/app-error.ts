/**
 * Errors cross the message boundary as plain data (extension messages are JSON: no Error objects), and are
 * turned back into AppError in the page so UI code can `catch` them like any other error. The words are not
 * in the data: a message key and its parameters are, and the page renders them from `_locales`.
 */
import { ERROR_MESSAGES, type MessageKey, type MessageParams } from './catalogue.ts';
import type { ErrorCode, UserAction } from './codes.ts';

export type { ErrorCode, UserAction } from './codes.ts';
export type { MessageKey } from './catalogue.ts';

export interface ErrorData {
  name: 'AppError';
  code: ErrorCode;
  /** The catalogue entry: `_locales` holds it as `err_<key>`. */
  key: MessageKey;
  /** Substitutions for the message's placeholders, in order. */
  params: string[];
  retryable: boolean;
  action: UserAction;
  /** HTTP status when the error came from the portal. */
  status?: number;
  /** Seconds to wait, when the portal said so (Retry-After). */
  retryAfterSeconds?: number;
}

export interface ErrorExtras {
  status?: number | undefined;
  retryAfterSeconds?: number | undefined;
  /** Overrides the catalogue's default (a 5xx is worth retrying, a 501 is not). */
  retryable?: boolean;
  cause?: unknown;
}

/** Long server strings are cut here, once, so no view has to cope with a 10,000-character reason. */
export const MAX_PARAM_LENGTH = 300;

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly params: string[];
  readonly retryable: boolean;
  readonly action: UserAction;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(data: Omit<ErrorData, 'name'>, options?: { cause?: unknown }) {
    // The Error message is for logs and tests: the key and its parameters, never a secret (none is a parameter).
    super(data.params.length > 0 ? `${data.key}: ${data.params.join(' | ')}` : data.key, options);
    this.code = data.code;
    this.key = data.key;
    this.params = data.params;
    this.retryable = data.retryable;
    this.action = data.action;
    this.status = data.status;
    this.retryAfterSeconds = data.retryAfterSeconds;
  }

  toData(): ErrorData {
    const data: ErrorData = {
      name: 'AppError',
      code: this.code,
      key: this.key,
      params: [...this.params],
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

/** Builds the error for a catalogue message; its code, action and retryability come from the catalogue. */
export function appError<K extends MessageKey>(key: K, params: MessageParams<K>, extras: ErrorExtras = {}): AppError {
  const spec = ERROR_MESSAGES[key];
  const values = (spec.params as readonly string[]).map((name) =>
    clampParam(String((params as Record<string, string | number>)[name] ?? '')),
  );
  const data: Omit<ErrorData, 'name'> = {
    code: spec.code,
    key,
    params: values,
    retryable: extras.retryable ?? spec.retryable,
    action: spec.action,
  };
  if (extras.status !== undefined) data.status = extras.status;
  if (extras.retryAfterSeconds !== undefined) data.retryAfterSeconds = extras.retryAfterSeconds;
  return new AppError(data, extras.cause === undefined ? undefined : { cause: extras.cause });
}

export function clampParam(value: string): string {
  return value.length > MAX_PARAM_LENGTH ? `${value.slice(0, MAX_PARAM_LENGTH - 1)}…` : value;
}

/** Anything thrown becomes ErrorData; unknown failures are reported, never swallowed. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof AppError) return error.toData();
  const detail = error instanceof Error ? error.message : String(error);
  return appError('internal', { detail }).toData();
}

export function isErrorData(value: unknown): value is ErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<ErrorData>;
  return (
    data.name === 'AppError' &&
    typeof data.code === 'string' &&
    typeof data.key === 'string' &&
    Object.hasOwn(ERROR_MESSAGES, data.key) &&
    Array.isArray(data.params) &&
    data.params.every((p) => typeof p === 'string')
  );
}

export function isAppError(error: unknown, ...codes: ErrorCode[]): error is AppError {
  return error instanceof AppError && (codes.length === 0 || codes.includes(error.code));
}

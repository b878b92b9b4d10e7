import * as v from 'valibot';
import { appError, type AppError } from '../errors/index.ts';
import { errorBodySchema, successEnvelopeSchema, validationProblemSchema } from './dto.ts';

/**
 * Maps a refused or failed HTTP exchange to an AppError that says what happened and what to do.
 * 401/403/429 often come with an empty body, so every branch has a message of its own.
 */
export function errorFromResponse(status: number, bodyText: string, headers: Headers, origin: string): AppError {
  const detail = messageFromBody(bodyText);
  const retryAfterSeconds = parseRetryAfter(headers.get('Retry-After'), Date.now());
  switch (true) {
    case status === 400:
      return detail
        ? appError('requestInvalid', { detail }, { status })
        : appError('requestInvalidNoDetail', {}, { status });
    case status === 401:
      return appError('sessionRejected', { origin }, { status });
    case status === 402:
      return appError('planRefused', { detail: detail ?? 'HTTP 402' }, { status });
    case status === 403:
      return detail && detail !== 'Access denied'
        ? appError('forbiddenDetail', { detail }, { status })
        : appError('forbidden', {}, { status });
    case status === 404:
      return appError('notFound', {}, { status });
    case status === 429:
      return appError('rateLimited', {}, { status, retryAfterSeconds });
    case status === 503:
      return appError('unavailable', {}, { status, retryAfterSeconds });
    default:
      return detail
        ? appError('serverErrorDetail', { status, detail }, { status, retryable: status >= 500 })
        : appError('serverError', { status }, { status, retryable: status >= 500 });
  }
}

/** DocSpace puts the reason in `error.message`, or in a ValidationProblemDetails inside the success envelope. */
export function messageFromBody(bodyText: string): string | undefined {
  if (bodyText.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const error = v.safeParse(errorBodySchema, json);
  if (error.success && error.output.error.message) return error.output.error.message;
  const envelope = v.safeParse(successEnvelopeSchema, json);
  if (envelope.success) {
    const problem = v.safeParse(validationProblemSchema, envelope.output.response);
    if (problem.success) {
      const details = Object.values(problem.output.errors ?? {}).flat();
      return details.length > 0 ? details.join(' ') : problem.output.title;
    }
  }
  return undefined;
}

/** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

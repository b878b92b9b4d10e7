import * as v from 'valibot';
import { AppError } from '../errors.ts';
import { errorBodySchema, successEnvelopeSchema, validationProblemSchema } from './dto.ts';

/**
 * Maps a refused or failed HTTP exchange to an AppError that says what happened and what to do.
 * 401/403/429 often come with an empty body, so every branch has a message of its own.
 */
export function errorFromResponse(status: number, bodyText: string, headers: Headers, origin: string): AppError {
  const serverMessage = messageFromBody(bodyText);
  const retryAfterSeconds = parseRetryAfter(headers.get('Retry-After'), Date.now());
  const withRetry = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
  switch (true) {
    case status === 400:
      return new AppError({
        code: 'validation',
        message: `The portal refused the request: ${serverMessage ?? 'it reported invalid input'}.`,
        retryable: false,
        action: 'none',
        status,
      });
    case status === 401:
      return new AppError({
        code: 'unauthorized',
        message: `${origin} no longer accepts the saved sign-in. Open the options page and sign in again.`,
        retryable: false,
        action: 'signIn',
        status,
      });
    case status === 402:
      return new AppError({
        code: 'forbidden',
        message: `The portal refused because of its plan or quota: ${serverMessage ?? 'payment required'}. Ask the portal owner.`,
        retryable: false,
        action: 'none',
        status,
      });
    case status === 403:
      return new AppError({
        code: 'forbidden',
        message:
          serverMessage && serverMessage !== 'Access denied'
            ? `The portal refused: ${serverMessage}.`
            : 'You do not have access to this item. Ask a room manager for access.',
        retryable: false,
        action: 'none',
        status,
      });
    case status === 404:
      return new AppError({
        code: 'notFound',
        message: 'This item no longer exists or was moved. Go back and refresh the list.',
        retryable: false,
        action: 'retry',
        status,
      });
    case status === 429:
      return new AppError({
        code: 'rateLimited',
        message: 'The portal asked the extension to slow down. It will continue by itself shortly.',
        retryable: true,
        action: 'wait',
        status,
        ...withRetry,
      });
    case status === 503:
      return new AppError({
        code: 'unavailable',
        message: 'The portal is busy or refusing requests for a while. Try again in a moment.',
        retryable: true,
        action: 'wait',
        status,
        ...withRetry,
      });
    default:
      return new AppError({
        code: 'server',
        message: `The portal failed to answer (HTTP ${status}${serverMessage ? `: ${serverMessage}` : ''}). Try again later.`,
        retryable: status >= 500,
        action: 'retry',
        status,
      });
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

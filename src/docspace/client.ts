import * as v from 'valibot';
import { AppError } from '../errors.ts';
import type { Lane, Outcome, RequestExecutor, SendContext } from '../scheduler/request-executor.ts';
import { authorizationHeader, type Credentials } from './credentials.ts';
import { successEnvelopeSchema } from './dto.ts';
import { errorFromResponse } from './http-errors.ts';
import type { SingleFlight } from './single-flight.ts';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

export interface ClientOptions {
  /** The portal origin, e.g. https://team.onlyoffice.com */
  baseUrl: string;
  fetch: FetchLike;
  /** A function is read at send time, so requests queued before a new sign-in go out with the new credentials. */
  credentials: Credentials | null | (() => Credentials | null);
  executor: RequestExecutor;
  /** Chrome kills a service-worker fetch that has no answer after 30 s; stop well before. */
  timeoutMs?: number;
  /** Shared per portal account: identical GETs in flight at once are sent once. */
  singleFlight?: SingleFlight;
}

export interface CallOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: v.GenericSchema<unknown, T>;
  /** Anonymous calls (portal check, sign-in) carry no Authorization header. */
  anonymous?: boolean;
  lane?: Lane;
  signal?: AbortSignal;
  /** A PUT that may be repeated safely (GET and HEAD always may). */
  idempotent?: boolean;
  /** For writes: after a lost answer, did the write happen? Checked before any repeat. */
  checkOutcome?: () => Promise<Outcome<CallResult<T>>>;
  /** A newer call with the same key cancels this one (a newer listing of the same view). */
  supersedeKey?: string;
}

export interface CallResult<T> {
  data: T;
  count: number | undefined;
  total: number | undefined;
}

export const DEFAULT_TIMEOUT_MS = 25_000;

/** A fetch-based DocSpace REST client: the envelope, the error body and the failure modes, nothing else. */
export class DocSpaceClient {
  readonly origin: string;

  constructor(private readonly options: ClientOptions) {
    this.origin = options.baseUrl;
  }

  async call<T>(path: string, options: CallOptions<T>): Promise<CallResult<T>> {
    const method = options.method ?? 'GET';
    const url = buildUrl(this.origin, path, options.query);
    // A caller with its own signal may cancel, so only requests nobody can cancel alone are shared.
    if (method === 'GET' && !options.signal && this.options.singleFlight) {
      return this.options.singleFlight.run(`${options.anonymous ? 'anon' : 'auth'} ${url}`, () =>
        this.schedule(url, method, path, options),
      );
    }
    return this.schedule(url, method, path, options);
  }

  private schedule<T>(url: string, method: string, path: string, options: CallOptions<T>): Promise<CallResult<T>> {
    return this.options.executor.run(
      {
        method,
        path,
        lane: options.lane ?? 'interactive',
        signal: options.signal,
        idempotent: options.idempotent,
        checkOutcome: options.checkOutcome,
        supersedeKey: options.supersedeKey,
      },
      (context) => this.send(url, method, options, context),
    );
  }

  private async send<T>(
    url: string,
    method: string,
    options: CallOptions<T>,
    context: SendContext,
  ): Promise<CallResult<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
    if (!options.anonymous) {
      const credentials =
        typeof this.options.credentials === 'function' ? this.options.credentials() : this.options.credentials;
      if (!credentials) {
        throw new AppError({
          code: 'notSignedIn',
          message: 'You are not signed in to this portal. Open the options page and sign in.',
          retryable: false,
          action: 'signIn',
        });
      }
      headers.Authorization = authorizationHeader(credentials);
    }
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = AbortSignal.any([context.signal, timeout]);
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(url, {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal,
        // The user's own DocSpace cookie must not ride along: it would win over our header on the server.
        credentials: 'omit',
        cache: 'no-store',
      });
      context.observe(response.status, response.headers);
      text = await response.text();
    } catch (error) {
      throw this.transportError(error, context.signal, timeout);
    }
    if (!response.ok) throw errorFromResponse(response.status, text, response.headers, this.origin);
    return parseSuccess(text, options.schema, this.origin);
  }

  private transportError(error: unknown, callerSignal: AbortSignal | undefined, timeout: AbortSignal): AppError {
    if (callerSignal?.aborted) {
      return new AppError(
        { code: 'cancelled', message: 'The request was cancelled.', retryable: false, action: 'none' },
        { cause: error },
      );
    }
    if (timeout.aborted) {
      return new AppError(
        {
          code: 'timeout',
          message: `${this.origin} took too long to answer. Try again in a moment.`,
          retryable: true,
          action: 'retry',
        },
        { cause: error },
      );
    }
    return new AppError(
      {
        code: 'network',
        message: `Could not reach ${this.origin}. Check your connection and that the portal address is right, then try again.`,
        retryable: true,
        action: 'retry',
      },
      { cause: error },
    );
  }
}

function parseSuccess<T>(text: string, schema: v.GenericSchema<unknown, T>, origin: string): CallResult<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw malformed(origin, 'the answer was not JSON');
  }
  const envelope = v.safeParse(successEnvelopeSchema, json);
  if (!envelope.success || !('response' in envelope.output))
    throw malformed(origin, 'the answer had no "response" field');
  const payload = v.safeParse(schema, envelope.output.response);
  if (!payload.success) {
    const issue = payload.issues[0];
    const where = issue?.path?.map((p) => String(p.key)).join('.') ?? 'response';
    throw malformed(origin, `unexpected data at "${where}"`);
  }
  return { data: payload.output, count: envelope.output.count, total: envelope.output.total };
}

function malformed(origin: string, detail: string): AppError {
  return new AppError({
    code: 'badResponse',
    message: `${origin} sent an answer the extension could not read (${detail}). If this is a DocSpace portal, try again later or update the extension.`,
    retryable: true,
    action: 'retry',
  });
}

export function buildUrl(origin: string, path: string, query?: Record<string, QueryValue>): string {
  const url = new URL(path, origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
    else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

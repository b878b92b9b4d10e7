import * as v from 'valibot';
import { AppError, appError } from '../errors/index.ts';
import type { Lane, Outcome, RequestExecutor, SendContext } from '../scheduler/request-executor.ts';
import { successEnvelopeSchema } from './dto.ts';
import { errorFromResponse } from './http-errors.ts';
import type { RequestAuth } from './request-auth.ts';
import type { SingleFlight } from './single-flight.ts';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

export interface ClientOptions {
  /** The portal origin, e.g. https://team.onlyoffice.com */
  baseUrl: string;
  fetch: FetchLike;
  /** Null for a client that only makes anonymous calls (the portal check, the password sign-in). */
  auth: RequestAuth | null;
  executor: RequestExecutor;
  /** Overrides the per-lane deadline (tests); by default a click waits 10 s, background work 25 s. */
  timeoutMs?: number;
  /** Answers larger than this are refused: a listing of 100 entries is a few hundred KB. */
  maxResponseBytes?: number;
  /** Shared per portal account: identical GETs in flight at once are sent once. */
  singleFlight?: SingleFlight;
  /** The account's sign-in allows reading only: a write is refused here, with a message, not by the portal. */
  readOnly?: () => boolean;
}

export interface CallOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** JSON, or a FormData sent as multipart (uploads). */
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

/** Chrome kills a service-worker fetch that has no answer after 30 s; background work stops well before. */
export const DEFAULT_TIMEOUT_MS = 25_000;
/** Someone is looking at a spinner: give up sooner, and retry once rather than three times. */
export const INTERACTIVE_TIMEOUT_MS = 10_000;
export const INTERACTIVE_RETRIES = 1;
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** Marks a 401 after which the session obtained new credentials: the call is scheduled once more. */
const refreshed = new WeakSet<AppError>();

/** A fetch-based DocSpace REST client: the envelope, the error body and the failure modes, nothing else. */
export class DocSpaceClient {
  readonly origin: string;

  constructor(private readonly options: ClientOptions) {
    this.origin = options.baseUrl;
  }

  async call<T>(path: string, options: CallOptions<T>): Promise<CallResult<T>> {
    const method = options.method ?? 'GET';
    if (method !== 'GET' && !options.anonymous && this.options.readOnly?.()) {
      throw appError('readOnlyAccount', { origin: this.origin });
    }
    const url = buildUrl(this.origin, path, options.query);
    const once = (): Promise<CallResult<T>> => this.schedule(url, method, path, options);
    const withRefresh = (): Promise<CallResult<T>> =>
      once().catch((error: unknown) => {
        // A rejected token the session could refresh: the same call goes through the queue once more.
        if (error instanceof AppError && refreshed.has(error)) return once();
        throw error;
      });
    // A caller with its own signal may cancel, so only requests nobody can cancel alone are shared.
    if (method === 'GET' && !options.signal && this.options.singleFlight) {
      return this.options.singleFlight.run(`${options.anonymous ? 'anon' : 'auth'} ${url}`, withRefresh);
    }
    return withRefresh();
  }

  /**
   * A non-JSON answer (a thumbnail, a file's bytes) through the same queue and with the same credentials.
   * `url` must be on the portal; the answer is refused past `maxBytes`.
   */
  async bytes(
    url: string,
    options: { lane?: Lane; signal?: AbortSignal; maxBytes: number },
  ): Promise<{ bytes: Uint8Array; contentType: string }> {
    const target = new URL(url, this.origin);
    if (target.origin !== this.origin) throw appError('portalRedirected', { origin: this.origin });
    return this.options.executor.run(
      { method: 'GET', path: target.pathname, lane: options.lane ?? 'user', signal: options.signal },
      async (context) => {
        const response = await this.exchange(target.toString(), 'GET', undefined, false, options.lane, context);
        const bytes = await readLimitedBytes(response, options.maxBytes, this.origin);
        if (!response.ok) throw errorFromResponse(response.status, '', response.headers, this.origin);
        return { bytes, contentType: response.headers.get('Content-Type') ?? 'application/octet-stream' };
      },
    );
  }

  /**
   * An OAuth server endpoint (token, revoke): an anonymous form POST answered with plain JSON, not the API's
   * envelope, through the same queue. A refusal is an AppError whose detail is the OAuth `error` code.
   */
  async oauthForm<T>(
    path: string,
    fields: Record<string, string>,
    schema: v.GenericSchema<unknown, T>,
    options: { lane?: Lane } = {},
  ): Promise<T> {
    const url = buildUrl(this.origin, path);
    const lane = options.lane ?? 'interactive';
    return this.options.executor.run(
      { method: 'POST', path, lane, maxRetries: lane === 'interactive' ? INTERACTIVE_RETRIES : undefined },
      async (context) => {
        const response = await this.exchange(url, 'POST', new URLSearchParams(fields), true, lane, context);
        const text = await readLimited(response, this.options.maxResponseBytes ?? MAX_RESPONSE_BYTES, this.origin);
        let json: unknown;
        try {
          // Revocation answers 200 with an empty body.
          json = text.trim() === '' ? null : JSON.parse(text);
        } catch {
          throw response.ok
            ? appError('badResponseNotJson', { origin: this.origin })
            : errorFromResponse(response.status, text, response.headers, this.origin);
        }
        if (!response.ok) {
          const code = v.safeParse(v.looseObject({ error: v.string() }), json);
          throw appError('oauthRefused', { detail: code.success ? code.output.error : String(response.status) });
        }
        const parsed = v.safeParse(schema, json);
        if (!parsed.success) throw appError('badResponseField', { origin: this.origin, field: 'token' });
        return parsed.output;
      },
    );
  }

  private schedule<T>(url: string, method: string, path: string, options: CallOptions<T>): Promise<CallResult<T>> {
    const lane = options.lane ?? 'interactive';
    return this.options.executor.run(
      {
        method,
        path,
        lane,
        signal: options.signal,
        idempotent: options.idempotent,
        checkOutcome: options.checkOutcome,
        supersedeKey: options.supersedeKey,
        maxRetries: lane === 'interactive' ? INTERACTIVE_RETRIES : undefined,
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
    const response = await this.exchange(url, method, options.body, options.anonymous === true, options.lane, context);
    let text: string;
    try {
      text = await readLimited(response, this.options.maxResponseBytes ?? MAX_RESPONSE_BYTES, this.origin);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw this.transportError(error, context.signal, undefined);
    }
    if (response.ok) return parseSuccess(text, options.schema, this.origin);
    const error = errorFromResponse(response.status, text, response.headers, this.origin);
    const authorization = this.lastAuthorization.get(response);
    if (response.status === 401 && authorization && this.options.auth) {
      if ((await this.options.auth.rejected(authorization)) === 'retry') refreshed.add(error);
    }
    throw error;
  }

  /** Which header a response was sent with: a 401 is judged against the credentials that were refused. */
  private readonly lastAuthorization = new WeakMap<Response, string>();

  /** One HTTP exchange with the portal: the headers, the deadline, no redirects, no cookies. */
  private async exchange(
    url: string,
    method: string,
    body: unknown,
    anonymous: boolean,
    lane: Lane | undefined,
    context: SendContext,
  ): Promise<Response> {
    // A form (an upload) is sent as multipart: fetch writes its Content-Type with the boundary.
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    const urlEncoded = body instanceof URLSearchParams;
    const headers: Record<string, string> = form
      ? { Accept: 'application/json' }
      : {
          Accept: 'application/json',
          'Content-Type': urlEncoded ? 'application/x-www-form-urlencoded' : 'application/json',
        };
    let authorization: string | null = null;
    if (!anonymous) {
      authorization = (await this.options.auth?.header()) ?? null;
      if (!authorization) throw appError('signInAgain', { origin: this.origin });
      headers.Authorization = authorization;
    }
    // The header may have taken a moment (a token refresh): a caller that gave up meanwhile sends nothing.
    if (context.signal.aborted) throw appError('cancelled', {});
    const deadline =
      this.options.timeoutMs ??
      ((lane ?? 'interactive') === 'interactive' ? INTERACTIVE_TIMEOUT_MS : DEFAULT_TIMEOUT_MS);
    const timeout = AbortSignal.timeout(deadline);
    const signal = AbortSignal.any([context.signal, timeout]);
    let response: Response;
    try {
      response = await this.options.fetch(url, {
        method,
        headers,
        body: form || urlEncoded ? body : body === undefined ? null : JSON.stringify(body),
        signal,
        // The user's own DocSpace cookie must not ride along: it would win over our header on the server.
        credentials: 'omit',
        cache: 'no-store',
        // A redirect could carry the header (or a password) to another origin: the API never redirects.
        redirect: 'manual',
      });
    } catch (error) {
      throw this.transportError(error, context.signal, timeout);
    }
    if (isRedirect(response, this.origin)) {
      void response.body?.cancel().catch(() => undefined);
      throw appError('portalRedirected', { origin: this.origin });
    }
    context.observe(response.status, response.headers);
    if (authorization) this.lastAuthorization.set(response, authorization);
    return response;
  }

  private transportError(
    error: unknown,
    callerSignal: AbortSignal | undefined,
    timeout: AbortSignal | undefined,
  ): AppError {
    if (callerSignal?.aborted) return appError('cancelled', {}, { cause: error });
    if (timeout?.aborted || (error instanceof DOMException && error.name === 'TimeoutError')) {
      return appError('timeout', { origin: this.origin }, { cause: error });
    }
    return appError('networkError', { origin: this.origin }, { cause: error });
  }
}

function parseSuccess<T>(text: string, schema: v.GenericSchema<unknown, T>, origin: string): CallResult<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw appError('badResponseNotJson', { origin });
  }
  const envelope = v.safeParse(successEnvelopeSchema, json);
  if (!envelope.success || !('response' in envelope.output)) {
    throw appError('badResponseNoEnvelope', { origin });
  }
  const payload = v.safeParse(schema, envelope.output.response);
  if (!payload.success) {
    const issue = payload.issues[0];
    const where = issue?.path?.map((p) => String(p.key)).join('.') ?? 'response';
    throw appError('badResponseField', { origin, field: where });
  }
  return { data: payload.output, count: envelope.output.count, total: envelope.output.total };
}

/** A manual redirect is an opaque response in a browser and a plain 3xx in Node; an answer from elsewhere is one too. */
function isRedirect(response: Response, origin: string): boolean {
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) return true;
  if (!response.url) return false;
  try {
    return new URL(response.url).origin !== origin;
  } catch {
    return true;
  }
}

/** Reads the body, refusing it once it grows past `max` (a hostile or broken portal must not fill the worker). */
async function readLimited(response: Response, max: number, origin: string): Promise<string> {
  return new TextDecoder().decode(await readLimitedBytes(response, max, origin));
}

async function readLimitedBytes(response: Response, max: number, origin: string): Promise<Uint8Array> {
  const tooLarge = () => appError('responseTooLarge', { origin, limit: Math.max(1, Math.round(max / 1024 / 1024)) });
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > max) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
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

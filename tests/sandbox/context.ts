// The per-request object handed through the middleware chain to route handlers, and the reply
// value they return. Handlers return data instead of writing to the socket, so that middlewares
// (logging now; the rate limiter and fault injector later) can see, replace or delay any reply.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthOutcome } from './auth.ts';
import type { SandboxStore } from './store.ts';

export interface Reply {
  status: number;
  headers?: Record<string, string | string[]>;
  /** A list of chunks is sent as is (no copy), e.g. cached entry JSON. */
  body?: string | Buffer | readonly Buffer[];
  /** Set by a middleware that wrote to (or destroyed) the socket itself; nothing more is sent. */
  handled?: boolean;
}

/** Query string with ASP.NET semantics: names are case-insensitive, a name may repeat. */
export class QueryParams {
  private readonly values = new Map<string, string[]>();

  constructor(search: URLSearchParams) {
    for (const [name, value] of search) {
      const key = name.toLowerCase();
      const list = this.values.get(key);
      if (list) list.push(value);
      else this.values.set(key, [value]);
    }
  }

  /** First value, or undefined. */
  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase())?.[0];
  }

  getAll(name: string): string[] {
    return this.values.get(name.toLowerCase()) ?? [];
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }
}

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path without the query, as sent (percent-encoded). */
  readonly path: string;
  readonly search: URLSearchParams;
  readonly query: QueryParams;
  /** `http://host:port` as the client addressed us (Host header), used for every absolute URL. */
  readonly origin: string;
  /** Full request URL, as ASP.NET's Request.GetDisplayUrl() (the envelope's links[0].href). */
  readonly displayUrl: string;
  readonly remoteAddress: string;
  readonly startedAt: number;
  readonly now: Date;
  readonly store: SandboxStore;
  /** Route parameters, filled by the router. */
  params: Record<string, string>;
  auth: AuthOutcome;
  /** Name of the middleware that refused the request (e.g. a rate limiter), for the log. */
  refusedBy: string | null;
  /** Free slot for middlewares to pass data along (e.g. a limiter's lease). */
  readonly locals: Map<string, unknown>;
  /** The whole body (read once, memoized). `maxBytes` (default MAX_BODY_BYTES) applies to the first call. */
  readBody(maxBytes?: number): Promise<Buffer>;
  /** Bytes of the request body read so far, or its declared length if unread. */
  bytesIn(): number;
  /** The whole body if a handler has read it, else undefined (the log never forces a read). */
  bodyIfRead(): Buffer | undefined;
}

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function createContext(
  req: IncomingMessage,
  res: ServerResponse,
  store: SandboxStore,
  fallbackHost: string,
  emptyAuth: AuthOutcome,
): RequestContext {
  const rawUrl = req.url ?? '/';
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const search = new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1));
  const host = req.headers.host ?? fallbackHost;
  const origin = `http://${host}`;
  let body: Promise<Buffer> | null = null;
  let bodyRead: Buffer | undefined;
  let bytesRead = 0;

  return {
    req,
    res,
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    search,
    query: new QueryParams(search),
    origin,
    displayUrl: origin + rawUrl,
    remoteAddress: req.socket.remoteAddress ?? '',
    startedAt: performance.now(),
    now: new Date(),
    store,
    params: {},
    auth: emptyAuth,
    refusedBy: null,
    locals: new Map(),
    readBody(maxBytes = MAX_BODY_BYTES) {
      body ??= new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => {
          bytesRead += chunk.length;
          if (bytesRead > maxBytes) {
            reject(new BodyTooLargeError(`Request body over ${maxBytes} bytes`));
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        req.on('end', () => resolve((bodyRead = Buffer.concat(chunks))));
        req.on('error', reject);
      });
      return body;
    },
    bodyIfRead() {
      return bodyRead;
    },
    bytesIn() {
      if (body) return bytesRead;
      const declared = Number(req.headers['content-length'] ?? 0);
      return Number.isFinite(declared) ? declared : 0;
    },
  };
}

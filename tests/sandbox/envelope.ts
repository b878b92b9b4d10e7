// Response bodies as DocSpace's ResponseWrapper writes them (docspace-api.md §2):
// - success: {"response":…,"count":N,"links":[{"href":url,"action":METHOD}],"status":0,"statusCode":200}
//   with null properties omitted (the serializer uses WhenWritingNull);
// - error:   {"error":{"message","type","stack","hresult"},"status":1,"statusCode":N} with nulls kept;
// - model validation: ValidationProblemDetails inside the success envelope with status 1.
import { randomBytes } from 'node:crypto';
import type { Reply, RequestContext } from './context.ts';
import { pruneResponse, requestedFields } from './partial-response.ts';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Already-serialized UTF-8 JSON kept as a list of chunks, spliced into a body verbatim. Lets hot
 *  listings reuse cached entry bytes instead of re-serializing (and re-encoding or even copying) a
 *  hundred DTOs per request: the chunks go to the socket as they are. */
export class RawJson {
  private constructor(
    readonly parts: readonly Buffer[],
    /** What `count` would be for the value: array length, else 1. */
    readonly itemCount: number,
  ) {}

  /** Joins parts (strings or UTF-8 chunks, or other RawJson values) into one value. */
  static concat(parts: ReadonlyArray<string | Buffer | RawJson>, itemCount: number): RawJson {
    const out: Buffer[] = [];
    for (const p of parts) {
      if (typeof p === 'string') out.push(Buffer.from(p, 'utf8'));
      else if (p instanceof RawJson) out.push(...p.parts);
      else out.push(p);
    }
    return new RawJson(out, itemCount);
  }

  /** `[a,b,c]` from already-serialized elements. */
  static array(elements: ReadonlyArray<Buffer | RawJson>): RawJson {
    const parts: Array<Buffer | RawJson> = [OPEN_BRACKET];
    elements.forEach((e, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(e);
    });
    parts.push(CLOSE_BRACKET);
    return RawJson.concat(parts, elements.length);
  }

  toString(): string {
    return Buffer.concat(this.parts).toString('utf8');
  }
}

const OPEN_BRACKET = Buffer.from('[');
const CLOSE_BRACKET = Buffer.from(']');
const COMMA = Buffer.from(',');

/** JSON.stringify that drops nulls, as the API's serializer does (undefined is dropped anyway). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v));
}

function linksJson(ctx: RequestContext): string {
  return `[{"href":${JSON.stringify(ctx.displayUrl)},"action":${JSON.stringify(ctx.method)}}]`;
}

function payloadJson(payload: unknown): { json: string | RawJson | undefined; count: number } {
  if (payload === null || payload === undefined) return { json: undefined, count: 0 };
  if (payload instanceof RawJson) return { json: payload, count: payload.itemCount };
  return { json: toJson(payload), count: Array.isArray(payload) ? payload.length : 1 };
}

const RESPONSE_HEAD = Buffer.from('{"response":', 'utf8');

function jsonReply(statusCode: number, body: string | Buffer | Buffer[], headers?: Record<string, string>): Reply {
  return { status: statusCode, headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers }, body };
}

/** Success envelope. `count` follows SuccessApiResponse unless the handler sets it (ApiContext.SetCount). */
export function ok(
  ctx: RequestContext,
  payload: unknown,
  options: { statusCode?: number; count?: number; total?: number; headers?: Record<string, string> } = {},
): Reply {
  const statusCode = options.statusCode ?? 200;
  const fields = payload === null || payload === undefined ? undefined : requestedFields(ctx.query);
  const shown = fields
    ? pruneResponse(payload instanceof RawJson ? JSON.parse(payload.toString()) : payload, fields)
    : payload;
  const { json, count: natural } = payloadJson(shown);
  // Pruning never changes what `count` counts.
  const count = payload instanceof RawJson ? payload.itemCount : natural;
  const total = options.total !== undefined ? `,"total":${options.total}` : '';
  const tail = `"count":${options.count ?? count}${total},"links":${linksJson(ctx)},"status":0,"statusCode":${statusCode}}`;
  if (json === undefined) return jsonReply(statusCode, `{${tail}`, options.headers);
  if (typeof json === 'string') return jsonReply(statusCode, `{"response":${json},${tail}`, options.headers);
  return jsonReply(statusCode, [RESPONSE_HEAD, ...json.parts, Buffer.from(`,${tail}`, 'utf8')], options.headers);
}

export function errorBody(statusCode: number, message: string, type: string | null): string {
  // Stack traces are off, as on a production portal; `type` still names the exception class.
  return JSON.stringify({ error: { message, type, stack: null, hresult: 0 }, status: 1, statusCode });
}

export function errorReply(statusCode: number, message: string, type: string | null): Reply {
  return jsonReply(statusCode, errorBody(statusCode, message, type));
}

/** W3C trace id as ASP.NET puts into ProblemDetails.traceId. */
function traceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}

export function validationReply(ctx: RequestContext, errors: Record<string, string[]>): Reply {
  const problem = {
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
    title: 'One or more validation errors occurred.',
    status: 400,
    errors,
    traceId: traceId(),
  };
  const body = `{"response":${JSON.stringify(problem)},"count":1,"links":${linksJson(ctx)},"status":1,"statusCode":400}`;
  return jsonReply(400, body);
}

export function emptyReply(statusCode: number, headers: Record<string, string> = {}): Reply {
  return { status: statusCode, headers };
}

// Checks what clients SENT (the sandbox request log) against the official OpenAPI documents, the way
// a validating proxy would: the method and path must be documented (a hidden alias such as
// `GET files/@recent` is not), path and query parameters must match their schemas (an undocumented
// query parameter is reported, `fields` excepted: partial responses work on every route), the
// Authorization header must carry a scheme (`Bearer <token>`, `Basic …`; the server also takes a
// bare token, the spec does not), and a JSON or form body must match the operation's request body.
// Returns a list of violations; an empty list means the request is what the spec describes.
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  convertNullable,
  flattenAllOf,
  isObject,
  OAUTH_SPEC_PATH,
  readSpec,
  SPEC_PATH,
  walkSchemas,
} from './openapi-spec.ts';
import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiParameter } from './openapi-spec.ts';

/** The parts of a sandbox log entry (tests/sandbox/request-log.ts LogEntry) the validator reads. */
/**
 * Query parameters the official documents leave out although the server reads them: oauth.json lists only
 * response_type, client_id, redirect_uri and scope for the authorize page, but the identity service (Spring
 * Authorization Server) takes RFC 6749's state and RFC 7636's PKCE challenge there (docspace-api.md §3.6).
 */
const SUPPLEMENTED_QUERY: Record<string, readonly string[]> = {
  'GET /oauth2/authorize': ['state', 'code_challenge', 'code_challenge_method', 'nonce'],
};

export interface SentRequest {
  seq?: number;
  method: string;
  /** As sent, percent-encoded, without the query. */
  path: string;
  query: Record<string, string | string[]>;
  authorizationScheme: string | null;
  contentType?: string | null;
  bytesIn?: number;
  body?: unknown;
  bodyTruncated?: boolean;
}

export type ViolationKind = 'undocumented-path' | 'undocumented-method' | 'authorization' | 'query' | 'body';

export interface RequestViolation {
  seq?: number;
  method: string;
  path: string;
  kind: ViolationKind;
  message: string;
}

export interface RequestValidatorOptions {
  specPath?: string;
  oauthSpecPath?: string | null;
  /** Requests on these paths are not checked (default: IGNORED_BY_DEFAULT). */
  ignore?: ReadonlyArray<{ path: RegExp; why: string }>;
  /** Query parameters accepted on every route (default: `fields`). */
  globalQuery?: readonly string[];
}

/** Not API operations, so not in the documents (docspace-api.md §6.2, §7, §3.6). */
export const IGNORED_BY_DEFAULT: ReadonlyArray<{ path: RegExp; why: string }> = [
  {
    path: /^\/(?!api\/|oauth2\/)/i,
    why: 'pages and HTTP handlers (filehandler.ashx, ChunkedUploader.ashx, /s/{key}, …)',
  },
  {
    path: /^\/oauth2\/(jwks|userinfo|introspect|revoke|consent|login)$/i,
    why: 'standard OAuth/OIDC endpoints oauth.json leaves out',
  },
];

const SCHEMES = new Set(['bearer', 'basic']);

interface CompiledOperation {
  method: string;
  template: string;
  segments: Array<{ literal: string } | { param: string }>;
  operation: OpenApiOperation;
  docId: string;
}

function toAjvRefs(schema: unknown, docId: string): unknown {
  const copy = structuredClone(schema);
  walkSchemas(copy, (s) => {
    const ref = s['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/')) s['$ref'] = `${docId}${ref}`;
  });
  return copy;
}

function formatErrors(prefix: string, errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${prefix}${e.instancePath || ''} ${e.message ?? e.keyword}`).join('; ');
}

function parseTemplate(template: string): CompiledOperation['segments'] {
  return template
    .split('/')
    .filter(Boolean)
    .map((s) => (/^\{[^}]+\}$/.test(s) ? { param: s.slice(1, -1) } : { literal: s.toLowerCase() }));
}

function decodeSegments(path: string): string[] | null {
  try {
    return path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/**
 * The spec types ApiDateTime as an object ({utcTime, timeZoneOffset}), but the server reads it through its
 * ApiDateTimeConverter from an ISO 8601 string, which is what its own web client sends, and a JSON null as
 * "no date" (a link without expiry). Both are accepted where a request names ApiDateTime.
 */
function acceptDateStrings(schemas: Record<string, unknown>): void {
  const original = schemas['ApiDateTime'];
  if (!isObject(original)) return;
  schemas['ApiDateTime'] = { anyOf: [original, { type: 'string', format: 'date-time' }, { type: 'null' }] };
}

export class RequestValidator {
  private readonly operations: CompiledOperation[] = [];
  private readonly bodyAjv = new Ajv({ strict: false, allErrors: true });
  private readonly paramAjv = new Ajv({ strict: false, allErrors: true, coerceTypes: 'array' });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly ignore: ReadonlyArray<{ path: RegExp; why: string }>;
  private readonly globalQuery: Set<string>;
  private readonly components = new Map<string, Record<string, unknown>>();

  constructor(options: RequestValidatorOptions = {}) {
    this.ignore = options.ignore ?? IGNORED_BY_DEFAULT;
    this.globalQuery = new Set((options.globalQuery ?? ['fields']).map((q) => q.toLowerCase()));
    for (const ajv of [this.bodyAjv, this.paramAjv]) {
      addFormats(ajv);
      ajv.addFormat('date-span', true);
      ajv.addFormat('tel', true);
    }
    this.load(readSpec(options.specPath ?? SPEC_PATH), 'spec');
    const oauth = options.oauthSpecPath === undefined ? OAUTH_SPEC_PATH : options.oauthSpecPath;
    if (oauth) this.load(readSpec(oauth), 'oauth');
  }

  private load(doc: OpenApiDocument, docId: string): void {
    const schemas = structuredClone(doc.components.schemas);
    flattenAllOf(schemas);
    convertNullable(schemas);
    acceptDateStrings(schemas);
    this.components.set(docId, schemas);
    for (const ajv of [this.bodyAjv, this.paramAjv]) ajv.addSchema({ $id: docId, components: { schemas } });
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!isObject(operation)) continue;
        const op = structuredClone(operation);
        convertNullable(op);
        this.operations.push({
          method: method.toUpperCase(),
          template,
          segments: parseTemplate(template),
          operation: op,
          docId,
        });
      }
    }
  }

  private validator(key: string, ajv: Ajv, schema: unknown): ValidateFunction {
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = ajv.compile(schema as JsonSchema);
      this.compiled.set(key, fn);
    }
    return fn;
  }

  /** A parameter value against its schema (strings coerced the way model binding reads them). */
  private checkParam(op: CompiledOperation, p: OpenApiParameter, value: string | string[]): string | null {
    if (!p.schema) return null;
    const fn = this.validator(`${op.docId} ${op.method} ${op.template} ${p.in}:${p.name}`, this.paramAjv, {
      type: 'object',
      properties: { value: toAjvRefs(p.schema, op.docId) },
    });
    const holder = { value: Array.isArray(value) && p.schema['type'] !== 'array' ? value[0] : value };
    return fn(holder) ? null : formatErrors(`${p.in} parameter ${p.name}`, fn.errors).replace(/\/value/g, '');
  }

  /**
   * A query parameter whose schema is an object (ASP.NET's [FromQuery] DTOs: `inDto` of
   * `GET files/fileops/move`) is sent as its properties, OpenAPI's default for query objects
   * (style form, explode true): `?fileIds=…&destFolderId=…`.
   */
  private explode(op: CompiledOperation, p: OpenApiParameter): OpenApiParameter[] {
    const ref = p.schema?.['$ref'];
    const name = typeof ref === 'string' ? ref.split('/').at(-1) : undefined;
    const target = name ? this.components.get(op.docId)?.[name] : p.schema;
    if (!isObject(target) || target['type'] !== 'object' || !isObject(target['properties'])) return [p];
    return Object.entries(target['properties']).map(([prop, schema]) => {
      // A query value is a string: "integer or string" cannot be exclusive once it is read as a number too.
      const { oneOf, ...rest } = schema as JsonSchema;
      return { name: prop, in: 'query', schema: (oneOf ? { ...rest, anyOf: oneOf } : rest) as JsonSchema };
    });
  }

  private matchPath(method: string, path: string): { op?: CompiledOperation; closest?: string; methods: string[] } {
    const segments = decodeSegments(path);
    if (!segments) return { methods: [] };
    const structural = this.operations.filter(
      (o) =>
        o.segments.length === segments.length &&
        o.segments.every((s, i) => !('literal' in s) || s.literal === segments[i]?.toLowerCase()),
    );
    const literalCount = (o: CompiledOperation) => o.segments.filter((s) => 'literal' in s).length;
    structural.sort((a, b) => literalCount(b) - literalCount(a));
    let closest: string | undefined;
    const fitting = structural.filter((o) => {
      const problems = o.segments.flatMap((s, i) => {
        if ('literal' in s) return [];
        const p = o.operation.parameters?.find((x) => x.in === 'path' && x.name === s.param);
        const problem = p ? this.checkParam(o, p, segments[i] ?? '') : null;
        return problem ? [problem] : [];
      });
      if (problems.length > 0 && closest === undefined) closest = `${o.template}: ${problems.join('; ')}`;
      return problems.length === 0;
    });
    const best = literalCount(fitting[0] ?? ({ segments: [] } as unknown as CompiledOperation));
    const sameTemplate = fitting.filter((o) => literalCount(o) === best);
    const op = sameTemplate.find((o) => o.method === method);
    return { ...(op ? { op } : {}), ...(closest ? { closest } : {}), methods: sameTemplate.map((o) => o.method) };
  }

  validate(request: SentRequest): RequestViolation[] {
    const method = request.method.toUpperCase();
    const base = { ...(request.seq !== undefined ? { seq: request.seq } : {}), method, path: request.path };
    if (method === 'OPTIONS' || this.ignore.some((i) => i.path.test(request.path))) return [];
    const out: RequestViolation[] = [];
    const add = (kind: ViolationKind, message: string) => out.push({ ...base, kind, message });

    if (request.authorizationScheme === '')
      add('authorization', 'Authorization header without a scheme: the spec describes "Bearer <token>" (or Basic)');
    else if (request.authorizationScheme !== null && !SCHEMES.has(request.authorizationScheme.toLowerCase()))
      add('authorization', `Authorization scheme "${request.authorizationScheme}" is not one the spec describes`);

    const match = this.matchPath(method, request.path);
    if (!match.op) {
      if (match.methods.length > 0)
        add(
          'undocumented-method',
          `${method} is not documented for this path (documented: ${match.methods.join(', ')})`,
        );
      else
        add(
          'undocumented-path',
          `No documented operation matches ${method} ${request.path}${match.closest ? ` (closest: ${match.closest})` : ''}`,
        );
      return out;
    }
    const op = match.op;
    const params = op.operation.parameters ?? [];
    const queryParams = params.filter((p) => p.in === 'query').flatMap((p) => this.explode(op, p));
    for (const [name, value] of Object.entries(request.query)) {
      const p = queryParams.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!p) {
        if (
          !this.globalQuery.has(name.toLowerCase()) &&
          !SUPPLEMENTED_QUERY[`${method} ${op.template}`]?.includes(name)
        )
          add('query', `undocumented query parameter "${name}" for ${method} ${op.template}`);
        continue;
      }
      const problem = this.checkParam(op, p, value);
      if (problem) add('query', problem);
    }
    for (const p of queryParams)
      if (p.required && !Object.keys(request.query).some((n) => n.toLowerCase() === p.name.toLowerCase()))
        add('query', `required query parameter "${p.name}" is missing`);

    this.checkBody(op, request, add);
    return out;
  }

  private checkBody(
    op: CompiledOperation,
    request: SentRequest,
    add: (kind: ViolationKind, message: string) => void,
  ): void {
    const spec = op.operation.requestBody;
    const sent = (request.bytesIn ?? 0) > 0 || request.body !== undefined;
    if (!spec) return;
    if (!sent) {
      if (spec.required) add('body', `a request body is required by ${op.method} ${op.template}`);
      return;
    }
    const type = (request.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const content = spec.content ?? {};
    const mediaType = Object.keys(content).find(
      (m) => m.toLowerCase() === type || (type.endsWith('+json') && m === 'application/json'),
    );
    if (!mediaType) {
      add('body', `Content-Type "${type || '(none)'}" is not one of ${Object.keys(content).join(', ')}`);
      return;
    }
    const schema = content[mediaType]?.schema;
    if (!schema || request.bodyTruncated || request.body === undefined) return;
    const fn = this.validator(
      `${op.docId} ${op.method} ${op.template} body`,
      this.bodyAjv,
      toAjvRefs(schema, op.docId),
    );
    if (!fn(request.body)) add('body', formatErrors('body', fn.errors));
  }

  validateAll(requests: Iterable<SentRequest>): RequestViolation[] {
    const out: RequestViolation[] = [];
    for (const r of requests) out.push(...this.validate(r));
    return out;
  }
}

let shared: RequestValidator | undefined;

/** One validator per process (loading and converting the documents takes a moment). */
export function requestValidator(): RequestValidator {
  shared ??= new RequestValidator();
  return shared;
}

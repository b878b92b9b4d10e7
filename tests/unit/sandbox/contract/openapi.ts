// Loads the official DocSpace OpenAPI 3.0 document and turns its component schemas into JSON Schema
// that Ajv can compile: `$ref`s stay as they are (the document is registered once under the id
// "spec", so `#/components/schemas/X` resolves inside it), `allOf` inheritance chains are flattened
// (every level says additionalProperties:false, which plain JSON Schema would make unsatisfiable),
// and `nullable` is left to Ajv's built-in OpenAPI keyword. Then the wire exceptions
// (wire-exceptions.ts) rewrite the schemas where the real server differs from the document.
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync } from 'node:fs';
import {
  flattenAllOf,
  isObject,
  OAUTH_SPEC_PATH,
  readSpec,
  REF_PREFIX,
  refName,
} from '../../../support/openapi-spec.ts';
import type { JsonSchema } from '../../../support/openapi-spec.ts';
import {
  ABSENT_FROM_SPEC,
  ERROR_BODY_SCHEMA,
  SCHEMA_OVERRIDES,
  SUCCESS_STATUS_EXCEPTIONS,
  VALIDATION_PROBLEM_BODY_SCHEMA,
  WIRE_EXCEPTIONS,
} from './wire-exceptions.ts';

export { flattenAllOf, SPEC_PATH, specAvailability } from '../../../support/openapi-spec.ts';
export type { SpecAvailability } from '../../../support/openapi-spec.ts';

export interface ExceptionReport {
  id: string;
  changed: number;
}

export interface ContractSpec {
  version: string;
  exceptions: ExceptionReport[];
  /** Validates a response body for `METHOD /api/2.0/...template` and HTTP status. Empty = valid. */
  validate(method: string, template: string, status: number, body: unknown): string[];
  /** The spec has this operation with a JSON response schema for 200. */
  hasOperation(method: string, template: string): boolean;
  /** The spec has this operation at all (with or without a response schema). */
  hasPath(method: string, template: string): boolean;
  operationId(method: string, template: string): string | undefined;
}

function formatErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

let cached: ContractSpec | undefined;

/** Parses, converts and registers the spec once per test worker. */
export function loadContractSpec(): ContractSpec {
  if (cached) return cached;
  const doc = readSpec();
  // The identity service's own document adds /oauth2/* (its components are in api-docs.json too).
  if (existsSync(OAUTH_SPEC_PATH))
    for (const [path, ops] of Object.entries(readSpec(OAUTH_SPEC_PATH).paths)) doc.paths[path] ??= ops;
  const schemas = structuredClone(doc.components.schemas);
  flattenAllOf(schemas);
  const exceptions = WIRE_EXCEPTIONS.map((exception) => ({ id: exception.id, changed: exception.apply(schemas) }));

  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('date-span', /^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d+)?$/);
  ajv.addFormat('tel', true);
  ajv.addSchema({ $id: 'spec', components: { schemas } });

  const compiled = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: JsonSchema): ValidateFunction => {
    let fn = compiled.get(key);
    if (!fn) {
      fn = ajv.compile(schema);
      compiled.set(key, fn);
    }
    return fn;
  };
  const own = new Map([...ABSENT_FROM_SPEC, ...SCHEMA_OVERRIDES].map((a) => [`${a.method} ${a.path}`, a]));
  const otherSuccess = new Set(SUCCESS_STATUS_EXCEPTIONS.map((e) => `${e.method} ${e.path} ${e.status}`));

  /** The documented JSON schema of an answer with this status (the 200 one for other successes). */
  const specSchema = (method: string, template: string, status = 200): JsonSchema | undefined => {
    const responses = doc.paths[template]?.[method.toLowerCase()]?.responses ?? {};
    const documented = responses[String(status)] ? String(status) : status < 400 ? '200' : undefined;
    const content = documented ? responses[documented]?.content : undefined;
    const schema = content?.['application/json']?.schema ?? content?.['application/problem+json']?.schema;
    if (!schema) return undefined;
    const name = refName(schema);
    return name !== undefined ? { $ref: `spec${REF_PREFIX}${name}` } : schema;
  };
  const documentedSuccess = (method: string, template: string, status: number): boolean =>
    doc.paths[template]?.[method.toLowerCase()]?.responses?.[String(status)] !== undefined;

  cached = {
    version: doc.info.version,
    exceptions,
    hasOperation: (method, template) => [200, 201].some((st) => specSchema(method, template, st) !== undefined),
    hasPath: (method, template) => doc.paths[template]?.[method.toLowerCase()] !== undefined,
    operationId: (method, template) => doc.paths[template]?.[method.toLowerCase()]?.operationId,
    validate(method, template, status, body) {
      const key = `${method.toUpperCase()} ${template}`;
      const ownError = status >= 400 ? specSchema(method, template, status) : undefined;
      if (ownError) {
        // The OAuth service documents its errors (Spring ProblemDetail), unlike DocSpace.
        const fn = compile(`${key} ${status}`, ownError);
        return fn(body) ? [] : formatErrors(fn.errors);
      }
      if (status >= 400) {
        const isProblem = isObject(body) && isObject(body['response']);
        const fn = isProblem
          ? compile('#validation', VALIDATION_PROBLEM_BODY_SCHEMA)
          : compile('#error', ERROR_BODY_SCHEMA);
        const errors = fn(body) ? [] : formatErrors(fn.errors);
        if (isObject(body) && body['statusCode'] !== status)
          errors.push(`/statusCode is ${String(body['statusCode'])}, HTTP status ${status}`);
        return errors;
      }
      const statusErrors =
        status === 200 ||
        otherSuccess.has(`${key} ${status}`) ||
        documentedSuccess(method, template, status) ||
        key === 'POST /ChunkedUploader.ashx'
          ? []
          : [`HTTP ${status} is not a documented success status of ${key}`];
      const override = own.get(key);
      if (override) {
        const fn = compile(`#own ${key}`, override.schema);
        return [...statusErrors, ...(fn(body) ? [] : formatErrors(fn.errors))];
      }
      const schema = specSchema(method, template, status);
      if (!schema)
        return [`${key} has no 200 application/json schema in the spec and is not listed in ABSENT_FROM_SPEC`];
      const fn = compile(key, schema);
      const errors = [...statusErrors, ...(fn(body) ? [] : formatErrors(fn.errors))];
      if (isObject(body) && 'statusCode' in body && body['statusCode'] !== status) {
        errors.push(`/statusCode is ${String(body['statusCode'])}, HTTP status ${status}`);
      }
      return errors;
    },
  };
  return cached;
}

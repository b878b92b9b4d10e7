// Loads the official DocSpace OpenAPI 3.0 document and turns its component schemas into JSON Schema
// that Ajv can compile: `$ref`s stay as they are (the document is registered once under the id
// "spec", so `#/components/schemas/X` resolves inside it), `allOf` inheritance chains are flattened
// (every level says additionalProperties:false, which plain JSON Schema would make unsatisfiable),
// and `nullable` is left to Ajv's built-in OpenAPI keyword. Then the wire exceptions
// (wire-exceptions.ts) rewrite the schemas where the real server differs from the document.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  ABSENT_FROM_SPEC,
  ERROR_BODY_SCHEMA,
  SCHEMA_OVERRIDES,
  SUCCESS_STATUS_EXCEPTIONS,
  VALIDATION_PROBLEM_BODY_SCHEMA,
  WIRE_EXCEPTIONS,
} from './wire-exceptions.ts';
import type { JsonSchema } from './wire-exceptions.ts';

/** Relative to the repository root (vitest runs there): the shared folder sits beside it. */
export const SPEC_PATH = path.resolve(process.cwd(), '../shared/docspace-openapi/api-docs.json');

interface OpenApiOperation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

interface OpenApiDocument {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export type SpecAvailability = { available: true } | { available: false; reason: string };

export function specAvailability(): SpecAvailability {
  return existsSync(SPEC_PATH)
    ? { available: true }
    : { available: false, reason: `OpenAPI spec not found at ${SPEC_PATH}; contract tests skipped (CI has it)` };
}

const REF_PREFIX = '#/components/schemas/';

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refName(schema: JsonSchema): string | undefined {
  const ref = schema['$ref'];
  return typeof ref === 'string' && ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
}

/**
 * `allOf: [{$ref: Base}, {properties…}]` is how the generator writes C# inheritance. Merge it into one
 * object schema: properties and required lists are united; the result is closed
 * (additionalProperties:false) when any level was. Refs are followed through the raw components, so
 * a base with derived types (FileEntryBaseDto) contributes its own properties here.
 */
export function flattenAllOf(schemas: Record<string, JsonSchema>): number {
  const flat = new Map<string, JsonSchema>();
  const flatten = (schema: JsonSchema, stack: string[]): JsonSchema => {
    const name = refName(schema);
    if (name !== undefined) {
      const cached = flat.get(name);
      if (cached) return cached;
      const target = schemas[name];
      if (!target || stack.includes(name)) return schema;
      const result = flatten(target, [...stack, name]);
      flat.set(name, result);
      return result;
    }
    const parts = schema['allOf'];
    if (!Array.isArray(parts)) return schema;
    const properties: Record<string, unknown> = {};
    const required = new Set<string>();
    let closed = schema['additionalProperties'] === false;
    for (const part of parts) {
      if (!isObject(part)) continue;
      const resolved = flatten(part, stack);
      Object.assign(properties, resolved['properties'] ?? {});
      for (const r of (resolved['required'] as string[] | undefined) ?? []) required.add(r);
      if (resolved['additionalProperties'] === false) closed = true;
    }
    const { allOf: _allOf, ...rest } = schema;
    for (const r of (schema['required'] as string[] | undefined) ?? []) required.add(r);
    return {
      ...rest,
      type: 'object',
      properties: { ...properties, ...((schema['properties'] as JsonSchema | undefined) ?? {}) },
      ...(required.size > 0 ? { required: [...required] } : {}),
      ...(closed ? { additionalProperties: false } : {}),
    };
  };
  let changed = 0;
  for (const name of Object.keys(schemas)) {
    const schema = schemas[name];
    if (!schema || !Array.isArray(schema['allOf'])) continue;
    schemas[name] = flatten({ $ref: REF_PREFIX + name }, []);
    changed++;
  }
  return changed;
}

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
  const doc = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDocument;
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

  const specSchema = (method: string, template: string): JsonSchema | undefined => {
    const op = doc.paths[template]?.[method.toLowerCase()];
    const schema = op?.responses?.['200']?.content?.['application/json']?.schema;
    if (!schema) return undefined;
    const name = refName(schema);
    return name !== undefined ? { $ref: `spec${REF_PREFIX}${name}` } : schema;
  };

  cached = {
    version: doc.info.version,
    exceptions,
    hasOperation: (method, template) => specSchema(method, template) !== undefined,
    hasPath: (method, template) => doc.paths[template]?.[method.toLowerCase()] !== undefined,
    operationId: (method, template) => doc.paths[template]?.[method.toLowerCase()]?.operationId,
    validate(method, template, status, body) {
      const key = `${method.toUpperCase()} ${template}`;
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
        status === 200 || otherSuccess.has(`${key} ${status}`) || key === 'POST /ChunkedUploader.ashx'
          ? []
          : [`HTTP ${status} is not a documented success status of ${key}`];
      const override = own.get(key);
      if (override) {
        const fn = compile(`#own ${key}`, override.schema);
        return [...statusErrors, ...(fn(body) ? [] : formatErrors(fn.errors))];
      }
      const schema = specSchema(method, template);
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

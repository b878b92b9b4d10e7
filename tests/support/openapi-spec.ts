// The official DocSpace OpenAPI documents (../shared/docspace-openapi: api-docs.json, DocSpace 3.7.0,
// and oauth.json, the identity service) and the conversions every validator here needs before
// JSON Schema tools can use them: `allOf` inheritance flattened (every level says
// additionalProperties:false, which plain JSON Schema would make unsatisfiable), and `nullable`
// turned into a real null alternative (`nullable` without `type` is ignored by Ajv's OpenAPI
// keyword, so such schemas would otherwise check nothing). Used by the sandbox contract tests
// (answers) and by request-validator.ts (what clients send).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A JSON Schema / OpenAPI schema object, loosely typed. */
export type JsonSchema = { [key: string]: unknown };

/** Relative to the repository root (vitest runs there): the shared folder sits beside it. */
export const SPEC_PATH = path.resolve(process.cwd(), '../shared/docspace-openapi/api-docs.json');
export const OAUTH_SPEC_PATH = path.resolve(process.cwd(), '../shared/docspace-openapi/oauth.json');

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  security?: Array<Record<string, string[]>>;
}

export interface OpenApiDocument {
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

export function readSpec(file = SPEC_PATH): OpenApiDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

export const REF_PREFIX = '#/components/schemas/';

export function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function refName(schema: JsonSchema): string | undefined {
  const ref = schema['$ref'];
  return typeof ref === 'string' && ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
}

/** Visits every schema object below (and including) `root`. */
export function walkSchemas(root: unknown, visit: (schema: JsonSchema) => void): void {
  if (Array.isArray(root)) {
    for (const item of root) walkSchemas(item, visit);
    return;
  }
  if (!isObject(root)) return;
  visit(root);
  for (const value of Object.values(root)) walkSchemas(value, visit);
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

/**
 * `nullable: true` → a schema that also accepts null, whatever else it says: with a `type`, null is
 * added to the type list (and to an `enum`); without one (a bare `$ref`, or no constraint at all) it
 * becomes `anyOf: [schema, {type: null}]`. Returns how many schemas it rewrote.
 */
export function convertNullable(root: unknown): number {
  let changed = 0;
  walkSchemas(root, (schema) => {
    if (schema['nullable'] !== true) return;
    delete schema['nullable'];
    changed++;
    const type = schema['type'];
    if (typeof type === 'string' || Array.isArray(type)) {
      const types = Array.isArray(type) ? type : [type];
      if (!types.includes('null')) schema['type'] = [...types, 'null'];
      if (Array.isArray(schema['enum']) && !schema['enum'].includes(null)) schema['enum'] = [...schema['enum'], null];
      return;
    }
    const inner: JsonSchema = { ...schema };
    for (const key of Object.keys(schema)) delete schema[key];
    for (const key of ['description', 'example']) {
      if (key in inner) {
        schema[key] = inner[key];
        delete inner[key];
      }
    }
    schema['anyOf'] = Object.keys(inner).length === 0 ? [{}, { type: 'null' }] : [inner, { type: 'null' }];
  });
  return changed;
}

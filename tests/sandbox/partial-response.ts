// Partial responses: `fields=` prunes the envelope's `response` as DynamicIgnoreConverter does.
// Fields are case-sensitive camelCase names, comma-separated (`fields=files.id,total`) or repeated
// as `fields[]=`. On the response object (or each element of a response list) a property stays
// when a field names it (`total`) or starts with it and a dot (`files.…`); one level down, inside
// `files`, `files.id` keeps `id`, and a bare `files` keeps everything. Dictionaries (`security`,
// `viewAccessibility`, …) are kept or dropped whole: the converter only descends into classes.
import type { QueryParams } from './context.ts';

/** Properties that are C# dictionaries on the server (never pruned inside). */
const DICTIONARIES = new Set([
  'security',
  'viewAccessibility',
  'availableShareRights',
  'shareSettings',
  'accessibility',
  'editingBy',
  'extsConvertible',
  'internalFormats',
]);

/** ApiContext.GetRequestArray("fields"): `fields[]` values, else `fields` (split on commas when single). */
export function requestedFields(query: QueryParams): string[] | undefined {
  const bracket = query.getAll('fields[]');
  if (bracket.length > 0) return bracket;
  const values = query.getAll('fields');
  if (values.length === 0) return undefined;
  if (values.length === 1) return values[0] ? values[0].split(',') : undefined;
  return values;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function writeObject(obj: { [key: string]: Json }, fields: readonly string[], depth: number, full: string): Json {
  const out: { [key: string]: Json } = {};
  for (const [name, value] of Object.entries(obj)) {
    if (value === null) continue;
    let next = full;
    const keep = fields.some((r) => {
      if (r.includes('.')) {
        const check = depth === 1 ? name : `${full}.${name}`;
        const hit = r === check || r === full || r.startsWith(`${check}.`);
        if (hit) next = check;
        return hit;
      }
      const hit = r === (depth === 1 ? name : full);
      if (hit && depth === 1) next = name;
      return hit;
    });
    if (!keep) continue;
    out[name] = DICTIONARIES.has(name) ? value : descend(value, fields, depth + 1, next);
  }
  return out;
}

function descend(value: Json, fields: readonly string[], depth: number, full: string): Json {
  if (Array.isArray(value))
    return value.map((item) => (isObject(item) ? writeObject(item, fields, depth, full) : item));
  return isObject(value) ? writeObject(value, fields, depth, full) : value;
}

/** The `response` value with only the requested fields. */
export function pruneResponse(response: unknown, fields: readonly string[]): unknown {
  return descend(response as Json, fields, 1, '');
}

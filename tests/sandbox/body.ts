// Reads JSON request bodies the way ASP.NET's System.Text.Json input formatter binds them: property
// names case-insensitive, numbers accepted as strings, collected validation errors answered as one
// 400 (ValidationProblemDetails), keyed by the C# property name, prefixed with the request DTO's
// [FromBody] member when the body is one (`File.Title` for UpdateFileRequestDto.File), as
// ASP.NET names ModelState keys after the model path.
import type { RequestContext } from './context.ts';
import { parseEnum } from './enums.ts';
import { ValidationError } from './errors.ts';

type Json = Record<string, unknown>;

export class BodyReader {
  private readonly errors: Record<string, string[]> = {};
  private readonly lower: Map<string, unknown>;

  constructor(
    readonly raw: Json,
    /** The [FromBody] member's name ("File"), or '' for a body bound as the action parameter. */
    private readonly prefix = '',
  ) {
    this.lower = new Map(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
  }

  /** ModelState key of a property: `File.Title`, or `Title` for a top-level body. */
  private key(property: string): string {
    return this.prefix ? `${this.prefix}.${property}` : property;
  }

  /** Raw value of a property (case-insensitive name); null counts as absent. */
  value(name: string): unknown {
    const v = this.lower.get(name.toLowerCase());
    return v === null ? undefined : v;
  }

  has(name: string): boolean {
    return this.value(name) !== undefined;
  }

  fail(property: string, message: string): void {
    (this.errors[property] ??= []).push(message);
  }

  private invalid(name: string, property: string): void {
    this.fail(`$.${name}`, `The JSON value could not be converted to ${property}. Path: $.${name}`);
  }

  /** A string property. `required` ([Required]) also refuses "" as ASP.NET does; `lengthMessage`
   *  is a [StringLength] ErrorMessage. */
  text(
    name: string,
    property: string,
    options: { maxLength?: number; required?: boolean; lengthMessage?: string } = {},
  ): string | undefined {
    const v = this.value(name);
    if (v === undefined || (options.required && v === '')) {
      if (options.required) this.fail(this.key(property), `The ${property} field is required.`);
      return undefined;
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      this.invalid(name, 'System.String');
      return undefined;
    }
    const text = String(v);
    if (options.maxLength !== undefined && text.length > options.maxLength) {
      this.fail(
        this.key(property),
        options.lengthMessage ??
          `The field ${property} must be a string with a maximum length of ${options.maxLength}.`,
      );
    }
    return text;
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.value(name);
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    this.invalid(name, 'System.Boolean');
    return fallback;
  }

  optionalBool(name: string): boolean | undefined {
    return this.has(name) ? this.bool(name, false) : undefined;
  }

  int(name: string): number | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : Number.NaN;
    if (!Number.isSafeInteger(n)) {
      this.invalid(name, 'System.Int64');
      return undefined;
    }
    return n;
  }

  /** Enum by integer or name (case-insensitive). */
  enumValue<T extends Record<string, number>>(values: T, name: string, typeName: string): T[keyof T] | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    const parsed = typeof v === 'number' || typeof v === 'string' ? parseEnum(values, String(v)) : undefined;
    if (parsed === undefined || !Object.values(values).includes(parsed)) {
      this.invalid(name, typeName);
      return undefined;
    }
    return parsed;
  }

  strings(name: string): string[] | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      this.invalid(name, 'System.Collections.Generic.IEnumerable`1[System.String]');
      return undefined;
    }
    return v.filter((x) => x !== null).map(String);
  }

  /** `List<JsonElement>` ids: integers or strings. Non-numeric strings (third-party ids) are kept as text. */
  ids(name: string): Array<number | string> {
    const v = this.value(name);
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.invalid(name, 'System.Collections.Generic.List`1[System.Text.Json.JsonElement]');
      return [];
    }
    const out: Array<number | string> = [];
    for (const item of v) {
      if (typeof item === 'number' && Number.isInteger(item)) out.push(item);
      else if (typeof item === 'string') out.push(/^\d{1,9}$/.test(item) ? Number(item) : item);
    }
    return out;
  }

  /** A JsonElement id (int or string). */
  id(name: string): number | string | undefined {
    const v = this.value(name);
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string') return /^\d{1,9}$/.test(v) ? Number(v) : v;
    return undefined;
  }

  date(name: string): Date | null | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    const d = typeof v === 'string' ? new Date(v) : Number.NaN;
    if (d instanceof Date && !Number.isNaN(d.getTime())) return d;
    this.invalid(name, 'ASC.Api.Core.ApiDateTime');
    return null;
  }

  done(): void {
    if (Object.keys(this.errors).length > 0) throw new ValidationError(this.errors);
  }
}

/**
 * Parses a [FromBody] DTO. An empty body on a required body answers 400 "A non-empty request body is
 * required."; malformed JSON answers 400 with the `$` error and the missing `dtoProperty`.
 */
export async function readJsonBody(
  ctx: RequestContext,
  options: { dtoProperty: string; required?: boolean } = { dtoProperty: 'inDto' },
): Promise<BodyReader> {
  const text = (await ctx.readBody()).toString('utf8');
  // A PascalCase dtoProperty names the [FromBody] member of a request DTO; camelCase, the parameter.
  const prefix = /^[A-Z]/.test(options.dtoProperty) ? options.dtoProperty : '';
  if (text.trim() === '') {
    if (options.required ?? true) throw new ValidationError({ '': ['A non-empty request body is required.'] });
    return new BodyReader({}, prefix);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return new BodyReader(parsed as Json, prefix);
  } catch {
    // fall through to the binding error
  }
  throw new ValidationError({
    $: ['The JSON value could not be converted to the request type. Path: $ | LineNumber: 0 | BytePositionInLine: 0.'],
    [options.dtoProperty]: [`The ${options.dtoProperty} field is required.`],
  });
}

/** Parses an optional JSON body; an absent or non-JSON body reads as `{}` (query-bound actions). */
export async function readOptionalJsonBody(ctx: RequestContext): Promise<BodyReader> {
  const contentType = ctx.req.headers['content-type'] ?? '';
  if (!/json/i.test(contentType)) return new BodyReader({});
  return readJsonBody(ctx, { dtoProperty: 'inDto', required: false });
}

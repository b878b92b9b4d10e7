// Reads query parameters the way ASP.NET model binding does, collecting every error so that a bad
// request gets one 400 with all of them (ValidationProblemDetails.errors), keyed by property name.
import type { QueryParams } from './context.ts';
import { parseEnum } from './enums.ts';
import { ValidationError } from './errors.ts';
import { PORTAL } from './portal-config.ts';

const INT32 = /^\s*[+-]?\d+\s*$/;

export class QueryReader {
  private readonly errors: Record<string, string[]> = {};

  constructor(readonly query: QueryParams) {}

  private fail(property: string, message: string): void {
    (this.errors[property] ??= []).push(message);
  }

  private invalid(property: string, raw: string): void {
    this.fail(property, `The value '${raw}' is not valid for ${property}.`);
  }

  /** Trimmed text, or undefined when absent or empty (empty binds as "not given"). */
  text(name: string): string | undefined {
    const raw = this.query.get(name);
    return raw === undefined || raw.trim() === '' ? undefined : raw;
  }

  int(name: string, property: string, options: { fallback: number; min?: number; max?: number }): number {
    const raw = this.text(name);
    if (raw === undefined) return options.fallback;
    const value = INT32.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value > 2_147_483_647 || value < -2_147_483_648) {
      this.invalid(property, raw);
      return options.fallback;
    }
    const { min, max } = options;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      this.fail(property, `The field ${property} must be between ${min} and ${max}.`);
      return options.fallback;
    }
    return value;
  }

  bool(name: string, property: string, fallback: boolean): boolean {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    const lower = raw.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    this.invalid(property, raw);
    return fallback;
  }

  enumValue<T extends Record<string, number>>(values: T, name: string, property: string): T[keyof T] | undefined {
    const raw = this.text(name);
    if (raw === undefined) return undefined;
    const value = parseEnum(values, raw);
    if (value === undefined) this.invalid(property, raw);
    return value;
  }

  /** Repeated parameter (`type=1&type=EditingRoom`); also accepts comma-separated values. */
  enumList<T extends Record<string, number>>(values: T, name: string, property: string): Array<T[keyof T]> {
    const out: Array<T[keyof T]> = [];
    for (const raw of this.query.getAll(name).flatMap((v) => v.split(','))) {
      if (raw.trim() === '') continue;
      const value = parseEnum(values, raw);
      if (value === undefined) this.invalid(property, raw);
      else out.push(value);
    }
    return out;
  }

  /** `startIndex` (offset, negative treated as 0) and `count` (1..100, default 100). */
  paging(): { startIndex: number; count: number } {
    const startIndex = Math.max(0, this.int('startIndex', 'StartIndex', { fallback: 0 }));
    const count = this.int('count', 'Count', { fallback: PORTAL.defaultCount, min: 1, max: PORTAL.maxCount });
    return { startIndex, count };
  }

  /** Throws the collected errors as one ValidationError. */
  done(): void {
    if (Object.keys(this.errors).length > 0) throw new ValidationError(this.errors);
  }
}

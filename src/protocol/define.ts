import * as v from 'valibot';

/**
 * A command is its request schema (checked in the background before any handler runs: the payload came over
 * a message channel) and a phantom response type. The name is the key it is declared under: no list to keep.
 */
export interface CommandDef<Request, Response> {
  readonly request: v.GenericSchema<unknown, Request>;
  /** Type-only: never set at run time. */
  readonly response?: Response;
}

export function command<Response>() {
  return <S extends v.GenericSchema<unknown, unknown>>(request: S): CommandDef<v.InferOutput<S>, Response> => ({
    request: request as v.GenericSchema<unknown, v.InferOutput<S>>,
  });
}

/** A command that takes nothing. */
export const empty = v.object({});

export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const portalIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(600));
/** DocSpace ids are integers for its own storage and strings for third-party storage. */
export const entryIdSchema = v.union([
  v.pipe(v.number(), v.integer(), v.minValue(0)),
  v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
]);
export const pageRequestEntries = {
  startIndex: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000))),
  /** 1..100, as DocSpace allows. */
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
};

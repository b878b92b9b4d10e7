// `--data DIR`: the store survives restarts. Every own field of the SandboxStore (public or
// private, whatever the route modules add later) is written to DIR/store.json as a generic graph
// encoding: Maps, Sets, arrays, plain objects, Dates, numbers, strings, booleans, null; objects
// reachable twice (e.g. an API key record held by two indexes) are written once and referenced, so
// they stay one object after a restore. Buffers (uploaded bytes) go to DIR/blobs/<sha256>.
// Functions and fields whose name contains "cache" are skipped. Writes are debounced and atomic
// (write to a temporary file, then rename); close() writes the final state.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NamedMiddleware } from './pipeline.ts';
import type { SandboxStore } from './store.ts';

export const SNAPSHOT_FILE = 'store.json';
export const BLOB_DIR = 'blobs';
const FORMAT = 1;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Snapshot {
  format: number;
  savedAt: string;
  seed: string;
  fields: Record<string, Json>;
}

const SKIP = Symbol('skip');

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isBytes(value: object): value is Uint8Array {
  return value instanceof Uint8Array;
}

function skippedField(name: string, value: unknown): boolean {
  return typeof value === 'function' || /cache/i.test(name);
}

/** Objects reached more than once get an id. */
function findShared(roots: unknown[]): Set<object> {
  const seen = new Set<object>();
  const shared = new Set<object>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || value instanceof Date || isBytes(value)) return;
    if (seen.has(value)) {
      shared.add(value);
      return;
    }
    seen.add(value);
    if (value instanceof Map) {
      for (const [k, v] of value) {
        visit(k);
        visit(v);
      }
    } else if (value instanceof Set || Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (!(value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise)) {
      for (const v of Object.values(value)) visit(v);
    }
  };
  roots.forEach(visit);
  return shared;
}

class Encoder {
  private readonly ids = new Map<object, number>();
  private nextId = 1;
  readonly blobs = new Map<string, Uint8Array>();

  constructor(
    private readonly shared: Set<object>,
    private readonly hashes: WeakMap<Uint8Array, string>,
  ) {}

  encode(value: unknown): Json | typeof SKIP {
    if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
    if (value === undefined) return { $undefined: true };
    if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
    if (typeof value === 'bigint') return { $bigint: value.toString() };
    if (typeof value !== 'object') return SKIP; // functions, symbols
    if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? null : value.toISOString() };
    if (isBytes(value)) {
      let hash = this.hashes.get(value);
      if (!hash) {
        hash = createHash('sha256').update(value).digest('hex');
        this.hashes.set(value, hash);
      }
      this.blobs.set(hash, value);
      return { $blob: hash, $buffer: Buffer.isBuffer(value) };
    }
    if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise) return SKIP;
    const known = this.ids.get(value);
    if (known !== undefined) return { $ref: known };
    let id: number | undefined;
    if (this.shared.has(value)) {
      id = this.nextId++;
      this.ids.set(value, id);
    }
    const withId = (body: Record<string, Json>): Json => (id === undefined ? body : { $id: id, ...body });
    if (value instanceof Map) {
      const pairs: Json[] = [];
      for (const [k, v] of value) {
        const ek = this.encode(k);
        const ev = this.encode(v);
        if (ek !== SKIP && ev !== SKIP) pairs.push([ek, ev]);
      }
      return withId({ $map: pairs });
    }
    if (value instanceof Set) return withId({ $set: this.encodeList([...value]) });
    if (Array.isArray(value)) {
      const items = this.encodeList(value);
      return id === undefined ? items : { $id: id, $array: items };
    }
    const fields: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value)) {
      const ev = this.encode(v);
      if (ev !== SKIP) fields[key.startsWith('$') ? `$${key}` : key] = ev;
    }
    // Plain objects are written as objects; anything else (a class instance) as its own fields too.
    return id === undefined ? fields : { $id: id, $object: fields };
  }

  private encodeList(values: unknown[]): Json[] {
    return values.map((v) => {
      const e = this.encode(v);
      return e === SKIP ? { $undefined: true } : e;
    });
  }
}

class Decoder {
  private readonly ids = new Map<number, unknown>();

  constructor(private readonly blob: (hash: string, asBuffer: boolean) => Uint8Array) {}

  decode(value: Json): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.decode(v));
    const id = typeof value.$id === 'number' ? value.$id : undefined;
    const register = <T>(made: T): T => {
      if (id !== undefined) this.ids.set(id, made);
      return made;
    };
    if ('$ref' in value) return this.ids.get(value.$ref as number);
    if ('$undefined' in value) return undefined;
    if ('$number' in value) return Number(value.$number);
    if ('$bigint' in value) return BigInt(value.$bigint as string);
    if ('$date' in value) return value.$date === null ? new Date(Number.NaN) : new Date(value.$date as string);
    if ('$blob' in value) return this.blob(value.$blob as string, value.$buffer !== false);
    if ('$map' in value) {
      const map = register(new Map<unknown, unknown>());
      for (const pair of value.$map as Json[][]) map.set(this.decode(pair[0]!), this.decode(pair[1]!));
      return map;
    }
    if ('$set' in value) {
      const set = register(new Set<unknown>());
      for (const item of value.$set as Json[]) set.add(this.decode(item));
      return set;
    }
    if ('$array' in value) {
      const array = register([] as unknown[]);
      for (const item of value.$array as Json[]) array.push(this.decode(item));
      return array;
    }
    const fields = ('$object' in value ? value.$object : value) as Record<string, Json>;
    const object = register({} as Record<string, unknown>);
    for (const [key, v] of Object.entries(fields)) object[key.startsWith('$$') ? key.slice(1) : key] = this.decode(v);
    return object;
  }
}

/** Copies decoded fields onto an existing object, keeping class instances (and their methods). */
function restoreInto(target: Record<string, unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    const current = target[key];
    const isInstance =
      current !== null &&
      typeof current === 'object' &&
      !isPlainObject(current) &&
      !(
        current instanceof Map ||
        current instanceof Set ||
        Array.isArray(current) ||
        current instanceof Date ||
        isBytes(current)
      );
    if (isInstance && value !== null && typeof value === 'object' && isPlainObject(value)) {
      restoreInto(current as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      target[key] = value;
    }
  }
}

export interface PersistenceOptions {
  dir: string;
  store: SandboxStore;
  /** Recorded in the snapshot, reported on restore. */
  seed: string;
  /** Quiet time before a write (default 200 ms); a busy server still writes every `maxDelayMs`
   *  (default 2 s). Both grow with the time a save takes (5x and 20x), to keep saving under 5%. */
  debounceMs?: number;
  maxDelayMs?: number;
}

export interface RestoreResult {
  restored: boolean;
  seed?: string;
  savedAt?: string;
}

export class StorePersistence {
  readonly dir: string;
  private readonly store: SandboxStore;
  private readonly seed: string;
  private readonly debounceMs: number;
  private readonly maxDelayMs: number;
  private readonly hashes = new WeakMap<Uint8Array, string>();
  private readonly writtenBlobs = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private firstPendingAt = 0;
  private savedVersion = -1;
  private closed = false;
  /** Duration of the last save: a big store (the large seed: ~4 MB, ~0.2 s) is saved less often. */
  private lastSaveMs = 0;
  /** Catches writes made outside a request (a file operation finishing on a timer). */
  private readonly watcher: NodeJS.Timeout;
  readonly middleware: NamedMiddleware;

  constructor(options: PersistenceOptions) {
    this.dir = options.dir;
    this.store = options.store;
    this.seed = options.seed;
    this.debounceMs = options.debounceMs ?? 200;
    this.maxDelayMs = options.maxDelayMs ?? 2_000;
    mkdirSync(join(this.dir, BLOB_DIR), { recursive: true });
    this.watcher = setInterval(() => {
      if (this.savedVersion >= 0 && this.store.version !== this.savedVersion && !this.timer) this.scheduleSave();
    }, 1_000);
    this.watcher.unref();
    this.middleware = {
      name: 'persistence',
      handle: async (ctx, next) => {
        const version = this.store.version;
        try {
          return await next();
        } finally {
          const readOnly = ctx.method === 'GET' || ctx.method === 'HEAD' || ctx.method === 'OPTIONS';
          if (!readOnly || this.store.version !== version) this.scheduleSave();
        }
      },
    };
  }

  get snapshotPath(): string {
    return join(this.dir, SNAPSHOT_FILE);
  }

  /** Loads DIR/store.json into the store, if there is one. */
  restore(): RestoreResult {
    if (!existsSync(this.snapshotPath)) return { restored: false };
    const snapshot = JSON.parse(readFileSync(this.snapshotPath, 'utf8')) as Snapshot;
    if (snapshot.format !== FORMAT)
      throw new Error(`${this.snapshotPath}: unknown snapshot format ${String(snapshot.format)}`);
    const decoder = new Decoder((hash, asBuffer) => {
      const bytes = readFileSync(join(this.dir, BLOB_DIR, hash));
      this.hashes.set(bytes, hash);
      this.writtenBlobs.add(hash);
      return asBuffer ? bytes : new Uint8Array(bytes);
    });
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(snapshot.fields)) fields[key] = decoder.decode(value);
    const versionBefore = this.store.version;
    restoreInto(this.store as unknown as Record<string, unknown>, fields);
    // Strictly above any version this store object has had: every per-version cache is stale.
    this.store.version = Math.max(versionBefore, typeof fields.version === 'number' ? fields.version : 0) + 1;
    this.savedVersion = this.store.version;
    return { restored: true, seed: snapshot.seed, savedAt: snapshot.savedAt };
  }

  scheduleSave(): void {
    if (this.closed) return;
    const now = Date.now();
    if (this.timer) {
      if (now - this.firstPendingAt >= Math.max(this.maxDelayMs, 20 * this.lastSaveMs)) return; // let the pending write happen
      clearTimeout(this.timer);
    } else {
      this.firstPendingAt = now;
    }
    const debounce = Math.max(this.debounceMs, 5 * this.lastSaveMs);
    const maxDelay = Math.max(this.maxDelayMs, 20 * this.lastSaveMs);
    const wait = Math.max(0, Math.min(debounce, this.firstPendingAt + maxDelay - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.saveNow();
    }, wait);
    this.timer.unref();
  }

  /** Writes the snapshot now (synchronously) and the blobs it needs; drops blobs no longer used. */
  saveNow(): void {
    const started = performance.now();
    const roots: Array<[string, unknown]> = Object.entries(this.store).filter(
      ([key, value]) => !skippedField(key, value),
    );
    const encoder = new Encoder(findShared(roots.map(([, v]) => v)), this.hashes);
    const fields: Record<string, Json> = {};
    for (const [key, value] of roots) {
      const encoded = encoder.encode(value);
      if (encoded !== SKIP) fields[key] = encoded;
    }
    for (const [hash, bytes] of encoder.blobs) {
      if (this.writtenBlobs.has(hash)) continue;
      const path = join(this.dir, BLOB_DIR, hash);
      if (!existsSync(path)) writeAtomic(path, bytes);
      this.writtenBlobs.add(hash);
    }
    const snapshot: Snapshot = { format: FORMAT, savedAt: new Date().toISOString(), seed: this.seed, fields };
    writeAtomic(this.snapshotPath, JSON.stringify(snapshot));
    this.savedVersion = this.store.version;
    for (const name of readdirSync(join(this.dir, BLOB_DIR))) {
      if (/^[0-9a-f]{64}$/.test(name) && !encoder.blobs.has(name)) {
        rmSync(join(this.dir, BLOB_DIR, name), { force: true });
        this.writtenBlobs.delete(name);
      }
    }
    this.lastSaveMs = performance.now() - started;
  }

  /** Writes a pending snapshot now; later changes are no longer saved. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.watcher);
    const pending = this.timer !== null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (pending || this.store.version !== this.savedVersion) this.saveNow();
  }
}

function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * How one stored item is declared: where it lives, how it is keyed, its version and the migrations that
 * bring an older value up to it, and what signing out of a portal or removing it does to it. Only
 * `schema.ts` declares items; everything else reads and writes through `TypedStorage` with these handles.
 */
/**
 * local: storage.local (outlives the worker and the browser); session: storage.session (the worker's restarts,
 * not the browser's); secure: the extension's own IndexedDB, which no content script can read (storage.local
 * can be read by any content script the extension will ever have).
 */
export type AreaName = 'local' | 'session' | 'secure';

/** keep: untouched; delete: removed; a function: the value it returns is stored (undefined removes it). */
export type Fate<T> = 'keep' | 'delete' | ((value: T) => T | undefined);

/** A migration turns the value stored at version n-1 into version n (the key of the record it is under). */
export type Migration = (value: unknown) => unknown;

interface ItemBase<T> {
  /** Names the item in the versions record; stable forever. */
  readonly name: string;
  readonly area: AreaName;
  /** The item lived in another area before `version`: migrating to it moves the values over. */
  readonly movedFrom?: { readonly area: AreaName; readonly version: number };
  readonly version: number;
  readonly fallback: () => T;
  readonly migrations: Readonly<Record<number, Migration>>;
}

/** One key. */
export interface GlobalItem<T> extends ItemBase<T> {
  readonly scope: 'global';
  readonly key: string;
}

/** One key per portal account (`prefix/<portalId>`): what signing out and removing the portal do to it. */
export interface PortalItem<T> extends ItemBase<T> {
  readonly scope: 'portal';
  readonly prefix: string;
  readonly onSignOut: Fate<T>;
  readonly onRemove: Fate<T>;
}

/** One key per record of a collection (`prefix/<id>`), e.g. jobs; `portalOf` tells whose record it is. */
export interface RecordItem<T> extends ItemBase<T> {
  readonly scope: 'record';
  readonly prefix: string;
  readonly portalOf: (value: T) => string | undefined;
  readonly onRemove: Fate<T>;
}

export type AnyItem = GlobalItem<never> | PortalItem<never> | RecordItem<never>;
export type KeyedItem<T> = PortalItem<T> | RecordItem<T>;

/** What finding an item's key needs, whatever its value type. */
export type ItemAddress =
  | { readonly scope: 'global'; readonly name: string; readonly area: AreaName; readonly key: string }
  | { readonly scope: 'portal' | 'record'; readonly name: string; readonly area: AreaName; readonly prefix: string };

interface Options<T> {
  area?: AreaName;
  movedFrom?: { area: AreaName; version: number };
  version?: number;
  fallback: () => T;
  migrations?: Record<number, Migration>;
}

export function globalItem<T>(name: string, key: string, options: Options<T>): GlobalItem<T> {
  return { ...base(name, options), scope: 'global', key };
}

export function portalItem<T>(
  name: string,
  prefix: string,
  options: Options<T> & { onSignOut: Fate<T>; onRemove: Fate<T> },
): PortalItem<T> {
  return { ...base(name, options), scope: 'portal', prefix, onSignOut: options.onSignOut, onRemove: options.onRemove };
}

export function recordItem<T>(
  name: string,
  prefix: string,
  options: Options<T> & { portalOf: (value: T) => string | undefined; onRemove: Fate<T> },
): RecordItem<T> {
  return { ...base(name, options), scope: 'record', prefix, portalOf: options.portalOf, onRemove: options.onRemove };
}

export function keyOf(item: ItemAddress, id?: string): string {
  if (item.scope === 'global') return item.key;
  if (id === undefined || id === '') throw new Error(`${item.name} needs an id`);
  return `${item.prefix}/${id}`;
}

function base<T>(name: string, options: Options<T>) {
  return {
    name,
    area: options.area ?? 'local',
    ...(options.movedFrom ? { movedFrom: options.movedFrom } : {}),
    version: options.version ?? 1,
    fallback: options.fallback,
    migrations: options.migrations ?? {},
  } as const;
}

import { appError } from '../errors/index.ts';
import {
  keyOf,
  type AnyItem,
  type AreaName,
  type Fate,
  type GlobalItem,
  type ItemAddress,
  type KeyedItem,
} from './item.ts';
import type { StorageArea } from './storage-area.ts';

export type Areas = Record<AreaName, StorageArea>;

/** Which version of each item the stored data has. Data written before the schema existed is version 1. */
export const VERSIONS_KEY = 'schema/versions';

/**
 * The only way code reaches extension storage. Reads go straight to the area; every write, and every
 * read-modify-write (`update`), runs on one serial chain, so two updates of the same item never lose one.
 */
export class TypedStorage {
  private chain: Promise<unknown> = Promise.resolve();
  readonly ready: Promise<void>;

  constructor(
    private readonly areas: Areas,
    private readonly items: readonly AnyItem[],
  ) {
    this.ready = this.serial(() => this.migrate());
  }

  async get<T>(item: GlobalItem<T>): Promise<T>;
  async get<T>(item: KeyedItem<T>, id: string): Promise<T>;
  async get<T>(item: GlobalItem<T> | KeyedItem<T>, id?: string): Promise<T> {
    await this.ready;
    return this.read(item, id);
  }

  /** Several records of one item at once; missing ones are left out. */
  async getMany<T>(item: KeyedItem<T>, ids: readonly string[]): Promise<Map<string, T>> {
    await this.ready;
    const keys = ids.map((id) => keyOf(item, id));
    const found = await this.area(item).get(keys);
    const out = new Map<string, T>();
    ids.forEach((id, i) => {
      if (keys[i]! in found) out.set(id, found[keys[i]!] as T);
    });
    return out;
  }

  set<T>(item: GlobalItem<T>, value: T): Promise<void>;
  set<T>(item: KeyedItem<T>, id: string, value: T): Promise<void>;
  set<T>(item: GlobalItem<T> | KeyedItem<T>, idOrValue: string | T, maybeValue?: T): Promise<void> {
    const [id, value] = item.scope === 'global' ? [undefined, idOrValue as T] : [idOrValue as string, maybeValue as T];
    return this.write(async () => this.area(item).set({ [keyOf(item, id)]: value }));
  }

  /** Writes several items in one storage call: they land together or not at all. */
  setMany(entries: ReadonlyArray<readonly [ItemAddress, string | undefined, unknown]>): Promise<void> {
    return this.write(async () => {
      const byArea = new Map<AreaName, Record<string, unknown>>();
      for (const [item, id, value] of entries) {
        const bag = byArea.get(item.area) ?? {};
        bag[keyOf(item, id)] = value;
        byArea.set(item.area, bag);
      }
      for (const [area, bag] of byArea) await this.areas[area].set(bag);
    });
  }

  /**
   * Read-modify-write, atomic against every other write through this storage. `change` may read, but must not
   * write through this storage: the write would wait behind the update that waits for it.
   */
  update<T>(item: GlobalItem<T>, change: (current: T) => T | Promise<T>): Promise<T>;
  update<T>(item: KeyedItem<T>, id: string, change: (current: T) => T | Promise<T>): Promise<T>;
  update<T>(
    item: GlobalItem<T> | KeyedItem<T>,
    idOrChange: string | ((current: T) => T | Promise<T>),
    maybeChange?: (current: T) => T | Promise<T>,
  ): Promise<T> {
    const [id, change] =
      item.scope === 'global'
        ? [undefined, idOrChange as (current: T) => T | Promise<T>]
        : [idOrChange as string, maybeChange!];
    return this.write(async () => {
      const next = await change(await this.read(item, id));
      await this.area(item).set({ [keyOf(item, id)]: next });
      return next;
    });
  }

  remove(item: ItemAddress & { scope: 'global' }): Promise<void>;
  remove(item: ItemAddress & { scope: 'portal' | 'record' }, ...ids: string[]): Promise<void>;
  remove(item: ItemAddress, ...ids: string[]): Promise<void> {
    const keys = item.scope === 'global' ? [item.key] : ids.map((id) => keyOf(item, id));
    return this.write(async () => this.area(item).remove(keys));
  }

  /**
   * Applies every declared fate for one portal account: `signOut` touches per-portal items, `remove` also
   * the records (jobs) that belong to it. Returns the records removed, by item name.
   */
  forgetPortal(
    portalId: string,
    event: 'signOut' | 'remove',
    recordIds: (item: ItemAddress) => string[] = () => [],
  ): Promise<void> {
    return this.write(async () => {
      for (const item of this.items) {
        if (item.scope === 'global') continue;
        if (item.scope === 'portal') {
          await this.applyFate(item, portalId, event === 'signOut' ? item.onSignOut : item.onRemove);
          continue;
        }
        if (event !== 'remove') continue;
        const ids = recordIds(item);
        const found = await this.area(item).get(ids.map((id) => keyOf(item, id)));
        for (const id of ids) {
          const value = found[keyOf(item, id)];
          if (value !== undefined && item.portalOf(value as never) === portalId)
            await this.applyFate(item, id, item.onRemove);
        }
      }
    });
  }

  private async applyFate(item: KeyedItem<never>, id: string, fate: Fate<never>): Promise<void> {
    if (fate === 'keep') return;
    const key = keyOf(item, id);
    if (fate === 'delete') return this.area(item).remove([key]);
    const current = (await this.area(item).get([key]))[key];
    if (current === undefined) return;
    const next = fate(current as never);
    if (next === undefined) await this.area(item).remove([key]);
    else await this.area(item).set({ [key]: next });
  }

  private async read<T>(item: ItemAddress & { fallback: () => T }, id?: string): Promise<T> {
    const key = keyOf(item, id);
    const found = await this.area(item).get([key]);
    return key in found && found[key] !== undefined ? (found[key] as T) : item.fallback();
  }

  private area(item: { area: AreaName }): StorageArea {
    return this.areas[item.area];
  }

  /** Brings every item that is stored at an older version up to the declared one, in order, once. */
  private async migrate(): Promise<void> {
    const local = this.areas.local;
    const stored = ((await local.get([VERSIONS_KEY]))[VERSIONS_KEY] ?? {}) as Record<string, number>;
    const outdated = this.items.filter((item) => (stored[item.name] ?? 1) < item.version);
    const versions = Object.fromEntries(this.items.map((item) => [item.name, item.version]));
    const everything = new Map<AreaName, Record<string, unknown>>();
    const read = async (area: AreaName) => {
      const all = everything.get(area) ?? (await this.areas[area].get(null));
      everything.set(area, all);
      return all;
    };
    for (const item of outdated) {
      const from = stored[item.name] ?? 1;
      const source = item.movedFrom && from < item.movedFrom.version ? item.movedFrom.area : item.area;
      const all = await read(source);
      const keys =
        item.scope === 'global' ? [item.key] : Object.keys(all).filter((key) => key.startsWith(`${item.prefix}/`));
      const migrated: Record<string, unknown> = {};
      const dropped: string[] = [];
      for (const key of keys) {
        if (all[key] === undefined) continue;
        let value: unknown = all[key];
        for (let v = from + 1; v <= item.version; v++) {
          const step = item.migrations[v];
          if (!step) throw new Error(`${item.name}: no migration to version ${v}`);
          value = step(value);
        }
        if (value === undefined) dropped.push(key);
        else migrated[key] = value;
      }
      // The new copy is written before the old one goes: a stop between the two loses nothing.
      if (Object.keys(migrated).length > 0) await this.areas[item.area].set(migrated);
      if (source !== item.area) await this.areas[source].remove(keys);
      else if (dropped.length > 0) await this.areas[item.area].remove(dropped);
    }
    if (outdated.length > 0 || Object.keys(stored).length !== this.items.length) {
      await local.set({ [VERSIONS_KEY]: versions });
    }
  }

  private write<T>(work: () => Promise<T>): Promise<T> {
    return this.serial(async () => {
      await this.ready;
      try {
        return await work();
      } catch (error) {
        throw appError(
          'storageFailed',
          { detail: error instanceof Error ? error.message : String(error) },
          { cause: error },
        );
      }
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }
}

import { describe, expect, it } from 'vitest';
import { globalItem, portalItem, recordItem, type AnyItem } from '../../../src/storage/item.ts';
import { SCHEMA } from '../../../src/storage/schema.ts';
import { memoryAreas } from '../../../src/storage/storage-area.ts';
import { TypedStorage, VERSIONS_KEY } from '../../../src/storage/typed-storage.ts';

const areas = () => memoryAreas();
const counter = globalItem<number>('counter', 'counter', { fallback: () => 0 });
const notes = portalItem<string[]>('notes', 'notes', { fallback: () => [], onSignOut: 'delete', onRemove: 'delete' });
const prefs = portalItem<{ theme: string; token?: string }>('prefs', 'prefs', {
  fallback: () => ({ theme: 'system' }),
  onSignOut: ({ token: _gone, ...rest }) => rest,
  onRemove: 'delete',
});
const docs = recordItem<{ portalId: string; n: number } | null>('doc', 'doc', {
  fallback: () => null,
  portalOf: (doc) => doc?.portalId,
  onRemove: 'delete',
});
const items = [counter, notes, prefs, docs] as unknown as AnyItem[];

describe('TypedStorage', () => {
  it('gives the fallback for what was never stored, and reads back what was', async () => {
    const storage = new TypedStorage(areas(), items);
    expect(await storage.get(counter)).toBe(0);
    expect(await storage.get(notes, 'a')).toEqual([]);
    await storage.set(notes, 'a', ['x']);
    expect(await storage.get(notes, 'a')).toEqual(['x']);
    expect(await storage.get(notes, 'b')).toEqual([]);
  });

  it('never loses one of many concurrent read-modify-write updates', async () => {
    const storage = new TypedStorage(areas(), items);
    await Promise.all(
      Array.from({ length: 200 }, () =>
        storage.update(counter, async (n) => {
          // A yield between the read and the write is where an unserialised update would lose another's.
          await new Promise((resolve) => setTimeout(resolve, 0));
          return n + 1;
        }),
      ),
    );
    expect(await storage.get(counter)).toBe(200);
  });

  it('applies the declared fates: sign-out keeps what it should, removal drops the portal and its records', async () => {
    const area = areas();
    const storage = new TypedStorage(area, items);
    await storage.set(notes, 'p1', ['secret']);
    await storage.set(prefs, 'p1', { theme: 'dark', token: 't' });
    await storage.set(notes, 'p2', ['other portal']);
    await storage.set(docs, 'd1', { portalId: 'p1', n: 1 });
    await storage.set(docs, 'd2', { portalId: 'p2', n: 2 });

    await storage.forgetPortal('p1', 'signOut');
    expect(await storage.get(notes, 'p1')).toEqual([]);
    expect(await storage.get(prefs, 'p1')).toEqual({ theme: 'dark' });
    expect(await storage.get(docs, 'd1')).toEqual({ portalId: 'p1', n: 1 });

    await storage.forgetPortal('p1', 'remove', () => ['d1', 'd2']);
    expect([...area.local.data.keys()].filter((k) => k !== VERSIONS_KEY).sort()).toEqual(['doc/d2', 'notes/p2']);
  });

  it('migrates older values step by step, once, and records the versions', async () => {
    const area = areas();
    await area.local.set({ 'doc/a': { portal: 'p', count: 3 }, 'doc/b': { portal: 'q', count: 4 } });
    const v3 = recordItem<{ portalId: string; n: number; tag: string } | null>('doc', 'doc', {
      version: 3,
      fallback: () => null,
      migrations: {
        2: (old) => {
          const { portal, count } = old as { portal: string; count: number };
          return { portalId: portal, n: count };
        },
        3: (old) => ({ ...(old as object), tag: 'migrated' }),
      },
      portalOf: (doc) => doc?.portalId,
      onRemove: 'delete',
    });
    const storage = new TypedStorage(area, [v3] as unknown as AnyItem[]);
    expect(await storage.get(v3, 'a')).toEqual({ portalId: 'p', n: 3, tag: 'migrated' });
    expect(area.local.data.get(VERSIONS_KEY)).toEqual({ doc: 3 });
    // A second start finds the versions current and leaves the data alone.
    await area.local.set({ 'doc/c': { portalId: 'r', n: 5, tag: 'new' } });
    const again = new TypedStorage(area, [v3] as unknown as AnyItem[]);
    expect(await again.get(v3, 'c')).toEqual({ portalId: 'r', n: 5, tag: 'new' });
  });

  it('declares every stored item once, under its own name and key', () => {
    const names = SCHEMA.map((item) => item.name);
    expect(new Set(names).size).toBe(names.length);
    const keys = SCHEMA.map((item) => (item.scope === 'global' ? item.key : `${item.prefix}/`));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

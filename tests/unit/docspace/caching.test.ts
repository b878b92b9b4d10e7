import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { staticAuth } from '../../../src/docspace/request-auth.ts';
import { DocSpaceClient } from '../../../src/docspace/client.ts';
import { ListingCache, listingTags } from '../../../src/docspace/listing-cache.ts';
import { SingleFlight } from '../../../src/docspace/single-flight.ts';
import type { FolderPage } from '../../../src/protocol/index.ts';
import { SimpleQueue } from '../../../src/scheduler/simple-queue.ts';

const page = (folderId: number, path: number[] = []): FolderPage => ({
  portalId: 'p',
  folder: { id: folderId, title: 'F', folderType: 0 },
  breadcrumbs: [...path, folderId].map((id) => ({ id, title: String(id), folderType: 0 })),
  entries: [],
  startIndex: 0,
  total: 0,
  nextStartIndex: null,
  can: { create: false },
});

describe('single flight', () => {
  it('sends identical GETs in flight once and shares the answer', async () => {
    let fetches = 0;
    const client = new DocSpaceClient({
      baseUrl: 'https://p.example.com',
      fetch: async () => {
        fetches++;
        await new Promise((r) => setTimeout(r, 5));
        return new Response(JSON.stringify({ response: { n: 1 }, status: 0 }));
      },
      auth: staticAuth({ kind: 'apiKey', apiKey: 'k' }),
      executor: new SimpleQueue(),
      singleFlight: new SingleFlight(),
    });
    const schema = v.looseObject({ n: v.number() });
    const results = await Promise.all(
      [1, 2, 3].map(() => client.call('/api/2.0/files/rooms', { schema, query: { count: 10 } })),
    );
    expect(fetches).toBe(1);
    expect(results.map((r) => r.data.n)).toEqual([1, 1, 1]);
    await client.call('/api/2.0/files/rooms', { schema, query: { count: 20 } });
    await client.call('/api/2.0/files/folder/1', { method: 'POST', body: {}, schema });
    await client.call('/api/2.0/files/folder/1', { method: 'POST', body: {}, schema });
    expect(fetches).toBe(4);
  });
});

describe('listing cache', () => {
  it('is fresh, then stale, then gone', () => {
    let now = 0;
    const cache = new ListingCache(() => now, { freshMs: 100, maxAgeMs: 1_000, maxEntries: 10 });
    cache.set('a', page(1), ['folder:1']);
    expect(cache.get('a')?.fresh).toBe(true);
    now = 500;
    expect(cache.get('a')?.fresh).toBe(false);
    now = 1_500;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops every listing a write touches, and the oldest when full', () => {
    const cache = new ListingCache(() => 0, { freshMs: 100, maxAgeMs: 1_000, maxEntries: 2 });
    cache.set('child', page(7, [1, 5]), listingTags(page(7, [1, 5])));
    cache.set('other', page(9), listingTags(page(9)));
    cache.invalidate('folder:5');
    expect(cache.get('child')).toBeUndefined();
    expect(cache.get('other')).toBeDefined();
    cache.set('x', page(10), []);
    cache.set('y', page(11), []);
    expect(cache.get('other')).toBeUndefined();
  });
});

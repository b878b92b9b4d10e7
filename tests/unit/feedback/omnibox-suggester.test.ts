import { describe, expect, it } from 'vitest';
import { OmniboxSuggester, SuggestCache, type OmniboxPortal } from '../../../src/feedback/omnibox-suggester.ts';
import { appError } from '../../../src/errors/index.ts';
import type { Entry } from '../../../src/protocol/index.ts';

const entry = (title: string) => ({ kind: 'file', id: title, title, webUrl: `https://p/${title}` }) as unknown as Entry;

/** A suggester over a fake clock and a search that records what it was asked and can be held back. */
function harness(portal: OmniboxPortal = { id: 'p1', signedIn: true }) {
  let now = 0;
  const searches: string[] = [];
  const sleeps: Array<{ ms: number; resolve: () => void; signal: AbortSignal }> = [];
  let fail: unknown = null;
  const suggester = new OmniboxSuggester({
    portal: async () => portal,
    async search(_portalId, query, signal) {
      searches.push(query);
      if (fail) throw fail;
      if (signal.aborted) throw signal.reason;
      return [entry(query)];
    },
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        sleeps.push({ ms, resolve, signal });
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
    now: () => now,
    debounceMs: 200,
    ttlMs: 30_000,
  });
  const flush = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    for (const s of sleeps.splice(0)) if (!s.signal.aborted) s.resolve();
  };
  return {
    suggester,
    searches,
    sleeps,
    flush,
    advance: (ms: number) => (now += ms),
    failWith: (e: unknown) => (fail = e),
  };
}

describe('omnibox suggester', () => {
  it('waits for a pause in typing; newer input supersedes the older one, which never searches', async () => {
    const h = harness();
    const first = h.suggester.suggest('bu');
    const second = h.suggester.suggest('bud');
    await h.flush();
    expect(await first).toEqual({ kind: 'superseded' });
    const answer = await second;
    expect(answer).toMatchObject({ kind: 'results', query: 'bud' });
    expect(h.searches).toEqual(['bud']);
    expect(h.sleeps).toEqual([]);
  });

  it('answers the same text again from the cache for a short time, then searches again', async () => {
    const h = harness();
    const once = h.suggester.suggest('Budget');
    await h.flush();
    await once;
    expect(await h.suggester.suggest(' budget ')).toMatchObject({ kind: 'results', entries: [entry('Budget')] });
    expect(h.searches).toEqual(['Budget']);
    h.advance(30_001);
    const later = h.suggester.suggest('budget');
    await h.flush();
    await later;
    expect(h.searches).toEqual(['Budget', 'budget']);
  });

  it('does not search one letter, and says when no portal is signed in (no request at all)', async () => {
    expect(await harness().suggester.suggest('b')).toEqual({ kind: 'tooShort' });
    const out = harness({ id: 'p1', signedIn: false });
    expect(await out.suggester.suggest('budget')).toEqual({ kind: 'signedOut' });
    expect(await harness(null).suggester.suggest('budget')).toEqual({ kind: 'signedOut' });
    expect(out.searches).toEqual([]);
  });

  it('gives a failed search as error data, and caches nothing for it', async () => {
    const h = harness();
    h.failWith(appError('portalUnreachable', { origin: 'https://p' }));
    const failed = h.suggester.suggest('budget');
    await h.flush();
    expect(await failed).toMatchObject({ kind: 'error', error: { key: 'portalUnreachable' } });
    h.failWith(null);
    const again = h.suggester.suggest('budget');
    await h.flush();
    expect(await again).toMatchObject({ kind: 'results' });
    expect(h.searches).toEqual(['budget', 'budget']);
  });

  it('forgets its answers when the portals change, and cancel drops a waiting search', async () => {
    const h = harness();
    const once = h.suggester.suggest('budget');
    await h.flush();
    await once;
    h.suggester.forget();
    const pending = h.suggester.suggest('budget');
    await Promise.resolve();
    h.suggester.cancel();
    expect(await pending).toEqual({ kind: 'superseded' });
    expect(h.searches).toEqual(['budget']);
  });
});

describe('suggestion cache', () => {
  it('keeps at most its size, dropping the oldest', () => {
    const cache = new SuggestCache<number>(1_000, 2, () => 0);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
    expect(SuggestCache.key('p', ' Ab ')).toBe(SuggestCache.key('p', 'ab'));
    expect(SuggestCache.key('p', 'ab')).not.toBe(SuggestCache.key('q', 'ab'));
  });
});

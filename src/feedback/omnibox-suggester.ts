import type { Entry, ErrorData, PortalId } from '../protocol/index.ts';
import { toErrorData } from '../errors/index.ts';
import { MIN_QUERY_LENGTH } from './omnibox-suggestions.ts';

/** The portal the omnibox searches: the active one, and whether it can be searched now. */
export type OmniboxPortal = { id: PortalId; signedIn: boolean } | null;

export type SuggestOutcome =
  | { kind: 'results'; query: string; entries: Entry[] }
  | { kind: 'tooShort' }
  | { kind: 'signedOut' }
  | { kind: 'error'; error: ErrorData }
  /** Newer input came while this one waited or searched: its answer would be out of date. */
  | { kind: 'superseded' };

export interface SuggesterDeps {
  portal(): Promise<OmniboxPortal>;
  search(portalId: PortalId, query: string, signal: AbortSignal): Promise<Entry[]>;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
  /** How long typing must pause before a search goes (each key would otherwise be a request). */
  debounceMs?: number;
  /** How long an answer is reused for the same text (typing back and forth, the browser asking again). */
  ttlMs?: number;
  maxCached?: number;
}

const DEFAULTS = { debounceMs: 200, ttlMs: 30_000, maxCached: 50 };

/** Answers kept for a short time, by portal and text; the oldest go first once there are too many. */
export class SuggestCache<T> {
  private readonly entries = new Map<string, { at: number; value: T }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly now: () => number,
  ) {}

  static key(portalId: PortalId, query: string): string {
    return `${portalId}\u0000${query.trim().toLocaleLowerCase()}`;
  }

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), value });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Typing in the address bar, turned into searches: each input supersedes the one before (its wait or its
 * request is aborted), a search goes only after a pause, and an answer is reused for a while.
 */
export class OmniboxSuggester {
  private current: AbortController | null = null;
  private readonly cache: SuggestCache<Entry[]>;
  private readonly debounceMs: number;

  constructor(private readonly deps: SuggesterDeps) {
    this.debounceMs = deps.debounceMs ?? DEFAULTS.debounceMs;
    this.cache = new SuggestCache(deps.ttlMs ?? DEFAULTS.ttlMs, deps.maxCached ?? DEFAULTS.maxCached, deps.now);
  }

  async suggest(text: string): Promise<SuggestOutcome> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    const query = text.trim();
    if (query.length < MIN_QUERY_LENGTH) return { kind: 'tooShort' };
    try {
      const portal = await this.deps.portal();
      if (controller.signal.aborted) return { kind: 'superseded' };
      if (!portal?.signedIn) return { kind: 'signedOut' };
      const key = SuggestCache.key(portal.id, query);
      const cached = this.cache.get(key);
      if (cached) return { kind: 'results', query, entries: cached };
      await this.deps.sleep(this.debounceMs, controller.signal);
      const entries = await this.deps.search(portal.id, query, controller.signal);
      if (controller.signal.aborted) return { kind: 'superseded' };
      this.cache.set(key, entries);
      return { kind: 'results', query, entries };
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'superseded' };
      return { kind: 'error', error: toErrorData(error) };
    } finally {
      if (this.current === controller) this.current = null;
    }
  }

  /** The input was accepted or abandoned: a search still waiting is not needed any more. */
  cancel(): void {
    this.current?.abort();
    this.current = null;
  }

  /** Portals changed (signed out, switched): answers of before may show what the account can no longer see. */
  forget(): void {
    this.cache.clear();
  }
}

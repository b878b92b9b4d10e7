import type { FolderPage } from '../protocol/index.ts';

export interface ListingCacheOptions {
  /** Served as is while younger than this. */
  freshMs: number;
  /** Served at once but refreshed behind the scenes while younger than this; dropped after. */
  maxAgeMs: number;
  maxEntries: number;
}

interface Entry {
  page: FolderPage;
  at: number;
  tags: string[];
}

/**
 * Recent folder listings of one portal account, so going back shows the folder at once. A write drops every
 * listing it touches (by tag: the folder written into), so nothing stale is served as fresh.
 */
export class ListingCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly options: ListingCacheOptions = { freshMs: 5_000, maxAgeMs: 5 * 60_000, maxEntries: 200 },
  ) {}

  get(key: string): { page: FolderPage; fresh: boolean } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const age = this.now() - entry.at;
    if (age > this.options.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return { page: entry.page, fresh: age <= this.options.freshMs };
  }

  set(key: string, page: FolderPage, tags: string[]): void {
    this.entries.delete(key);
    this.entries.set(key, { page, at: this.now(), tags });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  invalidate(tag: string): void {
    for (const [key, entry] of this.entries) if (entry.tags.includes(tag)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The tags a listing is dropped by: the folder it shows and every folder on its path. */
export function listingTags(page: FolderPage): string[] {
  return [...new Set([`folder:${page.folder.id}`, ...page.breadcrumbs.map((crumb) => `folder:${crumb.id}`)])];
}

// Helpers shared by the API route modules.
import type { RequestContext } from '../context.ts';
import type { DtoScope } from '../dto/entries.ts';
import { SortedByType, SortOrder, parseEnum } from '../enums.ts';
import { unauthorizedChallenge } from '../errors.ts';
import type { QueryReader } from '../query.ts';
import type { UserRecord } from '../store.ts';

export const API = '/api/2.0';

/** The signed-in user; routes registered as `authenticated` always have one. */
export function currentUser(ctx: RequestContext): UserRecord {
  const userId = ctx.auth.identity?.userId;
  const user = userId ? ctx.store.users.get(userId) : undefined;
  if (!user) throw unauthorizedChallenge();
  return user;
}

export function scopeOf(ctx: RequestContext): DtoScope {
  return { store: ctx.store, origin: ctx.origin, userId: currentUser(ctx).id };
}

/** Entry ids are integers; anything else (third-party string ids) is simply not found here. */
export function parseEntryId(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) return undefined;
  return Number(raw);
}

/**
 * sortBy is a SortedByType name (or number); unknown names are ignored. Without sortBy the server's
 * default order applies (last modified, newest first); with sortBy the order defaults to ascending.
 */
export function readSort(
  r: QueryReader,
  fallback: number = SortedByType.DateAndTime,
): { sortBy: number; descending: boolean } {
  const rawSortBy = r.text('sortBy');
  const sortBy = rawSortBy === undefined ? undefined : parseEnum(SortedByType, rawSortBy);
  const order = r.enumValue(SortOrder, 'sortOrder', 'SortOrder');
  if (sortBy === undefined)
    return { sortBy: fallback, descending: order === undefined ? true : order === SortOrder.descending };
  return { sortBy, descending: order === SortOrder.descending };
}

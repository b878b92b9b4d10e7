// Rooms section listing and room info (docspace-api.md §4.3).
import type { RequestContext } from '../context.ts';
import { folderDto } from '../dto/entries.ts';
import { folderContent } from '../dto/folder-content.ts';
import { FilterType, RoomType, SearchArea } from '../enums.ts';
import { ok } from '../envelope.ts';
import { folderNotFound } from '../errors.ts';
import type { Selection } from '../listing/select.ts';
import { QueryReader } from '../query.ts';
import type { Router } from '../router.ts';
import { requireRoom } from './access.ts';
import { API, readSort, scopeOf } from './common.ts';

/** `tags` is a JSON array string (`["a","b"]`); a plain comma list is accepted too. */
function readTags(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed)) return parsed.map(String).filter(Boolean);
  } catch {
    // not JSON: fall back to a comma list
  }
  const list = raw
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return list.length > 0 ? list : undefined;
}

function listRooms(ctx: RequestContext) {
  const scope = scopeOf(ctx);
  const r = new QueryReader(ctx.query);
  const paging = r.paging();
  const roomTypes = r.enumList(RoomType, 'type', 'Type');
  const filterType = r.enumValue(FilterType, 'filterType', 'FilterType') ?? FilterType.None;
  const searchArea = r.enumValue(SearchArea, 'searchArea', 'SearchArea') ?? SearchArea.Active;
  const withoutTags = r.bool('withoutTags', 'WithoutTags', false);
  const sort = readSort(r);
  r.done();

  const { rooms, archive } = ctx.store.portalSections;
  const current = ctx.store.getFolder(searchArea === SearchArea.Archive ? archive : rooms);
  if (!current) throw folderNotFound();
  const selection: Selection = {
    filterType,
    withSubFolders: false,
    ...sort,
    pinnedFirst: true,
    sources: searchArea === SearchArea.Any ? [rooms, archive] : [current.id],
  };
  const filterValue = r.text('filterValue');
  if (filterValue !== undefined) selection.filterValue = filterValue;
  if (roomTypes.length > 0) selection.roomTypes = roomTypes;
  const tags = readTags(r.text('tags'));
  if (tags) selection.tags = tags;
  if (withoutTags) selection.withoutTags = true;
  const subject = r.text('subjectId');
  if (subject) selection.subjectId = subject.toLowerCase();
  return ok(ctx, folderContent(scope, current, selection, paging));
}

export function registerRoomsRoutes(router: Router): void {
  router.get(`${API}/files/rooms`, 'authenticated', listRooms);

  router.get(`${API}/files/rooms/:roomId`, 'authenticated', (ctx) => {
    const room = requireRoom(ctx, ctx.params['roomId']);
    const dto = folderDto(scopeOf(ctx), room);
    if (!dto) throw folderNotFound();
    return ok(ctx, dto);
  });
}

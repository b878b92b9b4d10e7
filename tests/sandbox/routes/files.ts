// Browsing: root sections, folder contents, single folder/file info (docspace-api.md §4.1, §4.2).
import type { RequestContext } from '../context.ts';
import { entryJsonFor, fileDto, folderDto } from '../dto/entries.ts';
import type { DtoScope } from '../dto/entries.ts';
import { folderContent } from '../dto/folder-content.ts';
import { locate } from '../dto/locate.ts';
import { FilterType, FolderType, SortedByType } from '../enums.ts';
import { ok, RawJson } from '../envelope.ts';
import { fileNotFound, folderNotFound } from '../errors.ts';
import { fileAtVersion } from '../file-versions.ts';
import { entryVisibleTo } from '../members/access.ts';
import type { Selection } from '../listing/select.ts';
import { QueryReader } from '../query.ts';
import type { Router } from '../router.ts';
import type { FolderRecord, UserRecord } from '../store.ts';
import { API, currentUser, parseEntryId, readSort, scopeOf } from './common.ts';

const APPLY_FILTER_OPTION = { All: 0, Files: 1, Folders: 2 } as const;

function normalizeExtensions(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const list = raw
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
    .map((e) => (e.startsWith('.') ? e : `.${e}`));
  return list.length > 0 ? list : undefined;
}

/** GetFolderRequestDto query → what to list. Validation errors are collected on `r`. */
export function folderSelection(r: QueryReader, folder: FolderRecord): Selection {
  return selectionFromQuery(r, defaultSortOf(folder));
}

/** Recent lists by last opened; everything else by last modified. */
function defaultSortOf(folder: FolderRecord): number {
  return folder.folderType === FolderType.Recent ? SortedByType.LastOpened : SortedByType.DateAndTime;
}

function selectionFromQuery(r: QueryReader, defaultSort: number): Selection {
  let filterType: number = r.enumValue(FilterType, 'filterType', 'FilterType') ?? FilterType.None;
  const applyFilterOption = r.enumValue(APPLY_FILTER_OPTION, 'applyFilterOption', 'ApplyFilterOption');
  if (filterType === FilterType.None && applyFilterOption === APPLY_FILTER_OPTION.Files)
    filterType = FilterType.FilesOnly;
  if (filterType === FilterType.None && applyFilterOption === APPLY_FILTER_OPTION.Folders)
    filterType = FilterType.FoldersOnly;
  const subject = r.text('userIdOrGroupId');
  const selection: Selection = {
    filterType,
    withSubFolders: r.bool('withSubFolders', 'WithSubFolders', true),
    ...readSort(r, defaultSort),
  };
  const filterValue = r.text('filterValue');
  if (filterValue !== undefined) selection.filterValue = filterValue;
  const extensions = normalizeExtensions(r.text('extension'));
  if (extensions) selection.extensions = extensions;
  if (subject && (filterType === FilterType.ByUser || filterType === FilterType.None))
    selection.subjectId = subject.toLowerCase();
  return selection;
}

function listFolder(ctx: RequestContext, folder: FolderRecord | undefined) {
  const scope = scopeOf(ctx);
  if (!folder || !locate(ctx.store, folder.id) || !visibleTo(folder, currentUser(ctx), ctx)) throw folderNotFound();
  const r = new QueryReader(ctx.query);
  const paging = r.paging();
  const selection = folderSelection(r, folder);
  r.done();
  return ok(ctx, folderContent(scope, folder, selection, paging));
}

/** Others' personal sections, and rooms the caller is not in, are invisible (members/access.ts). */
function visibleTo(folder: FolderRecord, user: UserRecord, ctx: RequestContext): boolean {
  return entryVisibleTo(ctx.store, user, folder);
}

function section(ctx: RequestContext, pick: (user: UserRecord) => number): FolderRecord | undefined {
  return ctx.store.getFolder(pick(currentUser(ctx)));
}

/** Root sections in the server's order: Favorites, Recent, Shared with me, My documents, Trash, Rooms, Archive. */
function rootFolders(ctx: RequestContext, withoutTrash: boolean): FolderRecord[] {
  const user = currentUser(ctx);
  const { rooms, archive } = ctx.store.portalSections;
  const ids = [
    user.sections.favorites,
    user.sections.recent,
    user.sections.share,
    user.sections.my,
    ...(withoutTrash ? [] : [user.sections.trash]),
    rooms,
    archive,
  ];
  return ids.map((id) => ctx.store.getFolder(id)).filter((f): f is FolderRecord => f !== undefined);
}

function entryOr404<T>(value: T | undefined, notFound: () => Error): T {
  if (value === undefined) throw notFound();
  return value;
}

function folderById(ctx: RequestContext, raw: string | undefined): FolderRecord {
  const id = parseEntryId(raw);
  const folder = id === undefined ? undefined : ctx.store.getFolder(id);
  if (!folder || !visibleTo(folder, currentUser(ctx), ctx)) throw folderNotFound();
  return folder;
}

export function registerFilesRoutes(router: Router): void {
  router.get(`${API}/files/@root`, 'authenticated', (ctx) => {
    const scope: DtoScope = scopeOf(ctx);
    const r = new QueryReader(ctx.query);
    const paging = r.paging();
    const withoutTrash = r.bool('withoutTrash', 'WithoutTrash', false);
    const sortGiven = r.text('sortBy') !== undefined;
    const selection = selectionFromQuery(r, SortedByType.DateAndTime);
    r.done();
    const parts = rootFolders(ctx, withoutTrash).map((folder) => {
      const own = sortGiven ? selection : { ...selection, sortBy: defaultSortOf(folder) };
      return folderContent(scope, folder, own, paging);
    });
    return ok(ctx, RawJson.array(parts));
  });

  const sections: Array<[string, (user: UserRecord) => number]> = [
    ['@my', (u) => u.sections.my],
    ['@trash', (u) => u.sections.trash],
    ['@favorites', (u) => u.sections.favorites],
    ['@recent', (u) => u.sections.recent],
    ['recent', (u) => u.sections.recent],
    ['@share', (u) => u.sections.share],
  ];
  for (const [name, pick] of sections) {
    router.get(`${API}/files/${name}`, 'authenticated', (ctx) => listFolder(ctx, section(ctx, pick)));
  }

  router.get(`${API}/files/:folderId`, 'authenticated', (ctx) => {
    const id = parseEntryId(ctx.params['folderId']);
    return listFolder(ctx, id === undefined ? undefined : ctx.store.getFolder(id));
  });

  router.get(`${API}/files/:folderId/subfolders`, 'authenticated', (ctx) => {
    const folder = folderById(ctx, ctx.params['folderId']);
    const entryJson = entryJsonFor(scopeOf(ctx));
    const parts = ctx.store
      .childFoldersOf(folder.id)
      .map((f) => entryJson(f))
      .filter((j): j is Buffer => j !== undefined);
    return ok(ctx, RawJson.array(parts));
  });

  router.get(`${API}/files/folder/:folderId`, 'authenticated', (ctx) => {
    const folder = folderById(ctx, ctx.params['folderId']);
    return ok(ctx, entryOr404(folderDto(scopeOf(ctx), folder), folderNotFound));
  });

  router.get(`${API}/files/folder/:folderId/path`, 'authenticated', (ctx) => {
    const folder = folderById(ctx, ctx.params['folderId']);
    const scope = scopeOf(ctx);
    const chain = locate(ctx.store, folder.id)?.chain ?? [];
    return ok(
      ctx,
      chain.map((f) => folderDto(scope, f)).filter((d) => d !== undefined),
    );
  });

  router.get(`${API}/files/file/:fileId`, 'authenticated', (ctx) => {
    const id = parseEntryId(ctx.params['fileId']);
    const file = id === undefined ? undefined : ctx.store.getFile(id);
    if (!file || !entryVisibleTo(ctx.store, currentUser(ctx), file)) throw fileNotFound();
    // FileInfoRequestDto.version: an earlier version's FileDto (-1 / absent: the current one).
    const r = new QueryReader(ctx.query);
    const version = r.int('version', 'Version', { fallback: -1 });
    r.done();
    const shown = version === -1 ? file : fileAtVersion(file, version);
    if (!shown) throw fileNotFound();
    // GetFileAsync calls SetOriginsForRecentFileAsync: the file's room and folder are named.
    return ok(ctx, entryOr404(fileDto(scopeOf(ctx), shown, 'origin'), fileNotFound));
  });
}

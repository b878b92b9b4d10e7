// FolderContentDto: {files, folders, current, pathParts, startIndex, count, total, new}.
// `count` is the number of entries on this page, `total` all matching entries; paging runs over
// folders first, then files. Built from cached entry bytes (see entries.ts).
import { FolderType } from '../enums.ts';
import { RawJson } from '../envelope.ts';
import { select } from '../listing/select.ts';
import type { Selected, Selection } from '../listing/select.ts';
import type { EntryRecord, FolderRecord, SandboxStore } from '../store.ts';
import { entryJsonFor, pathPart } from './entries.ts';
import type { DtoScope, EntryView } from './entries.ts';
import { locate } from './locate.ts';

export interface Paging {
  startIndex: number;
  count: number;
}

const selectionCaches = new WeakMap<SandboxStore, { version: number; entries: Map<string, Selected> }>();
const MAX_CACHED_SELECTIONS = 256;

/** select() memoized per store version: repeated page requests skip filtering and sorting. */
function selectCached(scope: DtoScope, folder: FolderRecord, selection: Selection): Selected {
  let cache = selectionCaches.get(scope.store);
  if (!cache || cache.version !== scope.store.version) {
    cache = { version: scope.store.version, entries: new Map() };
    selectionCaches.set(scope.store, cache);
  }
  const key = `${folder.id}\n${scope.userId}\n${JSON.stringify(selection)}`;
  let hit = cache.entries.get(key);
  if (!hit) {
    if (cache.entries.size >= MAX_CACHED_SELECTIONS) cache.entries.clear();
    hit = select(scope.store, scope.userId, folder, selection);
    cache.entries.set(key, hit);
  }
  return hit;
}

function viewFor(folder: FolderRecord): EntryView {
  return folder.folderType === FolderType.Favorites || folder.folderType === FolderType.Recent ? 'origin' : 'plain';
}

export function folderContent(scope: DtoScope, folder: FolderRecord, selection: Selection, paging: Paging): RawJson {
  const { folders, files } = selectCached(scope, folder, selection);
  const total = folders.length + files.length;
  const start = Math.min(paging.startIndex, total);
  const end = Math.min(start + paging.count, total);
  const view = viewFor(folder);
  const entryJson = entryJsonFor(scope);
  // Search results from below the folder say where each entry lives (origin fields).
  const searching = selection.filterValue !== undefined && selection.withSubFolders;
  const viewOf = (entry: EntryRecord): EntryView =>
    searching && (entry.kind === 'file' ? entry.folderId : entry.parentId) !== folder.id ? 'origin' : view;

  const folderJson: Buffer[] = [];
  for (let i = start; i < Math.min(end, folders.length); i++) {
    const json = entryJson(folders[i]!, viewOf(folders[i]!));
    if (json !== undefined) folderJson.push(json);
  }
  const fileJson: Buffer[] = [];
  for (let i = Math.max(start, folders.length); i < end; i++) {
    const json = entryJson(files[i - folders.length]!, viewOf(files[i - folders.length]!));
    if (json !== undefined) fileJson.push(json);
  }
  const chain = locate(scope.store, folder.id)?.chain ?? [folder];
  const current = entryJson(folder) ?? '{}';
  const count = folderJson.length + fileJson.length;
  return RawJson.concat(
    [
      '{"files":',
      RawJson.array(fileJson),
      ',"folders":',
      RawJson.array(folderJson),
      ',"current":',
      current,
      `,"pathParts":${JSON.stringify(chain.map(pathPart))},"startIndex":${paging.startIndex},"count":${count},"total":${total},"new":0}`,
    ],
    1,
  );
}

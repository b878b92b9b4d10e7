// Long-running operations (docspace-api.md §5.2, OperationController): move, copy, delete,
// duplicate, bulk download, mark as read, empty trash, their polling and termination, the move
// pre-checks, and the single-entry deletes and room archive/unarchive/delete that run as operations.
import { randomBytes } from 'node:crypto';
import { readJsonBody } from '../body.ts';
import type { BodyReader } from '../body.ts';
import type { RequestContext } from '../context.ts';
import { entryJsonFor, fileDto } from '../dto/entries.ts';
import { fileOperationDto } from '../dto/file-operation.ts';
import { FolderType } from '../enums.ts';
import { ok, RawJson } from '../envelope.ts';
import { accessDenied, argumentError, fileNotFound, folderNotFound, invalidOperation } from '../errors.ts';
import { fileBytes } from '../file-content.ts';
import {
  areaOfEntry,
  canCreateIn,
  chainIds,
  conflictsIn,
  ConflictResolveType,
  deleteEntry,
  duplicateEntry,
  isRoom,
  isSection,
  MESSAGES,
  moveCopyFile,
  moveCopyFolder,
} from '../operations/actions.ts';
import type { Actor } from '../operations/actions.ts';
import { FileOperationType } from '../operations/manager.ts';
import type { FileOperationManager, OperationSnapshot, OperationUnit } from '../operations/manager.ts';
import { buildZip } from '../operations/zip.ts';
import type { ZipEntry } from '../operations/zip.ts';
import { PORTAL } from '../portal-config.ts';
import { QueryReader } from '../query.ts';
import type { Router } from '../router.ts';
import type { EntryRecord, FileRecord, FolderRecord } from '../store.ts';
import { findFile, findFolder, requireFile, requireFolder, requireRoom } from './access.ts';
import { API, currentUser, scopeOf } from './common.ts';

export interface BulkArchive {
  userId: string;
  title: string;
  bytes: Buffer;
  contentType: string;
}

export interface OperationRoutesDeps {
  operations: FileOperationManager;
  /** Built bulk downloads by the token in `filehandler.ashx?action=bulk&filename=`. */
  archives: Map<string, BulkArchive>;
}

function actorOf(ctx: RequestContext): Actor {
  return { store: ctx.store, user: currentUser(ctx), now: new Date() };
}

/** The operation actions are `IAsyncEnumerable<FileOperationDto>`: not an IEnumerable when the
 *  envelope is built, so `count` is 1 whatever the length (docspace-api.md §2.1). */
function reply(ctx: RequestContext, ops: readonly OperationSnapshot[]) {
  const scope = scopeOf(ctx);
  return ok(
    ctx,
    ops.map((op) => fileOperationDto(scope, op)),
    { count: 1 },
  );
}

function progressSteps(ctx: RequestContext, entry: EntryRecord): number {
  return entry.kind === 'file' ? 1 : 1 + ctx.store.descendants(entry.id).length;
}

/** Ids of the request resolved to entries; a missing one fails the whole request (permission pre-check). */
function resolveEntries(
  ctx: RequestContext,
  folderIds: ReadonlyArray<number | string>,
  fileIds: ReadonlyArray<number | string>,
) {
  const folders: FolderRecord[] = [];
  const files: FileRecord[] = [];
  for (const id of folderIds) {
    const folder = typeof id === 'number' ? findFolder(ctx, id) : undefined;
    if (!folder) throw folderNotFound();
    folders.push(folder);
  }
  for (const id of fileIds) {
    const file = typeof id === 'number' ? findFile(ctx, id) : undefined;
    if (!file) throw fileNotFound();
    files.push(file);
  }
  return { folders, files };
}

function readResolveType(r: BodyReader): ConflictResolveType {
  return (
    r.enumValue(
      ConflictResolveType,
      'conflictResolveType',
      'ASC.Web.Files.Services.WCFService.FileOperations.FileConflictResolveType',
    ) ?? ConflictResolveType.Skip
  );
}

/** `returnSingleOperation` from the body, or from the query for body-less shapes. */
function returnSingle(ctx: RequestContext, r?: BodyReader): boolean {
  if (r?.has('returnSingleOperation')) return r.bool('returnSingleOperation', false);
  const q = new QueryReader(ctx.query);
  const value = q.bool('returnSingleOperation', 'ReturnSingleOperation', false);
  q.done();
  return value;
}

interface MoveCopyRequest {
  folders: FolderRecord[];
  files: FileRecord[];
  dest: FolderRecord;
}

/** CopyPermissionsCheck: destination exists and accepts entries; no folder into its own subtree. */
function checkMoveCopy(
  ctx: RequestContext,
  destId: number | string | undefined,
  folders: FolderRecord[],
  files: FileRecord[],
): MoveCopyRequest {
  const dest = typeof destId === 'number' ? findFolder(ctx, destId) : undefined;
  if (!dest) throw folderNotFound();
  const roomSections = dest.folderType === FolderType.VirtualRooms || dest.folderType === FolderType.Archive;
  if (!roomSections && !canCreateIn(ctx.store, dest)) throw accessDenied();
  const chain = chainIds(ctx.store, dest.id);
  if (folders.some((f) => chain.includes(f.id))) throw invalidOperation(MESSAGES.folderCopyError);
  // Only rooms go to the Rooms/Archive sections, and rooms go nowhere else.
  for (const folder of folders) {
    if (isSection(folder)) throw accessDenied();
    if (isRoom(folder) !== roomSections) throw accessDenied();
  }
  if (roomSections && files.length > 0) throw accessDenied();
  return { dest, folders, files };
}

function moveCopyUnits(
  ctx: RequestContext,
  actor: Actor,
  req: MoveCopyRequest,
  copy: boolean,
  resolve: ConflictResolveType,
): OperationUnit[] {
  return [
    ...req.folders.map((folder) => ({
      steps: progressSteps(ctx, folder),
      run: () =>
        ctx.store.getFolder(folder.id)
          ? moveCopyFolder(actor, folder, req.dest, copy, resolve)
          : { error: MESSAGES.folderNotFound },
    })),
    ...req.files.map((file) => ({
      steps: 1,
      run: () =>
        ctx.store.getFile(file.id)
          ? moveCopyFile(actor, file, req.dest, copy, resolve)
          : { error: MESSAGES.fileNotFound },
    })),
  ];
}

function deleteUnits(
  ctx: RequestContext,
  actor: Actor,
  folders: FolderRecord[],
  files: FileRecord[],
  immediately: boolean,
): OperationUnit[] {
  const unit = (entry: EntryRecord): OperationUnit => ({
    steps: progressSteps(ctx, entry),
    run: () => {
      const still = entry.kind === 'file' ? ctx.store.getFile(entry.id) : ctx.store.getFolder(entry.id);
      if (!still) return { error: entry.kind === 'file' ? MESSAGES.fileNotFound : MESSAGES.folderNotFound };
      const error = deleteEntry(actor, entry, immediately);
      return error ? { error } : { result: `${entry.kind}_${entry.id}` };
    },
  });
  return [...folders.map(unit), ...files.map(unit)];
}

/** DeletePermissionsCheck: sections never; rooms only with `immediately`; archived content never. */
function checkDelete(ctx: RequestContext, folders: FolderRecord[], files: FileRecord[], immediately: boolean): void {
  for (const folder of folders) {
    if (isSection(folder)) throw accessDenied();
    if (isRoom(folder) && !immediately) throw accessDenied();
    if (!isRoom(folder) && areaOfEntry(ctx.store, folder) === 'archive') throw accessDenied();
  }
  for (const file of files) if (areaOfEntry(ctx.store, file) === 'archive') throw accessDenied();
}

function publishDelete(
  ctx: RequestContext,
  deps: OperationRoutesDeps,
  folders: FolderRecord[],
  files: FileRecord[],
  hold: boolean,
  immediately: boolean,
): string | undefined {
  if (folders.length === 0 && files.length === 0) return undefined;
  checkDelete(ctx, folders, files, immediately);
  const actor = actorOf(ctx);
  return deps.operations.publish({
    userId: actor.user.id,
    type: FileOperationType.Delete,
    hold,
    units: deleteUnits(ctx, actor, folders, files, immediately),
  });
}

/** Paths inside a bulk-download archive: folder titles as directories. */
function zipEntries(ctx: RequestContext, folders: FolderRecord[], files: FileRecord[]): ZipEntry[] {
  const out: ZipEntry[] = [];
  const used = new Set<string>();
  const add = (path: string, file: FileRecord) => {
    let name = path;
    for (let n = 1; used.has(name.toLowerCase()); n++) {
      const dot = path.lastIndexOf('.');
      name = dot > path.lastIndexOf('/') + 1 ? `${path.slice(0, dot)} (${n})${path.slice(dot)}` : `${path} (${n})`;
    }
    used.add(name.toLowerCase());
    out.push({ path: name, data: fileBytes(file), modified: file.updated });
  };
  const walk = (folder: FolderRecord, prefix: string) => {
    const path = `${prefix}${folder.title}/`;
    for (const child of ctx.store.childFoldersOf(folder.id)) walk(child, path);
    for (const file of ctx.store.childFilesOf(folder.id)) add(path + file.title, file);
  };
  for (const folder of folders) walk(folder, '');
  for (const file of files) add(file.title, file);
  return out;
}

function archiveName(folders: FolderRecord[], files: FileRecord[], now: Date): string {
  if (folders.length === 1 && files.length === 0) return `${folders[0]!.title}.zip`;
  return `${PORTAL.tenantAlias.toLowerCase()}-download-${now.toISOString().slice(0, 10)}.zip`;
}

export function registerOperationRoutes(router: Router, deps: OperationRoutesDeps): void {
  const { operations } = deps;

  const moveOrCopy = (copy: boolean) => async (ctx: RequestContext) => {
    const r = await readJsonBody(ctx);
    const folderIds = r.ids('folderIds');
    const fileIds = r.ids('fileIds');
    const destId = r.id('destFolderId');
    const resolve = readResolveType(r);
    const deleteAfter = r.bool('deleteAfter', false);
    const content = r.bool('content', false);
    const single = r.bool('returnSingleOperation', false);
    r.done();
    const type = copy ? FileOperationType.Copy : FileOperationType.Move;
    const user = currentUser(ctx);
    let taskId: string | undefined;
    if (folderIds.length > 0 || fileIds.length > 0) {
      let { folders, files } = resolveEntries(ctx, folderIds, fileIds);
      if (content) {
        const inner = folders.flatMap((f) => ctx.store.childFoldersOf(f.id));
        files = [...files, ...folders.flatMap((f) => ctx.store.childFilesOf(f.id))];
        folders = inner;
      }
      const req = checkMoveCopy(ctx, destId, folders, files);
      const actor = actorOf(ctx);
      taskId = operations.publish({
        userId: user.id,
        type,
        hold: !deleteAfter,
        units: moveCopyUnits(ctx, actor, req, copy, resolve),
      });
    }
    const results = operations.results(user.id, {
      id: single ? taskId : undefined,
      types: [FileOperationType.Move, FileOperationType.Copy],
    });
    return reply(
      ctx,
      results.filter((op) => op.type === type),
    );
  };
  router.add('PUT', `${API}/files/fileops/move`, 'authenticated', moveOrCopy(false));
  router.add('PUT', `${API}/files/fileops/copy`, 'authenticated', moveOrCopy(true));

  router.add('PUT', `${API}/files/fileops/delete`, 'authenticated', async (ctx) => {
    const r = await readJsonBody(ctx);
    const folderIds = r.ids('folderIds');
    const fileIds = r.ids('fileIds');
    const deleteAfter = r.bool('deleteAfter', false);
    const immediately = r.bool('immediately', false);
    const single = r.bool('returnSingleOperation', false);
    r.done();
    const { folders, files } = resolveEntries(ctx, folderIds, fileIds);
    const taskId = publishDelete(ctx, deps, folders, files, !deleteAfter, immediately);
    return reply(
      ctx,
      operations.results(currentUser(ctx).id, { id: single ? taskId : undefined, types: [FileOperationType.Delete] }),
    );
  });

  const deleteOne = (kind: 'file' | 'folder') => async (ctx: RequestContext) => {
    const entry = kind === 'file' ? requireFile(ctx, ctx.params['id']) : requireFolder(ctx, ctx.params['id']);
    const r = await readJsonBody(ctx, { dtoProperty: kind === 'file' ? 'File' : 'Folder' });
    const deleteAfter = r.bool('deleteAfter', false);
    const immediately = r.bool('immediately', false);
    r.done();
    const single = returnSingle(ctx);
    const taskId =
      entry.kind === 'file'
        ? publishDelete(ctx, deps, [], [entry], !deleteAfter, immediately)
        : publishDelete(ctx, deps, [entry], [], !deleteAfter, immediately);
    return reply(
      ctx,
      operations.results(currentUser(ctx).id, { id: single ? taskId : undefined, types: [FileOperationType.Delete] }),
    );
  };
  router.add('DELETE', `${API}/files/file/:id`, 'authenticated', deleteOne('file'));
  router.add('DELETE', `${API}/files/folder/:id`, 'authenticated', deleteOne('folder'));

  router.add('PUT', `${API}/files/fileops/emptytrash`, 'authenticated', (ctx) => {
    const q = new QueryReader(ctx.query);
    const single = q.bool('single', 'Single', false);
    q.done();
    const user = currentUser(ctx);
    const trashId = user.sections.trash;
    const folders = ctx.store.childFoldersOf(trashId);
    const files = ctx.store.childFilesOf(trashId);
    const taskId = publishDelete(ctx, deps, folders, files, true, false);
    return reply(
      ctx,
      operations.results(user.id, { id: single ? taskId : undefined, types: [FileOperationType.Delete] }),
    );
  });

  router.add('PUT', `${API}/files/fileops/duplicate`, 'authenticated', async (ctx) => {
    const r = await readJsonBody(ctx);
    const folderIds = r.ids('folderIds');
    const fileIds = r.ids('fileIds');
    const single = r.bool('returnSingleOperation', false);
    r.done();
    const user = currentUser(ctx);
    let taskId: string | undefined;
    if (folderIds.length > 0 || fileIds.length > 0) {
      const { folders, files } = resolveEntries(ctx, folderIds, fileIds);
      for (const entry of [...folders, ...files]) {
        // Rooms may be duplicated too (FileDuplicateOperation makes "Title (1)" in Rooms).
        if (areaOfEntry(ctx.store, entry) !== 'live' || (entry.kind === 'folder' && isSection(entry)))
          throw accessDenied();
      }
      const actor = actorOf(ctx);
      const units: OperationUnit[] = [...folders, ...files].map((entry) => ({
        steps: progressSteps(ctx, entry),
        run: () => duplicateEntry(actor, entry),
      }));
      taskId = operations.publish({ userId: user.id, type: FileOperationType.Duplicate, hold: true, units });
    }
    return reply(
      ctx,
      operations.results(user.id, { id: single ? taskId : undefined, types: [FileOperationType.Duplicate] }),
    );
  });

  router.add('PUT', `${API}/files/fileops/markasread`, 'authenticated', async (ctx) => {
    const r = await readJsonBody(ctx);
    const folderIds = r.ids('folderIds');
    const fileIds = r.ids('fileIds');
    const single = r.bool('returnSingleOperation', false);
    r.done();
    const user = currentUser(ctx);
    let taskId: string | undefined;
    if (folderIds.length > 0 || fileIds.length > 0) {
      const { folders, files } = resolveEntries(ctx, folderIds, fileIds);
      const units: OperationUnit[] = [...folders, ...files].map((entry) => ({
        steps: 1,
        run: () => ({ result: `${entry.kind}_${entry.id}` }),
      }));
      taskId = operations.publish({ userId: user.id, type: FileOperationType.MarkAsRead, hold: true, units });
    }
    return reply(
      ctx,
      operations.results(user.id, { id: single ? taskId : undefined, types: [FileOperationType.MarkAsRead] }),
    );
  });

  router.add('PUT', `${API}/files/fileops/bulkdownload`, 'authenticated', async (ctx) => {
    const r = await readJsonBody(ctx);
    const folderIds = r.ids('folderIds');
    const fileIds = r.ids('fileIds');
    const convert = r.value('fileConvertIds');
    const single = r.bool('returnSingleOperation', false);
    r.done();
    const user = currentUser(ctx);
    if (operations.isRunning(user.id, FileOperationType.Download)) throw invalidOperation(MESSAGES.manyDownloads);
    if (Array.isArray(convert)) {
      for (const item of convert) {
        const key = item && typeof item === 'object' ? (item as Record<string, unknown>)['key'] : undefined;
        if (typeof key === 'number' || (typeof key === 'string' && /^\d+$/.test(key))) fileIds.push(Number(key));
      }
    }
    let taskId: string | undefined;
    if (folderIds.length > 0 || fileIds.length > 0) {
      const { folders, files } = resolveEntries(ctx, folderIds, fileIds);
      for (const entry of [...folders, ...files]) if (areaOfEntry(ctx.store, entry) === 'trash') throw accessDenied();
      const origin = ctx.origin;
      const units: OperationUnit[] = [...folders, ...files].map((entry) => ({
        steps: progressSteps(ctx, entry),
        run: () => ({ result: `${entry.kind}_${entry.id}` }),
      }));
      taskId = operations.publish({
        userId: user.id,
        type: FileOperationType.Download,
        hold: true,
        units,
        onFinish: ({ setUrl }) => {
          const now = new Date();
          const singleFile = folders.length === 0 && files.length === 1 ? files[0] : undefined;
          const archive: BulkArchive = singleFile
            ? {
                userId: user.id,
                title: singleFile.title,
                bytes: fileBytes(singleFile),
                contentType: 'application/octet-stream',
              }
            : {
                userId: user.id,
                title: archiveName(folders, files, now),
                bytes: buildZip(zipEntries(ctx, folders, files)),
                contentType: 'application/zip',
              };
          const token = randomBytes(18).toString('base64url');
          deps.archives.set(token, archive);
          setUrl(`${origin}/filehandler.ashx?action=bulk&filename=${encodeURIComponent(token)}`);
        },
      });
    }
    return reply(
      ctx,
      operations.results(user.id, { id: single ? taskId : undefined, types: [FileOperationType.Download] }),
    );
  });

  router.get(`${API}/files/fileops`, 'authenticated', (ctx) => {
    const id = ctx.query.get('id');
    return reply(ctx, operations.results(currentUser(ctx).id, { id: id === '' ? undefined : id }));
  });

  router.get(`${API}/files/fileops/:operationType`, 'authenticated', (ctx) => {
    const q = new QueryReader(ctx.query);
    q.done();
    const raw = ctx.params['operationType'] ?? '';
    const type = /^\d+$/.test(raw)
      ? Number(raw)
      : (FileOperationType as Record<string, number>)[
          Object.keys(FileOperationType).find((k) => k.toLowerCase() === raw.toLowerCase()) ?? ''
        ];
    if (type === undefined || ![0, 1, 2, 3, 4, 7].includes(type))
      throw argumentError('Specified argument was out of the range of valid values.');
    const id = ctx.query.get('id');
    return reply(
      ctx,
      operations.results(currentUser(ctx).id, { id: id === '' ? undefined : id, types: [type as FileOperationType] }),
    );
  });

  const terminate = (ctx: RequestContext) => reply(ctx, operations.cancel(currentUser(ctx).id, ctx.params['id']));
  router.add('PUT', `${API}/files/fileops/terminate`, 'authenticated', terminate);
  router.add('PUT', `${API}/files/fileops/terminate/:id`, 'authenticated', terminate);

  // Pre-checks (BatchModelBinder: ids from the query, repeated or comma-separated).
  const batchQuery = (ctx: RequestContext) => {
    const ids = (name: string) =>
      [...ctx.query.getAll(name), ...ctx.query.getAll(`${name}[]`)]
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean)
        .map((v) => (/^\d+$/.test(v) ? Number(v) : v));
    const destRaw = ctx.query.get('destFolderId');
    return {
      folderIds: ids('folderIds'),
      fileIds: ids('fileIds'),
      destId: destRaw !== undefined && /^\d+$/.test(destRaw) ? Number(destRaw) : destRaw,
    };
  };

  router.get(`${API}/files/fileops/move`, 'authenticated', (ctx) => {
    const { folderIds, fileIds, destId } = batchQuery(ctx);
    const dest = typeof destId === 'number' ? findFolder(ctx, destId) : undefined;
    if (!dest) throw folderNotFound();
    if (
      dest.folderType !== FolderType.VirtualRooms &&
      dest.folderType !== FolderType.Archive &&
      !canCreateIn(ctx.store, dest)
    )
      throw accessDenied();
    const folders = folderIds
      .map((id) => (typeof id === 'number' ? findFolder(ctx, id) : undefined))
      .filter((f) => f !== undefined);
    const files = fileIds
      .map((id) => (typeof id === 'number' ? findFile(ctx, id) : undefined))
      .filter((f) => f !== undefined);
    const entryJson = entryJsonFor(scopeOf(ctx));
    const parts = conflictsIn(ctx.store, dest, files, folders)
      .map((e) => entryJson(e))
      .filter((j) => j !== undefined);
    // IAsyncEnumerable<FileEntryBaseDto>: count 1, as for the operations.
    return ok(ctx, RawJson.array(parts), { count: 1 });
  });

  router.get(`${API}/files/fileops/checkdestfolder`, 'authenticated', (ctx) => {
    const { fileIds, destId } = batchQuery(ctx);
    const dest = typeof destId === 'number' ? findFolder(ctx, destId) : undefined;
    if (!dest) throw folderNotFound();
    const files = fileIds
      .map((id) => (typeof id === 'number' ? findFile(ctx, id) : undefined))
      .filter((f) => f !== undefined);
    // MoveOrCopyDestFolderCheckAsync: the files that may go to the destination (all of them for a
    // folder that accepts entries; none for the room sections and read-only places).
    const allowed = canCreateIn(ctx.store, dest) ? files : [];
    const scope = scopeOf(ctx);
    const result = fileIds.length - allowed.length !== 0 ? (allowed.length !== 0 ? 1 : 2) : 0;
    return ok(ctx, { result, files: allowed.map((f) => fileDto(scope, f)).filter((d) => d !== undefined) });
  });

  // Rooms: archive / unarchive are moves to the Archive / Rooms section; delete is an immediate delete.
  const roomMove = (toArchive: boolean) => async (ctx: RequestContext) => {
    const room = requireRoom(ctx, ctx.params['id']);
    const r = await readJsonBody(ctx, { dtoProperty: 'ArchiveRoom' });
    const deleteAfter = r.bool('deleteAfter', false);
    r.done();
    const { rooms, archive } = ctx.store.portalSections;
    const dest = ctx.store.getFolder(toArchive ? archive : rooms);
    if (!dest) throw folderNotFound();
    const actor = actorOf(ctx);
    const taskId = operations.publish({
      userId: actor.user.id,
      type: FileOperationType.Move,
      hold: !deleteAfter,
      units: moveCopyUnits(ctx, actor, { dest, folders: [room], files: [] }, false, ConflictResolveType.Skip),
    });
    const [op] = operations.results(actor.user.id, { id: taskId, types: [FileOperationType.Move] });
    return ok(ctx, fileOperationDto(scopeOf(ctx), op ?? finishedPlaceholder(taskId, FileOperationType.Move)));
  };
  router.add('PUT', `${API}/files/rooms/:id/archive`, 'authenticated', roomMove(true));
  router.add('PUT', `${API}/files/rooms/:id/unarchive`, 'authenticated', roomMove(false));

  router.add('DELETE', `${API}/files/rooms/:id`, 'authenticated', async (ctx) => {
    const room = requireRoom(ctx, ctx.params['id']);
    const r = await readJsonBody(ctx, { dtoProperty: 'DeleteRoom' });
    const deleteAfter = r.bool('deleteAfter', false);
    r.done();
    const taskId = publishDelete(ctx, deps, [room], [], !deleteAfter, true) ?? '';
    const results = operations.results(currentUser(ctx).id, { types: [FileOperationType.Delete] });
    const op =
      results.find((o) => o.id === taskId) ?? results[0] ?? finishedPlaceholder(taskId, FileOperationType.Delete);
    return ok(ctx, fileOperationDto(scopeOf(ctx), op));
  });
}

/** What the server would report for an operation already dequeued (deleteAfter:true, finished at once). */
function finishedPlaceholder(id: string, type: FileOperationType): OperationSnapshot {
  return { id, type, progress: 100, processed: '1', results: [], error: '', finished: true, status: 2 };
}

// Long-running operations (docspace-api.md §5.2, OperationController): move, copy, delete,
// duplicate, mark as read, empty trash, their polling and termination, the move pre-checks, and
// the single-entry deletes and room archive/unarchive/delete that run as operations. Bulk download
// is in bulk-download.ts; the shared checks and units in operation-units.ts.
import { readJsonBody } from '../body.ts';
import type { RequestContext } from '../context.ts';
import { entryJsonFor, fileDto } from '../dto/entries.ts';
import { fileOperationDto } from '../dto/file-operation.ts';
import { FolderType } from '../enums.ts';
import { ok, RawJson } from '../envelope.ts';
import { accessDenied, argumentError, folderNotFound } from '../errors.ts';
import {
  areaOfEntry,
  canCreateIn,
  conflictsIn,
  ConflictResolveType,
  duplicateEntry,
  isSection,
} from '../operations/actions.ts';
import { FileOperationType } from '../operations/manager.ts';
import type { OperationUnit } from '../operations/manager.ts';
import { QueryReader } from '../query.ts';
import type { Router } from '../router.ts';
import { findFile, findFolder, requireFile, requireFolder, requireRoom } from './access.ts';
import { registerBulkDownloadRoute } from './bulk-download.ts';
import { API, currentUser, scopeOf } from './common.ts';
import {
  actorOf,
  checkMoveCopy,
  finishedPlaceholder,
  moveCopyUnits,
  progressSteps,
  publishDelete,
  readResolveType,
  reply,
  resolveEntries,
  returnSingle,
} from './operation-units.ts';
import type { OperationRoutesDeps } from './operation-units.ts';

export type { BulkArchive, OperationRoutesDeps } from './operation-units.ts';

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

  registerBulkDownloadRoute(router, deps);

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

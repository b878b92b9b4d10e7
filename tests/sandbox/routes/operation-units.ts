// What the operation routes share: the actor, the reply as OperationController writes it, the
// permission pre-checks of move/copy/delete and the units each operation runs.
import type { BodyReader } from '../body.ts';
import type { RequestContext } from '../context.ts';
import { fileOperationDto } from '../dto/file-operation.ts';
import { FolderType } from '../enums.ts';
import { ok } from '../envelope.ts';
import { accessDenied, fileNotFound, folderNotFound, invalidOperation } from '../errors.ts';
import {
  areaOfEntry,
  canCreateIn,
  chainIds,
  ConflictResolveType,
  deleteEntry,
  isRoom,
  isSection,
  MESSAGES,
  moveCopyFile,
  moveCopyFolder,
} from '../operations/actions.ts';
import type { Actor } from '../operations/actions.ts';
import { FileOperationType } from '../operations/manager.ts';
import type { FileOperationManager, OperationSnapshot, OperationUnit } from '../operations/manager.ts';
import { QueryReader } from '../query.ts';
import type { EntryRecord, FileRecord, FolderRecord } from '../store.ts';
import { findFile, findFolder } from './access.ts';
import { currentUser, scopeOf } from './common.ts';

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

export function actorOf(ctx: RequestContext): Actor {
  return { store: ctx.store, user: currentUser(ctx), now: new Date() };
}

/** The operation actions are `IAsyncEnumerable<FileOperationDto>`: not an IEnumerable when the
 *  envelope is built, so `count` is 1 whatever the length (docspace-api.md §2.1). */
export function reply(ctx: RequestContext, ops: readonly OperationSnapshot[]) {
  const scope = scopeOf(ctx);
  return ok(
    ctx,
    ops.map((op) => fileOperationDto(scope, op)),
    { count: 1 },
  );
}

export function progressSteps(ctx: RequestContext, entry: EntryRecord): number {
  return entry.kind === 'file' ? 1 : 1 + ctx.store.descendants(entry.id).length;
}

/** Ids of the request resolved to entries; a missing one fails the whole request (permission pre-check). */
export function resolveEntries(
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

export function readResolveType(r: BodyReader): ConflictResolveType {
  return (
    r.enumValue(
      ConflictResolveType,
      'conflictResolveType',
      'ASC.Web.Files.Services.WCFService.FileOperations.FileConflictResolveType',
    ) ?? ConflictResolveType.Skip
  );
}

/** `returnSingleOperation` from the body, or from the query for body-less shapes. */
export function returnSingle(ctx: RequestContext, r?: BodyReader): boolean {
  if (r?.has('returnSingleOperation')) return r.bool('returnSingleOperation', false);
  const q = new QueryReader(ctx.query);
  const value = q.bool('returnSingleOperation', 'ReturnSingleOperation', false);
  q.done();
  return value;
}

export interface MoveCopyRequest {
  folders: FolderRecord[];
  files: FileRecord[];
  dest: FolderRecord;
}

/** CopyPermissionsCheck: destination exists and accepts entries; no folder into its own subtree. */
export function checkMoveCopy(
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

export function moveCopyUnits(
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

export function deleteUnits(
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
export function checkDelete(
  ctx: RequestContext,
  folders: FolderRecord[],
  files: FileRecord[],
  immediately: boolean,
): void {
  for (const folder of folders) {
    if (isSection(folder)) throw accessDenied();
    if (isRoom(folder) && !immediately) throw accessDenied();
    if (!isRoom(folder) && areaOfEntry(ctx.store, folder) === 'archive') throw accessDenied();
  }
  for (const file of files) if (areaOfEntry(ctx.store, file) === 'archive') throw accessDenied();
}

export function publishDelete(
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

/** What the server would report for an operation already dequeued (deleteAfter:true, finished at once). */
export function finishedPlaceholder(id: string, type: FileOperationType): OperationSnapshot {
  return { id, type, progress: 100, processed: '1', results: [], error: '', finished: true, status: 2 };
}

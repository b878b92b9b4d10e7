import * as v from 'valibot';
import { appError } from '../errors/index.ts';
import type { EntryId } from '../protocol/index.ts';
import type { Lane } from '../scheduler/request-executor.ts';
import type { DocSpaceClient } from './client.ts';
import { entryIdSchema } from './dto.ts';

/** FileOperationDto: `Operation` with a capital O, `processed` a string, `error` only when it failed. */
export const fileOperationSchema = v.looseObject({
  id: v.string(),
  Operation: v.optional(v.number()),
  progress: v.optional(v.number()),
  finished: v.optional(v.boolean()),
  error: v.optional(v.nullable(v.string())),
  url: v.optional(v.string()),
  folders: v.optional(v.array(v.looseObject({ id: entryIdSchema }))),
  files: v.optional(v.array(v.looseObject({ id: entryIdSchema }))),
});
export type FileOperation = v.InferOutput<typeof fileOperationSchema>;

export interface OperationOptions {
  lane?: Lane;
  signal?: AbortSignal;
  /** How long to wait between looks at a running operation. */
  pollMs?: number;
  /** Looks at most this many times before giving up (a stuck operation must not hold a job forever). */
  maxPolls?: number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Asked when `signal` aborts the wait: true stops the operation on the portal too (`fileops/terminate`), as a
   * user's Cancel means; false (a pause, a worker stopping) lets it finish there, to be found afterwards.
   */
  terminateOnAbort?(): boolean;
}

const operationList = v.array(fileOperationSchema);

/**
 * Starts a batch delete and waits until the portal says it finished: to the Trash, or for good with `immediately`
 * (only for what the extension made and no one has seen, such as the HTML a conversion replaced).
 */
export async function trashEntries(
  client: DocSpaceClient,
  entries: { folderIds?: EntryId[]; fileIds?: EntryId[] },
  options: OperationOptions & { immediately?: boolean },
): Promise<FileOperation> {
  const started = await client.call('/api/2.0/files/fileops/delete', {
    method: 'PUT',
    body: {
      folderIds: entries.folderIds ?? [],
      fileIds: entries.fileIds ?? [],
      deleteAfter: false,
      immediately: options.immediately ?? false,
      returnSingleOperation: true,
    },
    schema: v.union([fileOperationSchema, operationList]),
    lane: options.lane ?? 'user',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const operation = Array.isArray(started.data) ? started.data.at(-1) : started.data;
  if (!operation) throw appError('badResponseField', { origin: client.origin, field: 'response' });
  return waitForOperation(client, operation, options);
}

/** Polls `GET files/fileops?id=` until the operation finished; its error, if any, becomes the failure. */
export async function waitForOperation(
  client: DocSpaceClient,
  first: FileOperation,
  options: OperationOptions,
): Promise<FileOperation> {
  let operation = first;
  try {
    for (let poll = 0; !operation.finished; poll++) {
      if (poll >= (options.maxPolls ?? 60)) throw appError('operationStuck', {});
      await options.sleep(options.pollMs ?? 500, options.signal);
      const { data } = await client.call('/api/2.0/files/fileops', {
        query: { id: operation.id },
        schema: operationList,
        lane: options.lane ?? 'user',
        ...(options.signal ? { signal: options.signal } : {}),
      });
      operation = data.find((o) => o.id === operation.id) ?? { ...operation, finished: true };
    }
  } catch (error) {
    if (options.signal?.aborted && !operation.finished && options.terminateOnAbort?.()) {
      // Best effort: what the portal did before it stopped stays done, and the caller's error still stands.
      await client
        .call(`/api/2.0/files/fileops/terminate/${encodeURIComponent(operation.id)}`, {
          method: 'PUT',
          schema: operationList,
          lane: 'user',
        })
        .catch(() => undefined);
    }
    throw error;
  }
  if (operation.error) throw appError('operationFailed', { detail: operation.error });
  return operation;
}

/**
 * Moves (or copies) entries into a folder and waits until the portal finished. Conflicts follow `conflict`
 * (FileConflictResolveType, written as a name: Skip, Overwrite, Duplicate).
 */
export async function transferEntries(
  client: DocSpaceClient,
  entries: { folderIds?: EntryId[]; fileIds?: EntryId[] },
  destFolderId: EntryId,
  options: OperationOptions & { copy?: boolean; conflict?: 'Skip' | 'Overwrite' | 'Duplicate' },
): Promise<FileOperation> {
  const started = await client.call(`/api/2.0/files/fileops/${options.copy ? 'copy' : 'move'}`, {
    method: 'PUT',
    body: {
      folderIds: entries.folderIds ?? [],
      fileIds: entries.fileIds ?? [],
      destFolderId,
      conflictResolveType: options.conflict ?? 'Duplicate',
      deleteAfter: false,
      returnSingleOperation: true,
    },
    schema: v.union([fileOperationSchema, operationList]),
    lane: options.lane ?? 'user',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const operation = Array.isArray(started.data) ? started.data.at(-1) : started.data;
  if (!operation) throw appError('badResponseField', { origin: client.origin, field: 'response' });
  return waitForOperation(client, operation, options);
}

/**
 * Starts a bulk download (the portal packs the entries into one archive) and waits for its link, which must be
 * on the portal: a link elsewhere would send the account's credentials to another site.
 */
export async function bulkDownload(
  client: DocSpaceClient,
  entries: { folderIds?: EntryId[]; fileIds?: EntryId[] },
  options: OperationOptions,
): Promise<string> {
  const started = await client.call('/api/2.0/files/fileops/bulkdownload', {
    method: 'PUT',
    body: { folderIds: entries.folderIds ?? [], fileIds: entries.fileIds ?? [], returnSingleOperation: true },
    schema: v.union([fileOperationSchema, operationList]),
    lane: options.lane ?? 'user',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const first = Array.isArray(started.data) ? started.data.at(-1) : started.data;
  if (!first) throw appError('badResponseField', { origin: client.origin, field: 'response' });
  const done = await waitForOperation(client, first, options);
  let url: URL;
  try {
    url = new URL(done.url ?? '', client.origin);
  } catch {
    throw appError('badResponseField', { origin: client.origin, field: 'url' });
  }
  if (!done.url || url.origin !== new URL(client.origin).origin)
    throw appError('badResponseField', { origin: client.origin, field: 'url' });
  return url.toString();
}

const conflictSchema = v.array(
  v.looseObject({ id: entryIdSchema, title: v.string(), fileExst: v.optional(v.string()) }),
);

/** Entries in the destination that have the name of one being moved or copied there. */
export async function moveConflicts(
  client: DocSpaceClient,
  entries: { folderIds?: EntryId[]; fileIds?: EntryId[] },
  destFolderId: EntryId,
): Promise<Array<{ kind: 'file' | 'folder'; id: EntryId; title: string }>> {
  const { data } = await client.call('/api/2.0/files/fileops/move', {
    query: { destFolderId, folderIds: entries.folderIds ?? [], fileIds: entries.fileIds ?? [] },
    schema: conflictSchema,
    lane: 'interactive',
  });
  return data.map((entry) => ({
    kind: entry.fileExst !== undefined ? 'file' : 'folder',
    id: entry.id,
    title: entry.title,
  }));
}

/**
 * Uploads (docspace-api.md §6): the same-name check, a file in one request, and chunked upload sessions over
 * the REST session routes, chunks numbered so that sending one again replaces it instead of adding to it.
 */
import * as v from 'valibot';
import type { EntryId } from '../protocol/index.ts';
import type { Lane } from '../scheduler/request-executor.ts';
import type { DocSpaceClient } from './client.ts';
import { fileDtoSchema, type FileDto } from './dto.ts';

const id = (value: EntryId) => encodeURIComponent(String(value));
const fileSchema = fileDtoSchema as v.GenericSchema<unknown, FileDto>;

interface Options {
  lane?: Lane;
  signal?: AbortSignal;
}

const call = (options: Options) => ({
  lane: options.lane ?? 'bulk',
  ...(options.signal ? { signal: options.signal } : {}),
});

/** FilesSettingsDto: the largest chunk the portal takes (files:uploader:chunk-size, 10 MiB by default). */
export const DEFAULT_CHUNK_SIZE = 10 * 1024 * 1024;

export async function uploadSettings(client: DocSpaceClient, options: Options = {}): Promise<{ chunkSize: number }> {
  const { data } = await client.call('/api/2.0/files/settings', {
    schema: v.looseObject({ chunkUploadSize: v.optional(v.number()) }),
    ...call(options),
  });
  const size = data.chunkUploadSize;
  return { chunkSize: size !== undefined && size > 0 ? size : DEFAULT_CHUNK_SIZE };
}

/** Which of these names exist in the folder already. */
export async function existingTitles(
  client: DocSpaceClient,
  folderId: EntryId,
  titles: string[],
  options: Options = {},
): Promise<string[]> {
  const { data } = await client.call(`/api/2.0/files/${id(folderId)}/upload/check`, {
    method: 'POST',
    body: { filesTitle: titles },
    schema: v.array(v.string()),
    // Only reads: the same question may be asked again.
    idempotent: true,
    ...call(options),
  });
  return data;
}

function formWith(blob: Blob, name: string): FormData {
  const form = new FormData();
  form.append('file', blob, name);
  return form;
}

/** A file in one request; `createNewIfExist: false` makes it a new version of a same-named file. */
export async function uploadWhole(
  client: DocSpaceClient,
  folderId: EntryId,
  file: { blob: Blob; name: string },
  createNewIfExist: boolean,
  options: Options = {},
): Promise<FileDto> {
  const { data } = await client.call(`/api/2.0/files/${id(folderId)}/upload`, {
    method: 'POST',
    query: { createNewIfExist },
    body: formWith(file.blob, file.name),
    schema: v.array(fileSchema),
    ...call(options),
  });
  const made = data[0];
  if (!made) throw new TypeError('upload answered no file');
  return made;
}

const sessionSchema = v.looseObject({ id: v.string(), expired: v.optional(v.string()) });

export interface UploadSessionInfo {
  id: string;
  /** When the portal drops the session unless another chunk comes (epoch ms; sliding, 12 h by default). */
  expiresAt: number | undefined;
}

function sessionInfo(data: v.InferOutput<typeof sessionSchema>): UploadSessionInfo {
  const at = data.expired ? Date.parse(data.expired) : NaN;
  return { id: data.id, expiresAt: Number.isFinite(at) ? at : undefined };
}

/** Opens a chunked upload session; the portal refuses a file above its size limit here, before any byte. */
export async function createUploadSession(
  client: DocSpaceClient,
  folderId: EntryId,
  file: { name: string; size: number },
  createNewIfExist: boolean,
  options: Options = {},
): Promise<UploadSessionInfo> {
  const { data } = await client.call(`/api/2.0/files/${id(folderId)}/session`, {
    method: 'POST',
    body: { fileName: file.name, fileSize: file.size, createNewIfExist },
    schema: sessionSchema,
    ...call(options),
  });
  return sessionInfo(data);
}

/**
 * Sends chunk `number` (from 1). The portal stores a numbered chunk under its number, so a chunk sent again
 * after a lost answer replaces itself: the request is safe to repeat, and the scheduler may retry it.
 */
export async function uploadChunk(
  client: DocSpaceClient,
  folderId: EntryId,
  sessionId: string,
  chunk: { number: number; blob: Blob; name: string },
  options: Options = {},
): Promise<UploadSessionInfo> {
  const { data } = await client.call(`/api/2.0/files/${id(folderId)}/session/${encodeURIComponent(sessionId)}/upload`, {
    method: 'POST',
    query: { chunkNumber: chunk.number },
    body: formWith(chunk.blob, chunk.name),
    schema: sessionSchema,
    idempotent: true,
    ...call(options),
  });
  return sessionInfo(data);
}

/** Joins the chunks into the file. Not safe to repeat: a second finalize finds no session. */
export async function finalizeUploadSession(
  client: DocSpaceClient,
  folderId: EntryId,
  sessionId: string,
  options: Options = {},
): Promise<FileDto> {
  const { data } = await client.call(
    `/api/2.0/files/${id(folderId)}/session/${encodeURIComponent(sessionId)}/finalize`,
    { method: 'PUT', schema: v.looseObject({ file: fileSchema }), ...call(options) },
  );
  return data.file;
}

/** Drops a session (best effort: an expired one is gone already). */
export async function abortUploadSession(
  client: DocSpaceClient,
  folderId: EntryId,
  sessionId: string,
  options: Options = {},
): Promise<void> {
  await client.call(`/api/2.0/files/${id(folderId)}/session/${encodeURIComponent(sessionId)}`, {
    method: 'DELETE',
    schema: v.unknown(),
    idempotent: true,
    ...call(options),
  });
}

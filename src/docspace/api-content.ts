/** Files made from content (docspace-api.md: `POST files/{folderId}/html`): a saved article or selection. */
import type * as v from 'valibot';
import type { EntryId } from '../protocol/index.ts';
import type { DocSpaceClient } from './client.ts';
import { fileDtoSchema, type FileDto } from './dto.ts';

const fileSchema = fileDtoSchema as v.GenericSchema<unknown, FileDto>;

/**
 * Creates "{title}.html" holding `content`. `createNewIfExist: false` makes it a new version of a same-named file.
 * Not idempotent: a lost answer is an unknown outcome the caller looks up.
 */
export async function createHtmlFile(
  client: DocSpaceClient,
  folderId: EntryId,
  file: { title: string; content: string; createNewIfExist: boolean },
  options: { signal?: AbortSignal } = {},
): Promise<FileDto> {
  const { data } = await client.call(`/api/2.0/files/${encodeURIComponent(String(folderId))}/html`, {
    method: 'POST',
    body: { title: file.title, content: file.content, createNewIfExist: file.createNewIfExist },
    schema: fileSchema,
    lane: 'bulk',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return data;
}

/**
 * Copies a file into a folder under a new title; another extension than the source's makes the portal convert it
 * (docspace-api.md: `POST files/file/{id}/copyas`, "copies and converts if possible"; the formats are the
 * portal's `extsConvertible`). Not idempotent: a lost answer is an unknown outcome the caller looks up.
 */
export async function copyFileAs(
  client: DocSpaceClient,
  fileId: EntryId,
  copy: { destFolderId: EntryId; destTitle: string },
  options: { signal?: AbortSignal } = {},
): Promise<FileDto> {
  const { data } = await client.call(`/api/2.0/files/file/${encodeURIComponent(String(fileId))}/copyas`, {
    method: 'POST',
    body: { destFolderId: copy.destFolderId, destTitle: copy.destTitle },
    schema: fileSchema,
    lane: 'bulk',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return data;
}

/** The DocSpace endpoints the extension uses, each a thin typed call on DocSpaceClient. */
import * as v from 'valibot';
import { appError } from '../errors/index.ts';
import type { EntryId, PageRequest, SectionId } from '../protocol/index.ts';
import type { DocSpaceClient } from './client.ts';
import type { Outcome } from '../scheduler/request-executor.ts';
import {
  authTokenSchema,
  folderContentSchema,
  folderDtoSchema,
  type FolderDto,
  portalSettingsSchema,
  selfSchema,
  type FolderContentDto,
  type PortalSettingsDto,
  type SelfDto,
} from './dto.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

export const SECTION_PATHS: Record<Exclude<SectionId, 'rooms'>, string> = {
  my: '/api/2.0/files/@my',
  // The documented route (files/@recent is a hidden alias the spec does not describe).
  recent: '/api/2.0/files/recent',
  favorites: '/api/2.0/files/@favorites',
  trash: '/api/2.0/files/@trash',
};

export function pageQuery(page: PageRequest): { startIndex: number; count: number } {
  const startIndex = Math.max(0, Math.floor(page.startIndex ?? 0));
  const count = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(page.count ?? DEFAULT_PAGE_SIZE)));
  return { startIndex, count };
}

export async function getPortalSettings(client: DocSpaceClient): Promise<PortalSettingsDto> {
  return (await client.call('/api/2.0/settings', { schema: portalSettingsSchema, anonymous: true })).data;
}

export interface SessionToken {
  token: string;
  expires: string | null;
}

export async function authenticate(client: DocSpaceClient, userName: string, password: string): Promise<SessionToken> {
  const { data } = await client.call('/api/2.0/authentication', {
    method: 'POST',
    body: { userName, password },
    schema: authTokenSchema,
    anonymous: true,
  });
  if (!data.token) throw appError(data.tfa || data.sms ? 'twoFactorRequired' : 'signInNoToken', {});
  // "0001-01-01T00:00:00" is what DocSpace writes for a session-only token.
  const expires = data.expires && !data.expires.startsWith('0001-') ? data.expires : null;
  return { token: data.token, expires };
}

export async function getSelf(client: DocSpaceClient): Promise<SelfDto> {
  return (await client.call('/api/2.0/people/@self', { schema: selfSchema })).data;
}

export interface ListOptions extends PageRequest {
  signal?: AbortSignal;
  /** A newer listing with the same key cancels this one if it has not finished. */
  supersedeKey?: string;
  lane?: 'interactive' | 'user' | 'bulk';
}

export async function listRooms(
  client: DocSpaceClient,
  options: ListOptions & { filterValue?: string },
): Promise<FolderContentDto> {
  const query = { ...pageQuery(options), filterValue: options.filterValue || undefined };
  return listing(client, '/api/2.0/files/rooms', query, options);
}

export async function listFolder(
  client: DocSpaceClient,
  folderId: EntryId,
  options: ListOptions,
): Promise<FolderContentDto> {
  return listing(client, `/api/2.0/files/${encodeURIComponent(String(folderId))}`, pageQuery(options), options);
}

export async function listSection(
  client: DocSpaceClient,
  section: keyof typeof SECTION_PATHS,
  options: ListOptions,
): Promise<FolderContentDto> {
  return listing(client, SECTION_PATHS[section], pageQuery(options), options);
}

async function listing(
  client: DocSpaceClient,
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  list: ListOptions,
): Promise<FolderContentDto> {
  const options: Parameters<DocSpaceClient['call']>[1] = {
    schema: folderContentSchema as v.GenericSchema<unknown, FolderContentDto>,
    query,
  };
  if (list.signal) options.signal = list.signal;
  if (list.supersedeKey) options.supersedeKey = list.supersedeKey;
  if (list.lane) options.lane = list.lane;
  return (await client.call(path, options)).data as FolderContentDto;
}

/** DocSpace FilterType 2: folders only. */
const FOLDERS_ONLY = 2;

/** Every subfolder of a folder (paged by 100, the most DocSpace gives at once). */
export async function listSubfolders(
  client: DocSpaceClient,
  folderId: EntryId,
  options: { lane?: ListOptions['lane']; signal?: AbortSignal; filterValue?: string } = {},
): Promise<FolderDto[]> {
  const folders: FolderDto[] = [];
  for (let startIndex = 0; ;) {
    const query = {
      startIndex,
      count: MAX_PAGE_SIZE,
      filterType: FOLDERS_ONLY,
      withSubFolders: false,
      filterValue: options.filterValue || undefined,
    };
    const page = await listing(client, `/api/2.0/files/${encodeURIComponent(String(folderId))}`, query, {
      lane: options.lane ?? 'user',
      ...(options.signal ? { signal: options.signal } : {}),
    });
    folders.push(...page.folders);
    startIndex += page.folders.length + page.files.length;
    if (page.folders.length + page.files.length === 0 || startIndex >= page.total) return folders;
  }
}

/** The folder named `title` directly inside `parentId`, if there is one (names compare as DocSpace shows them). */
export async function findSubfolder(
  client: DocSpaceClient,
  parentId: EntryId,
  title: string,
  options: { lane?: ListOptions['lane']; signal?: AbortSignal } = {},
): Promise<FolderDto | undefined> {
  const matches = await listSubfolders(client, parentId, { ...options, filterValue: title });
  return matches.find((folder) => folder.title === title);
}

export async function createFolder(
  client: DocSpaceClient,
  parentId: EntryId,
  title: string,
  options: { lane?: ListOptions['lane']; signal?: AbortSignal; checkOutcome?: () => Promise<Outcome<FolderDto>> } = {},
): Promise<FolderDto> {
  const call: Parameters<DocSpaceClient['call']>[1] = {
    method: 'POST',
    body: { title },
    schema: folderDtoSchema as v.GenericSchema<unknown, FolderDto>,
    lane: options.lane ?? 'user',
  };
  if (options.signal) call.signal = options.signal;
  const check = options.checkOutcome;
  if (check) {
    call.checkOutcome = async () => {
      const outcome = await check();
      return outcome.happened
        ? { happened: true, value: { data: outcome.value, count: 1, total: undefined } }
        : { happened: false };
    };
  }
  return (await client.call(`/api/2.0/files/folder/${encodeURIComponent(String(parentId))}`, call)).data as FolderDto;
}

const vUnknown = v.unknown();
const activeConnectionsSchema = v.looseObject({ loginEvent: v.number() });

/**
 * Ends this session token on the server. `authentication/logout` only clears the asc_auth_key cookie, which
 * the worker never sends, so it would leave a header token valid: the connection is ended by its login event.
 */
export async function endSession(client: DocSpaceClient): Promise<void> {
  const { data } = await client.call('/api/2.0/security/activeconnections', {
    schema: activeConnectionsSchema as v.GenericSchema<unknown, { loginEvent: number }>,
    lane: 'user',
  });
  await client.call(`/api/2.0/security/activeconnections/logout/${data.loginEvent}`, {
    method: 'PUT',
    schema: vUnknown,
    lane: 'user',
    idempotent: true,
  });
}

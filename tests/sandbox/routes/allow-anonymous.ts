// The Files actions marked [AllowAnonymous] (they serve share-link visitors too). Without
// credentials they do not answer the 401 challenge: they run, and the security check inside
// refuses (403 with the error body; 404 when the entry does not exist), or they answer what an
// anonymous caller has (no operations, the portal's file settings). The scope policy of API keys
// and OAuth tokens is not attached to them either (AuthorizationExtension skips AllowAnonymous).
import type { Reply, RequestContext } from '../context.ts';
import { ok } from '../envelope.ts';
import { ApiError, fileNotFound, folderNotFound } from '../errors.ts';
import { parseEntryId } from './common.ts';

type Refusal = { kind: 'file' | 'folder'; param: string; status?: number; message: string; type: string };
type Behaviour = Refusal | { answer: (ctx: RequestContext) => Reply } | 'run';

const SECURITY = 'System.Security.SecurityException';
const INVALID = 'System.InvalidOperationException';
const denied = (kind: Refusal['kind'], param: string): Refusal => ({
  kind,
  param,
  message: 'Access denied',
  type: SECURITY,
});

const F = '/api/2.0/files';
const BEHAVIOURS: ReadonlyMap<string, Behaviour> = new Map<string, Behaviour>([
  // GetFolderItemsAsync: SecurityException(ReadFolder).
  [`GET ${F}/:folderId`, denied('folder', 'folderId')],
  // GetFolderAsync / GetRoomInfo: InvalidOperationException(ReadFolder).
  [
    `GET ${F}/folder/:folderId`,
    {
      kind: 'folder',
      param: 'folderId',
      message: "You don't have enough permission to view the folder content",
      type: INVALID,
    },
  ],
  [
    `GET ${F}/rooms/:roomId`,
    {
      kind: 'folder',
      param: 'roomId',
      message: "You don't have enough permission to view the folder content",
      type: INVALID,
    },
  ],
  // GetFileAsync: InvalidOperationException(ReadFile).
  [
    `GET ${F}/file/:fileId`,
    { kind: 'file', param: 'fileId', message: "You don't have enough permission to view the file", type: INVALID },
  ],
  [`GET ${F}/file/:fileId/history`, denied('file', 'fileId')],
  [`PUT ${F}/file/:fileId`, denied('file', 'fileId')],
  [`POST ${F}/file/:fileId/restoreversion`, denied('file', 'fileId')],
  [`GET ${F}/file/:id/link`, denied('file', 'id')],
  [`GET ${F}/folder/:id/link`, denied('folder', 'id')],
  // An anonymous caller has no operations.
  [`GET ${F}/fileops`, { answer: (ctx) => ok(ctx, [], { count: 1 }) }],
  [`GET ${F}/fileops/:operationType`, { answer: (ctx) => ok(ctx, [], { count: 1 }) }],
  [`PUT ${F}/fileops/terminate`, { answer: (ctx) => ok(ctx, [], { count: 1 }) }],
  [`PUT ${F}/fileops/terminate/:id`, { answer: (ctx) => ok(ctx, [], { count: 1 }) }],
  // GetFilesSettings answers anyone.
  [`GET ${F}/settings`, 'run'],
]);

export function isAllowAnonymous(method: string, pattern: string): boolean {
  return BEHAVIOURS.has(`${method} ${pattern}`);
}

/** What an [AllowAnonymous] route answers a caller without credentials; undefined: run the handler. */
export function anonymousAnswer(
  ctx: RequestContext,
  method: string,
  pattern: string,
  params: Record<string, string>,
): Reply | undefined {
  const behaviour = BEHAVIOURS.get(`${method} ${pattern}`);
  if (!behaviour || behaviour === 'run') return undefined;
  if ('answer' in behaviour) return behaviour.answer(ctx);
  const id = parseEntryId(params[behaviour.param]);
  const exists =
    id !== undefined && (behaviour.kind === 'file' ? ctx.store.getFile(id) : ctx.store.getFolder(id)) !== undefined;
  if (!exists) throw behaviour.kind === 'file' ? fileNotFound() : folderNotFound();
  throw new ApiError(behaviour.status ?? 403, behaviour.message, behaviour.type);
}

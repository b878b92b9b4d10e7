// Personal API keys (docspace-api.md §3.5, ApiKeysController): list, create (the full key only in
// this answer), the key of the request, the permission list, update and delete. The demo user is the
// portal owner (a DocSpace admin), so the list shows every key of the portal.
import { readJsonBody } from '../body.ts';
import type { RequestContext } from '../context.ts';
import { apiDate } from '../dates.ts';
import { employeeDto } from '../dto/employee.ts';
import { ok } from '../envelope.ts';
import { accessDenied, ApiError, argumentError, noSuchRoute } from '../errors.ts';
import { PORTAL } from '../portal-config.ts';
import { isDocSpaceAdmin } from '../people/roles.ts';
import type { Router } from '../router.ts';
import type { ApiKeyRecord } from '../store.ts';
import { API, currentUser } from './common.ts';
import { createApiKey, deleteApiKey, updateApiKey } from '../store-api-keys.ts';

/** GetAllPermissions: the scopes of AuthorizationExtension.ScopesMap plus the global ones, ordered. */
export const API_KEY_PERMISSIONS = [
  '*:read',
  '*:write',
  'accounts:read',
  'accounts:write',
  'accounts.self:read',
  'accounts.self:write',
  'files:read',
  'files:write',
  'rooms:read',
  'rooms:write',
] as const;

const NAME_LENGTH = 'Incorrect name. Length must be less than 30';
const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const DAY_MS = 86_400_000;

function date(d: Date | null): string | undefined {
  return d ? apiDate(d, PORTAL.utcOffsetMinutes) : undefined;
}

export function apiKeyDto(ctx: RequestContext, record: ApiKeyRecord, key?: string): Record<string, unknown> {
  return {
    id: record.id,
    name: record.name,
    key,
    keyPostfix: record.keyPostfix,
    permissions: record.permissions,
    lastUsed: date(record.lastUsed),
    createOn: date(record.createdOn),
    createBy: employeeDto(ctx.store.users.get(record.userId), ctx.origin),
    expiresAt: date(record.expiresAt),
    isActive: record.isActive,
  };
}

function validPermissions(permissions: readonly string[] | undefined): boolean {
  if (!permissions || permissions.length === 0) return true;
  return permissions.every((p) => p === '*' || (API_KEY_PERMISSIONS as readonly string[]).includes(p));
}

/** "*" alone means full access and is stored as an empty list. */
function normalize(permissions: string[] | undefined): string[] | undefined {
  if (!permissions) return undefined;
  return permissions.includes('*') ? [] : permissions;
}

/** What the server does with an unknown key id (the manager returns null and the action dereferences it). */
function nullReference(): ApiError {
  return new ApiError(500, 'Object reference not set to an instance of an object.', 'System.NullReferenceException');
}

function keyById(ctx: RequestContext): ApiKeyRecord | undefined {
  const raw = ctx.params['keyId'] ?? '';
  if (!GUID.test(raw)) throw noSuchRoute(ctx.method, ctx.path);
  const wanted = raw.toLowerCase().replace(/^(.{8})-?(.{4})-?(.{4})-?(.{4})-?(.{12})$/, '$1-$2-$3-$4-$5');
  return ctx.store.apiKeys.get(wanted);
}

export function registerKeyRoutes(router: Router): void {
  router.get(`${API}/keys`, 'authenticated', (ctx) => {
    const user = currentUser(ctx);
    const keys = [...ctx.store.apiKeys.values()].filter((k) => isDocSpaceAdmin(user) || k.userId === user.id);
    // IAsyncEnumerable action: count is 1 (docspace-api.md §2.1).
    return ok(
      ctx,
      keys.map((k) => apiKeyDto(ctx, k)),
      { count: 1 },
    );
  });

  router.post(`${API}/keys`, 'authenticated', async (ctx) => {
    const r = await readJsonBody(ctx, { dtoProperty: 'apiKey' });
    // CreateApiKeyRequestDto: `required string Name` with [Required] and [StringLength(30)].
    if (r.value('name') === undefined)
      r.fail(
        '$',
        "JSON deserialization for type 'ASC.People.ApiModels.RequestDto.CreateApiKeyRequestDto' was missing required properties including: 'name'.",
      );
    const name = r.text('name', 'Name', { required: true, maxLength: 30, lengthMessage: NAME_LENGTH }) ?? '';
    const permissions = r.strings('permissions');
    const expiresInDays = r.int('expiresInDays');
    if (expiresInDays !== undefined && (expiresInDays < 1 || expiresInDays > 365))
      r.fail('ExpiresInDays', 'Incorrect number of days. Value must be between 1 and 365');
    r.done();
    if (currentUser(ctx).type === 'Guest') throw accessDenied();
    if (!validPermissions(permissions)) throw argumentError('Permissions are not valid.');
    const now = new Date();
    const { key, record } = createApiKey(ctx.store, {
      name,
      userId: currentUser(ctx).id,
      permissions: normalize(permissions) ?? [],
      expiresAt: expiresInDays !== undefined ? new Date(now.getTime() + expiresInDays * DAY_MS) : null,
      now,
    });
    ctx.store.touch();
    return ok(ctx, apiKeyDto(ctx, record, key));
  });

  router.get(`${API}/keys/permissions`, 'authenticated', (ctx) => ok(ctx, [...API_KEY_PERMISSIONS]));

  router.get(`${API}/keys/@self`, 'authenticated', (ctx) => {
    const id = ctx.auth.identity?.apiKeyId;
    const record = id ? ctx.store.apiKeys.get(id) : undefined;
    if (!record) throw nullReference();
    return ok(ctx, apiKeyDto(ctx, record));
  });

  router.add('PUT', `${API}/keys/:keyId`, 'authenticated', async (ctx) => {
    const record = keyById(ctx);
    const r = await readJsonBody(ctx, { dtoProperty: 'Changed' });
    const name = r.text('name', 'Name', { maxLength: 30, lengthMessage: NAME_LENGTH });
    const permissions = r.strings('permissions');
    const isActive = r.optionalBool('isActive');
    r.done();
    if (!record) throw nullReference();
    const user = currentUser(ctx);
    if (record.expiresAt && record.expiresAt.getTime() < Date.now()) return ok(ctx, false);
    if (!isDocSpaceAdmin(user) && record.userId !== user.id) return ok(ctx, false);
    if (!validPermissions(permissions)) throw argumentError('Permissions are not valid.');
    const normalized = normalize(permissions);
    updateApiKey(ctx.store, record.id, {
      ...(name ? { name } : {}),
      ...(normalized && permissions && permissions.length > 0 ? { permissions: normalized } : {}),
      ...(isActive !== undefined ? { isActive } : {}),
    });
    return ok(ctx, true);
  });

  router.add('DELETE', `${API}/keys/:keyId`, 'authenticated', (ctx) => {
    const record = keyById(ctx);
    if (!record) throw nullReference();
    const user = currentUser(ctx);
    if (!isDocSpaceAdmin(user) && record.userId !== user.id) return ok(ctx, false);
    return ok(ctx, deleteApiKey(ctx.store, record.id));
  });
}

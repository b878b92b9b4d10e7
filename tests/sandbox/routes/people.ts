// People (UserController): the caller's own profile, any profile by id, user name or e-mail, the
// directory with its filters (people, people/filter, people/simple/filter), the searches
// (people/search, people/@search/{query}) and the people with access to a room (people/room/{id}).
// Literal routes beat `people/{userid}` in the router, as ASP.NET's route order does.
import type { RequestContext } from '../context.ts';
import { employeeDto, employeeFullDto } from '../dto/employee.ts';
import { ok } from '../envelope.ts';
import { accessDenied, argumentError, userNotFound } from '../errors.ts';
import { canSeeRoom, entryVisibleTo, roomAccess } from '../members/access.ts';
import { filterUsers, matchesText, sortUsers } from '../people/directory.ts';
import type { DirectoryFilter } from '../people/directory.ts';
import { canViewUser, EmployeeTypeValue, isDocSpaceAdmin, isGuest } from '../people/roles.ts';
import { QueryReader } from '../query.ts';
import type { Router } from '../router.ts';
import type { UserRecord } from '../store.ts';
import { requireFolder } from './access.ts';
import { API, currentUser } from './common.ts';
import { cookieLoginEventId } from './connections.ts';

const SORT_ORDER = { ascending: 0, descending: 1 } as const;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function full(ctx: RequestContext, user: UserRecord, shared?: boolean) {
  return employeeFullDto(user, {
    store: ctx.store,
    origin: ctx.origin,
    viewer: currentUser(ctx),
    ...(shared !== undefined ? { shared } : {}),
  });
}

/** SimpleByFilterRequestDto from the query (unknown enum values are 400, as model binding does). */
function readFilter(r: QueryReader): DirectoryFilter & { startIndex: number; count: number } {
  const { startIndex, count } = r.paging();
  const types = r.enumList(EmployeeTypeValue, 'employeeTypes', 'EmployeeTypes');
  const single = r.enumValue(EmployeeTypeValue, 'employeeType', 'EmployeeType');
  const groupId = r.text('groupId');
  const filter: DirectoryFilter & { startIndex: number; count: number } = {
    startIndex,
    count,
    employeeTypes: single !== undefined ? [single] : types,
    isAdministrator: r.bool('isAdministrator', 'IsAdministrator', false),
    withoutGroup: r.bool('withoutGroup', 'WithoutGroup', false),
    excludeGroup: r.bool('excludeGroup', 'ExcludeGroup', false),
    descending: r.enumValue(SORT_ORDER, 'sortOrder', 'SortOrder') === SORT_ORDER.descending,
  };
  const status = r.int('employeeStatus', 'EmployeeStatus', { fallback: -1 });
  if (status !== -1) filter.employeeStatus = status;
  const activation = r.int('activationStatus', 'ActivationStatus', { fallback: -1 });
  if (activation !== -1) filter.activationStatus = activation;
  const area = r.int('area', 'Area', { fallback: -1 });
  if (area !== -1) filter.area = area;
  if (groupId !== undefined) filter.groupId = groupId;
  const text = r.text('filterValue');
  if (text !== undefined) filter.text = text;
  const sortBy = r.text('sortBy');
  if (sortBy !== undefined) filter.sortBy = sortBy;
  return filter;
}

/** GetByFilterAsync: users and guests may not browse the directory. */
function directory(ctx: RequestContext, base: Partial<DirectoryFilter> = {}) {
  const viewer = currentUser(ctx);
  const r = new QueryReader(ctx.query);
  const filter = { ...readFilter(r), ...base };
  r.done();
  if (viewer.type === 'Guest' || viewer.type === 'User') throw accessDenied();
  const users = filterUsers(ctx.store, filter);
  const page = users.slice(filter.startIndex, filter.startIndex + filter.count);
  return { page, total: users.length };
}

export function registerPeopleRoutes(router: Router): void {
  router.get(`${API}/people/@self`, 'authenticated', (ctx) => {
    const user = currentUser(ctx);
    return ok(
      ctx,
      employeeFullDto(user, {
        store: ctx.store,
        origin: ctx.origin,
        viewer: user,
        loginEventId: cookieLoginEventId(ctx),
      }),
    );
  });

  // GetAllProfiles → GetByStatus(Active) → the filter.
  router.get(`${API}/people`, 'authenticated', (ctx) => {
    const { page, total } = directory(ctx, { employeeStatus: 1 });
    return ok(
      ctx,
      page.map((u) => full(ctx, u)),
      { count: page.length, total },
    );
  });

  router.get(`${API}/people/filter`, 'authenticated', (ctx) => {
    const { page, total } = directory(ctx);
    return ok(
      ctx,
      page.map((u) => full(ctx, u)),
      { count: page.length, total },
    );
  });

  router.get(`${API}/people/simple/filter`, 'authenticated', (ctx) => {
    const { page, total } = directory(ctx);
    return ok(
      ctx,
      page.map((u) => employeeDto(u, ctx.origin)),
      { count: page.length, total },
    );
  });

  // SearchUsersByQuery → GetSearch: DocSpace admins only; active users whose name or e-mail match.
  const search = (ctx: RequestContext, query: string) => {
    if (!isDocSpaceAdmin(currentUser(ctx))) throw accessDenied();
    const users = sortUsers(
      [...ctx.store.users.values()].filter((u) => u.status === 1 && matchesText(u, query)),
      undefined,
      false,
    );
    // IAsyncEnumerable without SetCount: count is 1 (docspace-api.md §2.1).
    return ok(
      ctx,
      users.map((u) => full(ctx, u)),
      { count: 1 },
    );
  };
  router.get(`${API}/people/search`, 'authenticated', (ctx) => search(ctx, ctx.query.get('query') ?? ''));
  router.get(`${API}/people/@search/:query`, 'authenticated', (ctx) => search(ctx, ctx.params['query'] ?? ''));

  router.get(`${API}/people/email`, 'authenticated', (ctx) => {
    const email = ctx.query.get('email');
    if (!email?.trim())
      throw argumentError(
        "The value cannot be an empty string or composed entirely of whitespace. (Parameter 'email')",
      );
    const wanted = email.trim().toLowerCase();
    const user = [...ctx.store.users.values()].find((u) => u.email.toLowerCase() === wanted);
    if (!user) throw userNotFound();
    if (!canViewUser(currentUser(ctx), user)) throw accessDenied();
    return ok(ctx, full(ctx, user));
  });

  // GetUsersWithRoomShared: everyone the caller may see, with `shared` = has access to the room.
  router.get(`${API}/people/room/:id`, 'authenticated', (ctx) => {
    const viewer = currentUser(ctx);
    const room = requireFolder(ctx, ctx.params['id']);
    const r = new QueryReader(ctx.query);
    const filter = readFilter(r);
    const excludeShared = r.bool('excludeShared', 'ExcludeShared', false);
    const includeShared = r.bool('includeShared', 'IncludeShared', false);
    r.done();
    if (isGuest(viewer) || !entryVisibleTo(ctx.store, viewer, room)) throw accessDenied();
    const everyone = filterUsers(ctx.store, { ...filter, employeeStatus: filter.employeeStatus ?? 1 });
    const rows = everyone
      .filter((u) => isDocSpaceAdmin(viewer) || canViewUser(viewer, u))
      .map((u) => ({
        u,
        shared:
          room.roomType !== undefined ? canSeeRoom(ctx.store, u, room) : roomAccess(ctx.store, u, room) !== undefined,
      }))
      .filter((row) => (excludeShared ? !row.shared : includeShared ? row.shared : true));
    const page = rows.slice(filter.startIndex, filter.startIndex + filter.count);
    return ok(
      ctx,
      page.map((row) => full(ctx, row.u, row.shared)),
      { count: Math.min(Math.max(rows.length - filter.startIndex, 0), filter.count), total: rows.length },
    );
  });

  // GetProfileByUserId: by user name first, then by id.
  router.get(`${API}/people/:userId`, 'authenticated', (ctx) => {
    const wanted = (ctx.params['userId'] ?? '').toLowerCase();
    const byName = [...ctx.store.users.values()].find((u) => u.userName.toLowerCase() === wanted);
    const user = byName ?? (GUID.test(wanted) ? ctx.store.users.get(wanted) : undefined);
    if (!user) throw userNotFound();
    if (!canViewUser(currentUser(ctx), user)) throw accessDenied();
    return ok(ctx, full(ctx, user));
  });
}

// People: the caller's own profile, and any profile by id.
import { employeeFullDto } from '../dto/employee.ts';
import { ok } from '../envelope.ts';
import { userNotFound } from '../errors.ts';
import type { Router } from '../router.ts';
import { API, currentUser } from './common.ts';

export function registerPeopleRoutes(router: Router): void {
  router.get(`${API}/people/@self`, 'authenticated', (ctx) =>
    ok(ctx, employeeFullDto(currentUser(ctx), ctx.store, ctx.origin)),
  );

  router.get(`${API}/people/:userId`, 'authenticated', (ctx) => {
    currentUser(ctx);
    const wanted = (ctx.params['userId'] ?? '').toLowerCase();
    const user = ctx.store.users.get(wanted) ?? ctx.store.findUserByLogin(wanted);
    if (!user) throw userNotFound();
    return ok(ctx, employeeFullDto(user, ctx.store, ctx.origin));
  });
}

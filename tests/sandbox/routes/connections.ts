// Active connections (ConnectionsController, api/2.0/security/activeconnections): every sign-in is a
// login event; logging one out ends the tokens issued with it. The *current* connection is known
// only from the asc_auth_key cookie (GetLoginEventIdFromCookie), so a request that carries its token
// in the Authorization header gets `loginEvent: 0`, as on the server.
import type { RequestContext } from '../context.ts';
import { apiDate } from '../dates.ts';
import { ok } from '../envelope.ts';
import { accessDenied, noSuchRoute } from '../errors.ts';
import { isDocSpaceAdmin } from '../people/roles.ts';
import { PORTAL } from '../portal-config.ts';
import type { Router } from '../router.ts';
import type { LoginEventRecord } from '../store.ts';
import { summarizeUserAgent } from '../user-agent.ts';
import { API, currentUser } from './common.ts';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** The login event of the asc_auth_key cookie, or 0 (the server reads nothing else). */
export function cookieLoginEventId(ctx: RequestContext): number {
  const identity = ctx.auth.identity;
  return identity?.scheme === 'cookie' ? (identity.loginEventId ?? 0) : 0;
}

function itemDto(event: Omit<LoginEventRecord, 'active'>): Record<string, unknown> {
  return {
    id: event.id,
    tenantId: PORTAL.tenantId,
    userId: event.userId,
    mobile: event.mobile,
    ip: event.ip,
    browser: event.browser,
    platform: event.platform,
    date: apiDate(event.date, PORTAL.utcOffsetMinutes),
    page: event.page,
  };
}

/** BaseEvent of the request itself (what the server shows for the current connection). */
function requestEvent(ctx: RequestContext, id: number, userId: string): Omit<LoginEventRecord, 'active'> {
  const referer = ctx.req.headers.referer;
  return {
    id,
    userId,
    date: ctx.now,
    ip: ctx.remoteAddress,
    page: typeof referer === 'string' && referer ? referer : ctx.path,
    ...summarizeUserAgent(ctx.req.headers['user-agent']),
  };
}

export function registerConnectionRoutes(router: Router): void {
  const base = `${API}/security/activeconnections`;

  router.get(base, 'authenticated', (ctx) => {
    const user = currentUser(ctx);
    const since = ctx.now.getTime() - YEAR_MS;
    const events = [...ctx.store.loginEvents.values()]
      .filter((e) => e.userId === user.id && e.active && e.date.getTime() >= since)
      .sort((a, b) => b.id - a.id);
    const current = cookieLoginEventId(ctx);
    const items: Array<Omit<LoginEventRecord, 'active'>> = [...events];
    const at = items.findIndex((e) => e.id === current);
    if (current !== 0 && at !== -1) {
      // The current connection goes first, described by this request (platform, browser, IP).
      const [own] = items.splice(at, 1);
      if (own) items.unshift({ ...requestEvent(ctx, own.id, own.userId), date: own.date });
    } else if (current === 0 && items.length === 0) {
      items.push(requestEvent(ctx, 0, user.id));
    }
    return ok(ctx, { loginEvent: current, items: items.map(itemDto) });
  });

  router.add('PUT', `${base}/logout/:loginEventId`, 'authenticated', (ctx) => {
    const raw = ctx.params['loginEventId'] ?? '';
    // {loginEventId:int}: anything else matches no route.
    if (!/^-?\d{1,10}$/.test(raw)) throw noSuchRoute(ctx.method, ctx.path);
    const user = currentUser(ctx);
    const event = ctx.store.loginEvents.get(Number(raw));
    if (!event?.active) return ok(ctx, false);
    if (event.userId !== user.id && !isDocSpaceAdmin(user)) throw accessDenied();
    return ok(ctx, ctx.store.endLoginEvent(event.id));
  });

  router.add('PUT', `${base}/logoutallexceptthis`, 'authenticated', (ctx) => {
    const user = currentUser(ctx);
    const keep = cookieLoginEventId(ctx);
    for (const event of [...ctx.store.loginEvents.values()])
      if (event.userId === user.id && event.active && event.id !== keep) ctx.store.endLoginEvent(event.id);
    return ok(ctx, user.displayName);
  });

  router.add('PUT', `${base}/logoutall/:userId`, 'authenticated', (ctx) => {
    const user = currentUser(ctx);
    const target = (ctx.params['userId'] ?? '').toLowerCase();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(target))
      throw noSuchRoute(ctx.method, ctx.path);
    if (target !== user.id && !isDocSpaceAdmin(user)) throw accessDenied();
    for (const event of [...ctx.store.loginEvents.values()])
      if (event.userId === target && event.active) ctx.store.endLoginEvent(event.id);
    return ok(ctx, null);
  });
}

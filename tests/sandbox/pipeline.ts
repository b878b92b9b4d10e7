// The middleware chain every /api, handler and page request runs through, in this order:
//   cors -> authentication -> [extra middlewares: rate limiter, fault injector, ...] -> dispatch
// Authentication only *resolves* the caller; refusing anonymous callers happens at dispatch, so a
// limiter slotted in between sees the identity (DocSpace partitions limits by user, else by IP)
// and runs before the 401 challenge, as UseRateLimiter runs before authorization in ASP.NET.
import type { Reply, RequestContext } from './context.ts';

export type Next = () => Promise<Reply>;
export type Middleware = (ctx: RequestContext, next: Next) => Promise<Reply>;

/** A middleware with a name; a refusing middleware sets `ctx.refusedBy = name` for the log. */
export interface NamedMiddleware {
  name: string;
  handle: Middleware;
}

export function compose(
  middlewares: readonly NamedMiddleware[],
  terminal: (ctx: RequestContext) => Promise<Reply>,
): (ctx: RequestContext) => Promise<Reply> {
  return (ctx) => {
    const step = (index: number): Promise<Reply> => {
      const middleware = middlewares[index];
      if (!middleware) return terminal(ctx);
      let called = false;
      return middleware.handle(ctx, () => {
        if (called) return Promise.reject(new Error(`Middleware ${middleware.name} called next() twice`));
        called = true;
        return step(index + 1);
      });
    };
    return step(0);
  };
}

/** CORS as configured by core:cors "*": any origin, header and method, no credentials. */
export const corsMiddleware: NamedMiddleware = {
  name: 'cors',
  async handle(ctx, next) {
    const origin = ctx.req.headers.origin;
    if (!origin) return next();
    if (ctx.method === 'OPTIONS' && ctx.req.headers['access-control-request-method']) {
      const requested = ctx.req.headers['access-control-request-headers'];
      return {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': String(ctx.req.headers['access-control-request-method']),
          ...(requested ? { 'Access-Control-Allow-Headers': String(requested) } : {}),
        },
      };
    }
    const reply = await next();
    return { ...reply, headers: { ...reply.headers, 'Access-Control-Allow-Origin': '*' } };
  },
};

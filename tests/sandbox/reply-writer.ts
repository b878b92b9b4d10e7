// The way out: an error thrown by a handler becomes the server's error answer, and a Reply is
// written with Content-Length and the Server-Timing header ASP.NET Core adds.
import { BodyTooLargeError } from './context.ts';
import type { Reply, RequestContext } from './context.ts';
import { emptyReply, errorReply, validationReply } from './envelope.ts';
import { ApiError, EmptyStatusError, ValidationError } from './errors.ts';
export function toReply(ctx: RequestContext, error: unknown): Reply {
  if (error instanceof ApiError) return errorReply(error.statusCode, error.message, error.type);
  if (error instanceof ValidationError) return validationReply(ctx, error.errors);
  if (error instanceof EmptyStatusError) return emptyReply(error.statusCode, error.headers);
  if (error instanceof BodyTooLargeError) return emptyReply(413);
  const message = error instanceof Error ? error.message : String(error);
  return errorReply(500, message, 'System.Exception');
}

/** The query string as sent (no re-encoding), '' when there is none. */
export function rawSearch(url: string | undefined): string {
  const at = url?.indexOf('?') ?? -1;
  return url && at !== -1 ? url.slice(at + 1) : '';
}

function serverTiming(ctx: RequestContext): string {
  return `aspnetcore-request-time;dur=${Math.round(performance.now() - ctx.startedAt)}`;
}

function bodyChunks(body: Reply['body']): readonly Buffer[] {
  if (body === undefined) return [];
  if (typeof body === 'string') return [Buffer.from(body, 'utf8')];
  return Buffer.isBuffer(body) ? [body] : body;
}

/** Writes the reply; returns the body bytes sent. */
export function writeReply(ctx: RequestContext, reply: Reply): number {
  if (reply.handled || ctx.res.headersSent) return 0;
  const chunks = bodyChunks(reply.body);
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  ctx.res.writeHead(reply.status, {
    ...reply.headers,
    'Server-Timing': serverTiming(ctx),
    'Content-Length': length,
  });
  if (ctx.method === 'HEAD' || length === 0) {
    ctx.res.end();
    return 0;
  }
  ctx.res.cork();
  for (const chunk of chunks) ctx.res.write(chunk);
  ctx.res.end();
  ctx.res.uncork();
  return length;
}

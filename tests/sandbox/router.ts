// A small router: literal segments match case-insensitively (as ASP.NET routing does), `:name`
// segments capture one decoded segment. More literal routes win over parameter routes
// (`/files/rooms` beats `/files/:folderId`), compared left to right.
import type { Reply, RequestContext } from './context.ts';

/** `authenticated` routes answer 401 (empty body) to anonymous callers, like [Authorize] actions. */
export type Access = 'anonymous' | 'authenticated';
export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

type Segment = { literal: string } | { param: string };

export interface Route {
  method: string;
  pattern: string;
  access: Access;
  handler: Handler;
  segments: Segment[];
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

function parsePattern(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith(':') ? { param: s.slice(1) } : { literal: s.toLowerCase() }));
}

/** Splits a raw path into decoded segments; null when it is not valid percent-encoding. */
export function splitPath(path: string): string[] | null {
  const out: string[] = [];
  for (const raw of path.split('/')) {
    if (!raw) continue;
    try {
      out.push(decodeURIComponent(raw));
    } catch {
      return null;
    }
  }
  return out;
}

function compareSpecificity(a: Route, b: Route): number {
  for (let i = 0; i < a.segments.length; i++) {
    const aLiteral = 'literal' in (a.segments[i] ?? {});
    const bLiteral = 'literal' in (b.segments[i] ?? {});
    if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
  }
  return 0;
}

export class Router {
  /** Routes grouped by segment count, each group sorted most specific first. */
  private readonly byLength = new Map<number, Route[]>();

  add(method: string, pattern: string, access: Access, handler: Handler): this {
    const route: Route = { method: method.toUpperCase(), pattern, access, handler, segments: parsePattern(pattern) };
    const group = this.byLength.get(route.segments.length) ?? [];
    group.push(route);
    group.sort(compareSpecificity); // stable: equal routes keep registration order
    this.byLength.set(route.segments.length, group);
    return this;
  }

  get(pattern: string, access: Access, handler: Handler): this {
    return this.add('GET', pattern, access, handler);
  }

  post(pattern: string, access: Access, handler: Handler): this {
    return this.add('POST', pattern, access, handler);
  }

  match(method: string, segments: readonly string[]): RouteMatch {
    const wanted = method === 'HEAD' ? 'GET' : method;
    const allowed = new Set<string>();
    for (const route of this.byLength.get(segments.length) ?? []) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === wanted) return { kind: 'found', route, params };
      allowed.add(route.method);
    }
    return allowed.size > 0 ? { kind: 'method-not-allowed', allowed: [...allowed] } : { kind: 'not-found' };
  }
}

function matchSegments(pattern: readonly Segment[], segments: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i];
    const actual = segments[i];
    if (expected === undefined || actual === undefined) return null;
    if ('literal' in expected) {
      if (expected.literal !== actual.toLowerCase()) return null;
    } else {
      params[expected.param] = actual;
    }
  }
  return params;
}

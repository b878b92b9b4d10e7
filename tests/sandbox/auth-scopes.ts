// Scope check for API keys (AuthorizationExtension.ScopesMap, docspace-api.md §3.5): first matching
// rule wins; a caller lacking every accepted scope gets 403 with an empty body.

interface ScopeRule {
  path: RegExp;
  read: readonly string[];
  write: readonly string[];
}

const GLOBAL_READ = ['*:read', '*:write'];
const GLOBAL_WRITE = ['*:write'];

const RULES: readonly ScopeRule[] = [
  { path: /^\/api\/[^/]+\/keys\/@self$/i, read: [], write: GLOBAL_WRITE },
  {
    path: /^\/api\/[^/]+\/files\/rooms(\/|$)/i,
    read: ['rooms:read', 'rooms:write', ...GLOBAL_READ],
    write: ['rooms:write', ...GLOBAL_WRITE],
  },
  {
    path: /^\/api\/[^/]+\/files(\/|$)/i,
    read: ['files:read', 'files:write', ...GLOBAL_READ],
    write: ['files:write', ...GLOBAL_WRITE],
  },
  {
    path: /^\/api\/[^/]+\/people\/@self$/i,
    read: ['accounts.self:read', 'accounts.self:write', ...GLOBAL_READ],
    write: ['accounts.self:write', ...GLOBAL_WRITE],
  },
  {
    path: /^\/api\/[^/]+\/(people|group)(\/|$)/i,
    read: ['accounts:read', 'accounts:write', ...GLOBAL_READ],
    write: ['accounts:write', ...GLOBAL_WRITE],
  },
];

/** Scopes a key's `permissions` grant. An empty list or "*" means full access. */
export function scopesFromPermissions(permissions: readonly string[]): string[] {
  if (permissions.length === 0 || permissions.includes('*')) return ['*:write'];
  return [...permissions];
}

/** Accepted scopes for a request; an empty list means no scope check. */
export function acceptedScopes(method: string, path: string): readonly string[] {
  const isRead = method === 'GET' || method === 'HEAD';
  for (const rule of RULES) {
    if (rule.path.test(path)) return isRead ? rule.read : rule.write;
  }
  return isRead ? GLOBAL_READ : GLOBAL_WRITE;
}

export function hasScope(granted: readonly string[], method: string, path: string): boolean {
  const accepted = acceptedScopes(method, path);
  return accepted.length === 0 || accepted.some((scope) => granted.includes(scope));
}

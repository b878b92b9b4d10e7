import { appError } from '../errors/index.ts';

/**
 * Turns what a user pastes (a bare host, a link to a room, a URL with a trailing slash) into the portal's
 * origin, which is what permissions, storage keys and API calls are keyed by.
 */
export function normalisePortalUrl(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '') throw appError('urlEmpty', {});
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw appError('urlNotWebAddress', { input: trimmed });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw appError('urlBadScheme', { scheme: url.protocol });
  if (url.username || url.password) throw appError('urlHasCredentials', {});
  const host = url.hostname.replace(/\.$/, '');
  if (host === '' || (!host.includes('.') && host !== 'localhost' && !host.startsWith('['))) {
    throw appError('urlNoHost', { input: trimmed });
  }
  if (url.protocol === 'http:' && !isLoopback(host)) {
    throw appError('urlPlainHttp', { suggested: `https://${host}${url.port ? `:${url.port}` : ''}` });
  }
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
}

/** The hosts the manifest may ask plain-http access for (optional_host_permissions): nothing else. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1';
}

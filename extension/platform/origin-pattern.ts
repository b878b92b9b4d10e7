/**
 * The match pattern for a portal's origin, without its port. Firefox takes no port in a match pattern: with one,
 * permissions.contains() answers false although the host is granted, and permissions.request() opens a prompt
 * again. Chrome reads a pattern without a port as every port of that host, so the grant is the same in both.
 * Ports only appear on self-hosted portals, where the host is the user's own server either way.
 */
export function originPattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}

// The /__sandbox/* controls change what the sandbox does (faults, limits, reset), and `npm start`
// keeps it running while a browser is open, so no web page may reach them: a request whose Host is
// not the loopback address:port the sandbox listens on (DNS rebinding: evil.example resolving to
// 127.0.0.1) or whose Origin is another site (a `text/plain` POST needs no preflight) is refused
// before any control runs. Node's fetch from tests sends the right Host and no Origin.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Host header values that name this sandbox. */
export function ownHosts(port: number): Set<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
}

export type GuardVerdict = { allowed: true } | { allowed: false; reason: string };

export function checkControlRequest(
  headers: { host?: string | undefined; origin?: string | undefined },
  port: number,
): GuardVerdict {
  const hosts = ownHosts(port);
  const host = headers.host?.trim().toLowerCase();
  if (!host || !hosts.has(host)) return { allowed: false, reason: `Host ${host ?? '(none)'} is not this sandbox` };
  const origin = headers.origin?.trim().toLowerCase();
  if (origin !== undefined && ![...hosts].some((h) => origin === `http://${h}`))
    return { allowed: false, reason: `Origin ${origin} may not use the sandbox controls` };
  return { allowed: true };
}

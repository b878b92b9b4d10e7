// The sandbox's stand-in for the portal's /login page in OAuth mode (the real one is the web
// client): a sign-in form when there is no portal session, the consent page for a pending
// authorization, and the error page the identity service redirects to. Elements carry data-testid
// attributes so an end-to-end test can fill and click them.
import type { Reply } from '../context.ts';
import { escapeHtml } from '../routes/file-pages.ts';
import type { OAuthClientRecord } from '../store-records.ts';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:";

function page(status: number, title: string, body: string): Reply {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>body{font:15px system-ui,sans-serif;margin:2rem;color:#333}label{display:block;margin:.5rem 0}</style></head>` +
    `<body><main>${body}</main></body></html>`;
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
    },
    body: html,
  };
}

export function signInPage(returnTo: string, clientName: string | undefined, failed: boolean): Reply {
  return page(
    failed ? 401 : 200,
    'Sign in',
    `<h1>Sign in to the sandbox DocSpace</h1>` +
      (clientName ? `<p data-testid="oauth-client">to continue to ${escapeHtml(clientName)}</p>` : '') +
      (failed ? '<p role="alert" data-testid="login-error">User authentication failed</p>' : '') +
      `<form method="post" action="/login" data-testid="login-form">` +
      `<input type="hidden" name="return" value="${escapeHtml(returnTo)}">` +
      `<label>E-mail <input name="email" type="email" autocomplete="username" data-testid="login-email"></label>` +
      `<label>Password <input name="password" type="password" autocomplete="current-password" data-testid="login-password"></label>` +
      `<label>Two-factor code (if enabled) <input name="code" inputmode="numeric" data-testid="login-code"></label>` +
      `<button type="submit" data-testid="login-submit">Sign in</button></form>`,
  );
}

export function consentPage(
  client: OAuthClientRecord,
  state: string,
  scopes: readonly string[],
  userName: string,
): Reply {
  const items = scopes
    .map(
      (s) =>
        `<label><input type="checkbox" name="scope" value="${escapeHtml(s)}" checked data-testid="consent-scope-${escapeHtml(s)}"> ${escapeHtml(s)}</label>`,
    )
    .join('');
  return page(
    200,
    `${client.name} wants access`,
    `<h1 data-testid="consent-title">${escapeHtml(client.name)} wants to access your DocSpace account</h1>` +
      `<p>Signed in as ${escapeHtml(userName)}</p>` +
      `<form method="post" action="/oauth2/authorize" enctype="multipart/form-data" data-testid="consent-form">` +
      `<input type="hidden" name="client_id" value="${escapeHtml(client.clientId)}">` +
      `<input type="hidden" name="state" value="${escapeHtml(state)}">${items}` +
      `<button type="submit" data-testid="consent-allow">Allow</button></form>` +
      `<form method="post" action="/oauth2/authorize" enctype="multipart/form-data">` +
      `<input type="hidden" name="client_id" value="${escapeHtml(client.clientId)}">` +
      `<input type="hidden" name="state" value="${escapeHtml(state)}">` +
      `<button type="submit" data-testid="consent-deny">Deny</button></form>`,
  );
}

export function errorPage(error: string): Reply {
  return page(
    400,
    'Authorization error',
    `<h1>Authorization failed</h1><p data-testid="oauth-error">${escapeHtml(error)}</p>`,
  );
}

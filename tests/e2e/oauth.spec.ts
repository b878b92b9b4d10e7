// OAuth 2.0 with PKCE end to end: the browser's own sign-in window (identity.launchWebAuthFlow) shows the sandbox's
// sign-in and consent pages, which the test fills as the user would. Chromium only: Firefox's window is not reachable
// from puppeteer; the same flow runs for both in the Node background tests (tests/unit/background/accounts.test.ts).
import { OAUTH_SCOPES } from '../../src/sessions/oauth.ts';
import { rowTitle } from '../e2e-shared/rows.ts';
import { expect, test } from './fixtures.ts';

test('signs in with an OAuth app through the consent page, then renews the token when it nears its expiry', async ({
  context,
  openOptions,
  openPopup,
  sandbox,
  sandboxLog,
}) => {
  await fetch(`${sandbox.url}/__sandbox/tuning`, {
    method: 'POST',
    body: JSON.stringify({ oauthAccessTokenTtlMs: 8_000, oauthClockSkewMs: 0 }),
  });
  try {
    const options = await openOptions();
    await options.getByLabel('OAuth app').check();
    const redirect = (await options.getByTestId('oauth-redirect').textContent())?.trim() ?? '';
    await expect(options.getByTestId('oauth-redirect')).toHaveText(/^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/);
    const registered = await fetch(`${sandbox.url}/api/2.0/clients`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.demo.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Power Tools',
        logo: 'data:image/png;base64,iVBORw0KGgo=',
        website_url: 'https://example.com',
        terms_url: 'https://example.com/terms',
        policy_url: 'https://example.com/policy',
        redirect_uris: [redirect],
        allowed_origins: ['https://example.com'],
        logout_redirect_uri: 'https://example.com',
        scopes: [...OAUTH_SCOPES],
        allow_pkce: true,
      }),
    });
    const app = (await registered.json()) as { client_id: string; client_secret: string };

    await options.getByLabel('Portal address').fill(sandbox.url);
    await options.getByLabel('Client ID').fill(app.client_id);
    await options.getByLabel('Client secret (optional)').fill(app.client_secret);
    const window = context.waitForEvent('page', (page) => page.url().includes('/login'));
    await options.getByRole('button', { name: 'Connect' }).click();
    const login = await window;
    await login.getByTestId('login-email').fill(sandbox.demo.email);
    await login.getByTestId('login-password').fill(sandbox.demo.password);
    await login.getByTestId('login-submit').click();
    await login.getByTestId('consent-allow').click();

    await expect(options.getByTestId('signin-success')).toContainText(sandbox.demo.displayName);
    await expect(options.getByTestId('portal-card')).toContainText('OAuth app');
    const tokens = async () => (await sandboxLog()).filter((e) => e.path === '/oauth2/token').map((e) => e.status);
    expect(await tokens()).toEqual([200]);

    // Inside the last seconds of the token's life the next request renews it first, with the refresh token.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const popup = await openPopup();
    await expect(popup.locator(rowTitle).first()).toBeVisible();
    await expect.poll(tokens).toEqual([200, 200]);
    await expect(options.getByTestId('portal-status')).toHaveText('Connected');
  } finally {
    await fetch(`${sandbox.url}/__sandbox/tuning`, { method: 'POST', body: JSON.stringify({ reset: true }) });
  }
});

import { expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TFA_USER } from '../../sandbox/demo-account.ts';
import { DEMO_EXTRA_KEYS } from '../../sandbox/seed-demo-catalog.ts';
import { startSandbox } from '../../sandbox/server.ts';
import type { SharedCase } from '../case.ts';
import type { ExtensionPage } from '../driver.ts';
import { sandboxLog } from '../sandbox-api.ts';
import { seeAttribute, seeCount, seeTextContaining, seeVisible } from '../see.ts';
import { signInWithApiKey } from '../sign-in-steps.ts';
import { waitFor } from '../wait.ts';
import { rowTitle } from '../rows.ts';

async function connectWithPassword(options: ExtensionPage, url: string, email: string, password: string) {
  await options.fill({ label: 'Portal address' }, url);
  await options.click({ label: 'E-mail and password' });
  await options.fill({ label: 'E-mail' }, email);
  await options.fill({ label: 'Password' }, password);
  await options.click({ role: 'button', name: 'Connect' });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
}

export const accountCases: SharedCase[] = [
  {
    title:
      'two portals: a key on one, password + two-factor code on the other; switch in the popup; sign out ends the session',
    timeoutMs: 90_000,
    async run(t) {
      const second = await startSandbox({ port: 0 });
      try {
        const options = await signInWithApiKey(t);
        await seeTextContaining(options, { testId: 'signin-success' }, t.sandbox.demo.displayName);
        await connectWithPassword(options, second.url, TFA_USER.email, TFA_USER.password);
        // The portal asks for the second factor: a code field appears, with the message next to it.
        await seeTextContaining(options, { role: 'alert' }, 'Enter the code from your authenticator app');
        await options.fill({ label: 'Authenticator code' }, TFA_USER.code);
        await options.click({ role: 'button', name: 'Connect' });
        await seeTextContaining(options, { testId: 'signin-success' }, 'Tfa User');
        await seeCount(options, { testId: 'portal-card' }, 2);

        // The user's own name for the first account is what the popup's switcher shows.
        await options.click({ css: '.portal-card:first-child button', text: 'Rename' });
        await options.fill({ label: 'Your name for this portal' }, 'Work');
        await options.press('Enter');
        await seeTextContaining(options, { css: '.portal-card:first-child .portal-card-name' }, 'Work');

        const popup = await t.driver.openPopup();
        const firstHost = new URL(t.sandbox.url).host;
        await seeVisible(popup, { testId: 'portal-switch' });
        await popup.select({ testId: 'portal-switch' }, `Work · ${firstHost}`);
        await seeTextContaining(popup, { css: '.portal-user' }, t.sandbox.demo.displayName);
        await popup.select(
          { testId: 'portal-switch' },
          `${await portalName(second.url)} · ${new URL(second.url).host}`,
        );
        await seeTextContaining(popup, { css: '.portal-user' }, 'Tfa User');

        await options.click({ css: '.portal-card:last-child button', text: 'Sign out' });
        await seeTextContaining(options, { css: '.portal-card:last-child [data-testid=portal-status]' }, 'Signed out');
        await waitFor('the session ended on the server', 10_000, async () => {
          const log = await sandboxLog(second.url);
          return log.some((e) => /activeconnections\/logout\/\d+$/.test(e.path) && e.status === 200) ? true : undefined;
        });
        await seeTextContaining(popup, { testId: 'portal-needs-attention' }, 'You signed out of');
        await popup.select({ testId: 'portal-switch' }, `Work · ${firstHost}`);
        await seeVisible(popup, { css: rowTitle });
      } finally {
        await second.close();
      }
    },
  },
  {
    title: 'each wrong address gets its message next to the field, which is marked invalid, and nothing is stored',
    async run(t) {
      const redirecting = createServer((_req, res) => {
        res.writeHead(302, { Location: 'https://elsewhere.example.com/api/2.0/settings' });
        res.end();
      });
      const redirectUrl = await listen(redirecting);
      // A port nothing listens on: the address is right in form, nobody answers.
      const closed = createServer();
      const closedUrl = await listen(closed);
      await stop(closed);
      try {
        const options = await t.driver.openOptions();
        expect(await options.text({ css: 'title' })).toBe('DocSpace Power Tools — Options');
        await options.fill({ css: 'input[name=apiKey]' }, t.sandbox.demo.apiKey);
        const cases: Array<[string, string]> = [
          ['', 'Enter'],
          ['http://docs.example.com', 'Use https://docs.example.com'],
          ['ftp://files.example.com', 'Only http and https addresses'],
          ['https://user:secret@docs.example.com', ''],
          [redirectUrl, 'sent the request somewhere else'],
          [closedUrl, `Could not reach ${closedUrl}`],
        ];
        for (const [url, message] of cases) {
          await options.fill({ label: 'Portal address' }, url);
          await options.click({ role: 'button', name: 'Connect' });
          await seeAttribute(options, { label: 'Portal address' }, 'aria-invalid', 'true');
          if (message) await seeTextContaining(options, { css: '.field .field-error' }, message);
        }
        await seeVisible(options, { testId: 'no-portals' });
      } finally {
        await stop(redirecting);
      }
    },
  },
  {
    title: 'an empty key, a key that cannot read its owner, and a read-only key: each says what it means',
    async run(t) {
      const options = await t.driver.openOptions();
      await options.fill({ label: 'Portal address' }, t.sandbox.url);
      await options.click({ role: 'button', name: 'Connect' });
      await seeTextContaining(options, { css: '.field .field-error' }, 'Paste your API key here');
      await seeAttribute(options, { css: 'input[name=apiKey]' }, 'aria-invalid', 'true');
      await options.fill({ css: 'input[name=apiKey]' }, DEMO_EXTRA_KEYS.filesReadOnly);
      await options.click({ role: 'button', name: 'Connect' });
      await seeTextContaining(options, { css: '.field .field-error' }, 'allows only files:read');
      await seeVisible(options, { testId: 'no-portals' });

      const created = await fetch(`${t.sandbox.url}/api/2.0/keys`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.sandbox.demo.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Reader', permissions: ['*:read'] }),
      });
      const key = ((await created.json()) as { response: { key: string } }).response.key;
      await options.fill({ css: 'input[name=apiKey]' }, key);
      await options.click({ role: 'button', name: 'Connect' });
      await seeVisible(options, { testId: 'portal-read-only' });
      await seeTextContaining(options, { testId: 'key-details' }, 'allows *:read');
      const popup = await t.driver.openPopup();
      await seeVisible(popup, { css: rowTitle });
      await seeVisible(popup, { testId: 'read-only-note' });
      expect(await popup.count({ role: 'button', name: 'New' })).toBe(0);
    },
  },
];

async function portalName(url: string): Promise<string> {
  const answer = await fetch(`${url}/api/2.0/settings`);
  const settings = ((await answer.json()) as { response: { greetingSettings?: string } }).response;
  return settings.greetingSettings?.trim() || new URL(url).hostname;
}

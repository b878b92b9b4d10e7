import { expect } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SharedCase } from '../case.ts';
import { sandboxLog } from '../sandbox-api.ts';
import { seeHidden, seeText, seeTextContaining, seeVisible } from '../see.ts';
import { signInWithApiKey, signInWithPassword } from '../sign-in-steps.ts';

const alert = { role: 'alert' } as const;

export const signInCases: SharedCase[] = [
  {
    title: 'signs in with the sandbox API key and shows the account',
    async run(t) {
      const options = await signInWithApiKey(t);
      await seeTextContaining(options, { testId: 'signin-success' }, t.sandbox.demo.displayName);
      await seeTextContaining(options, { testId: 'portal-card' }, t.sandbox.url);
      await seeText(options, { testId: 'portal-status' }, 'Connected');
    },
  },
  {
    title: 'signs in with e-mail and password',
    async run(t) {
      const options = await signInWithPassword(t);
      await seeVisible(options, { testId: 'signin-success' });
      const self = (await sandboxLog(t.sandbox.url)).filter((e) => e.path === '/api/2.0/people/@self');
      expect(self.length).toBeGreaterThan(0);
      expect(self.every((e) => e.authScheme === 'token' || e.authScheme === 'bearer-token')).toBe(true);
    },
  },
  {
    title: 'a wrong API key gets a message that says what to do',
    async run(t) {
      const options = await signInWithApiKey(t, `sk-${'0'.repeat(64)}`);
      await seeTextContaining(options, alert, 'The API key was rejected');
      await seeTextContaining(options, alert, 'Profile > API keys');
      await seeVisible(options, { testId: 'no-portals' });
    },
  },
  {
    title: 'a key that is not shaped like a DocSpace key is caught before the portal sees it',
    async run(t) {
      const options = await signInWithApiKey(t, 'my-password');
      await seeTextContaining(options, alert, 'it is "sk-" followed by 64 hexadecimal characters');
      expect((await sandboxLog(t.sandbox.url)).filter((e) => e.path === '/api/2.0/people/@self')).toHaveLength(0);
    },
  },
  {
    title: 'a wrong password gets a clear message',
    async run(t) {
      const options = await signInWithPassword(t, 'not-the-password');
      await seeTextContaining(options, alert, 'The e-mail or password is wrong');
    },
  },
  {
    title: 'a URL that is not a DocSpace is refused with a message naming the address',
    async run({ driver, sandbox }) {
      // An ordinary web site on loopback: its /api/2.0/settings is an HTML page, as on most hosts.
      const site = createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<!doctype html><title>Just a blog</title><h1>Hello</h1>');
      });
      await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
      try {
        const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
        const options = await driver.openOptions();
        await options.fill({ label: 'Portal address' }, url);
        await options.fill({ css: 'input[name=apiKey]' }, sandbox.demo.apiKey);
        await options.click({ role: 'button', name: 'Connect' });
        await seeTextContaining(options, alert, 'does not look like an ONLYOFFICE DocSpace portal');
        await seeTextContaining(options, alert, url);
      } finally {
        site.closeAllConnections();
        await new Promise<void>((done) => site.close(() => done()));
      }
    },
  },
  {
    title: 'an address that cannot be a URL is refused in place',
    async run({ driver }) {
      const options = await driver.openOptions();
      await options.fill({ label: 'Portal address' }, 'ftp://files.example.com');
      await options.click({ role: 'button', name: 'Connect' });
      await seeTextContaining(options, alert, 'Only http and https addresses');
    },
  },
  {
    title: 'signing out keeps the account as signed out; removing it asks first, then forgets it',
    async run(t) {
      const options = await signInWithApiKey(t);
      await seeText(options, { testId: 'portal-status' }, 'Connected');
      await options.click({ role: 'button', name: 'Sign out' });
      await seeText(options, { testId: 'portal-status' }, 'Signed out');
      await seeHidden(options, { testId: 'signin-success' });
      const popup = await t.driver.openPopup();
      await seeTextContaining(popup, { testId: 'portal-needs-attention' }, 'You signed out of');
      await options.click({ role: 'button', name: 'Remove' });
      await seeVisible(options, { role: 'dialog' });
      await options.click({ role: 'button', name: 'Cancel' });
      await seeVisible(options, { testId: 'portal-card' });
      await options.click({ role: 'button', name: 'Remove' });
      await options.click({ css: 'dialog button.button-danger' });
      await seeVisible(options, { testId: 'no-portals' });
      await seeVisible(popup, { testId: 'signed-out' });
    },
  },
];

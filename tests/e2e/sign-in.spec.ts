import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures.ts';

test('signs in with the sandbox API key and shows the account', async ({ signInWithApiKey, sandbox }) => {
  const options = await signInWithApiKey();
  await expect(options.getByTestId('signin-success')).toContainText(sandbox.demo.displayName);
  const card = options.getByTestId('portal-card');
  await expect(card).toContainText(sandbox.url);
  await expect(card.getByTestId('portal-status')).toHaveText('Connected');
});

test('signs in with e-mail and password', async ({ signInWithPassword, sandboxLog }) => {
  const options = await signInWithPassword();
  await expect(options.getByTestId('signin-success')).toBeVisible();
  const log = await sandboxLog();
  const self = log.filter((e) => e.path === '/api/2.0/people/@self');
  expect(self.length).toBeGreaterThan(0);
  expect(self.every((e) => e.authScheme === 'token' || e.authScheme === 'bearer-token')).toBe(true);
});

test('a wrong API key gets a message that says what to do', async ({ signInWithApiKey }) => {
  const options = await signInWithApiKey(`sk-${'0'.repeat(64)}`);
  const alert = options.getByRole('alert');
  await expect(alert).toContainText('The API key was rejected');
  await expect(alert).toContainText('Profile > API keys');
  await expect(options.getByTestId('no-portals')).toBeVisible();
});

test('a key that is not shaped like a DocSpace key is caught before the portal sees it', async ({
  signInWithApiKey,
  sandboxLog,
}) => {
  const options = await signInWithApiKey('my-password');
  await expect(options.getByRole('alert')).toContainText('starts with "sk-"');
  expect((await sandboxLog()).filter((e) => e.path === '/api/2.0/people/@self')).toHaveLength(0);
});

test('a wrong password gets a clear message', async ({ signInWithPassword }) => {
  const options = await signInWithPassword('not-the-password');
  await expect(options.getByRole('alert')).toContainText('The e-mail or password is wrong');
});

test.describe('a URL that is not a DocSpace', () => {
  let server: Server;
  let url: string;
  test.beforeAll(async () => {
    // An ordinary web site on loopback: its /api/2.0/settings is an HTML page, as on most hosts.
    server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>Just a blog</title><h1>Hello</h1>');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

  test('is refused with a message naming the address', async ({ openOptions, sandbox }) => {
    const options = await openOptions();
    await options.getByLabel('Portal address').fill(url);
    await options.locator('input[name=apiKey]').fill(sandbox.demo.apiKey);
    await options.getByRole('button', { name: 'Connect' }).click();
    const alert = options.getByRole('alert');
    await expect(alert).toContainText('does not look like an ONLYOFFICE DocSpace portal');
    await expect(alert).toContainText(url);
  });
});

test('an address that cannot be a URL is refused in place', async ({ openOptions }) => {
  const options = await openOptions();
  await options.getByLabel('Portal address').fill('ftp://files.example.com');
  await options.getByRole('button', { name: 'Connect' }).click();
  await expect(options.getByRole('alert')).toContainText('Only http and https addresses');
});

test('signing out forgets the portal and the popup says so', async ({ signInWithApiKey, openPopup }) => {
  const options = await signInWithApiKey();
  await expect(options.getByTestId('portal-card')).toBeVisible();
  await options.getByRole('button', { name: 'Sign out' }).click();
  await expect(options.getByTestId('no-portals')).toBeVisible();
  const popup = await openPopup();
  await expect(popup.getByTestId('signed-out')).toBeVisible();
});

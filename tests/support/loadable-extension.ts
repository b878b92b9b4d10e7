import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A copy of the built Chrome extension that Chromium can load for tests and `npm start`.
 * The product asks for each portal origin at run time (permissions.request), which shows a browser prompt
 * that automation cannot answer. The copy therefore grants the loopback sandbox's origin at install time;
 * everything else (the request call, the checks, the messages) runs exactly as in the shipped build. The same
 * holds for the optional webRequest permission asked for in the same click.
 */
export const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export function prepareLoadableExtension(builtDir = resolve('dist/chrome')): string {
  if (!existsSync(join(builtDir, 'manifest.json'))) {
    throw new Error(`${builtDir}/manifest.json is missing: run "npm run build" first.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'dpt-extension-'));
  cpSync(builtDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = LOOPBACK_HOSTS;
  // The sign-in asks for webRequest with the host (observing the user's DocSpace tabs): granted here for the same
  // reason. It stays optional too, as the hosts do: Firefox refuses a request for a permission not declared optional.
  // The OAuth sign-in's identity permission likewise.
  manifest.permissions = [
    ...new Set([...((manifest.permissions as string[] | undefined) ?? []), 'webRequest', 'identity']),
  ];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found. Install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH to a Chromium binary.",
    );
  }
  return found;
}

export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-quic',
  ];
}

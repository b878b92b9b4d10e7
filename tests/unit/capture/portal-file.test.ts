// Which file a signed-in portal's page or link shows: the recogniser behind the "Open in DocSpace" and "Copy share
// link" entries, their match patterns, and the account each origin's entries act as.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filePagePatterns, menuPortals, portalFileAt, portalPagePatterns } from '../../../src/capture/portal-file.ts';

const PORTAL = 'https://acme.onlyoffice.com';
const SANDBOX = 'http://127.0.0.1:8092';
const origins = [PORTAL, SANDBOX];

describe('the file a page shows', () => {
  it('reads the editor, the media viewer and the web client preview on a signed-in portal', () => {
    const cases: Array<[string, number]> = [
      [`${PORTAL}/doceditor?fileid=456&version=1`, 456],
      [`${PORTAL}/doceditor?fileid=456&action=view`, 456],
      [`${PORTAL}/doceditor?fileId=457`, 457],
      [`${PORTAL}/doceditor?FILEID=458#comment`, 458],
      [`${PORTAL}/doceditor/?action=edit&fileid=459`, 459],
      [`${PORTAL}/media/view/460`, 460],
      [`${PORTAL}/media/view/461/`, 461],
      [`${PORTAL}/rooms/shared/12/filter?folder=12&preview=462`, 462],
      [`${PORTAL}/?preview=463`, 463],
      [`${SANDBOX}/doceditor?fileid=301`, 301],
      // The origin as the URL parser writes it: the default port and the host's case do not matter.
      ['https://ACME.onlyoffice.com:443/doceditor?fileid=464', 464],
    ];
    for (const [url, fileId] of cases)
      expect(portalFileAt(url, origins), url).toEqual({ origin: new URL(url).origin, fileId });
  });

  it('names nothing on other origins, other pages, plain http off loopback, or ids that are not ids', () => {
    const none = [
      undefined,
      '',
      'not a url',
      `${PORTAL}/rooms/shared/12/filter?folder=12`,
      `${PORTAL}/doceditor`,
      `${PORTAL}/doceditor?fileid=`,
      `${PORTAL}/doceditor?fileid=12abc`,
      `${PORTAL}/doceditor?fileid=-3`,
      `${PORTAL}/doceditor?fileid=0`,
      `${PORTAL}/doceditor?fileid=007`,
      `${PORTAL}/doceditor?fileid=99999999999999999999`,
      `${PORTAL}/doceditor?fileid=1e3`,
      `${PORTAL}/doceditor?id=5`,
      `${PORTAL}/media/view/`,
      `${PORTAL}/media/view/5/extra`,
      `${PORTAL}/media/view/abc`,
      `${PORTAL}/other?nopreview=5`,
      `${PORTAL}/#/doceditor?fileid=5`,
      // Not the portal: another host, another port, another scheme, a look-alike, credentials in the address.
      'https://evil.example/doceditor?fileid=5',
      'https://acme.onlyoffice.com.evil.example/doceditor?fileid=5',
      'https://acme.onlyoffice.com:8443/doceditor?fileid=5',
      'http://acme.onlyoffice.com/doceditor?fileid=5',
      'https://user:pw@acme.onlyoffice.com/doceditor?fileid=5',
      'http://127.0.0.1:8093/doceditor?fileid=5',
      'http://localhost:8092/doceditor?fileid=5',
      'javascript:alert(1)//acme.onlyoffice.com/doceditor?fileid=5',
      `blob:${PORTAL}/doceditor?fileid=5`,
      `view-source:${PORTAL}/doceditor?fileid=5`,
    ];
    for (const url of none) expect(portalFileAt(url, origins), String(url)).toBeNull();
  });

  it('names nothing for an http portal off loopback even when it is listed', () => {
    expect(portalFileAt('http://intranet.example/doceditor?fileid=5', ['http://intranet.example'])).toBeNull();
    expect(portalFileAt('https://acme.onlyoffice.com/doceditor?fileid=5', ['garbage', ''])).toBeNull();
  });

  it('never throws, and never names a file on an origin that is not signed in (any input)', () => {
    const hosts = fc.constantFrom(
      'acme.onlyoffice.com',
      'ACME.onlyoffice.com',
      'evil.example',
      '127.0.0.1',
      'localhost',
      'acme.onlyoffice.com.evil.example',
      'xn--80ak6aa92e.com',
      '[::1]',
      '',
    );
    const schemes = fc.constantFrom('https://', 'http://', 'javascript:', 'blob:https://', 'file://', '//', '');
    const ports = fc.constantFrom('', ':443', ':8092', ':8093', ':0', ':99999');
    const paths = fc.constantFrom('/doceditor', '/doceditor/', '/media/view/', '/', '/rooms/shared/1/filter', '');
    const ids = fc.oneof(fc.nat().map(String), fc.string(), fc.constantFrom('0', '007', '1e3', '-1', '9'.repeat(20)));
    const tails = fc.oneof(fc.constant(''), ids, fc.string());
    const queries = fc.oneof(
      fc.constant(''),
      fc.string(),
      fc
        .tuple(fc.constantFrom('fileid', 'fileId', 'preview', 'FileID', 'file id', 'fileid[]'), ids)
        .map(([name, value]) => `?${name}=${value}`),
    );
    const users = fc.constantFrom('', '', '', 'user:pw@', 'a@');
    const urls = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(schemes, users, hosts, ports, paths, tails, queries, fc.constantFrom('', '#x', '#?fileid=1'))
        .map((parts) => parts.join('')),
    );
    const signedIn = fc.subarray([PORTAL, SANDBOX, 'https://other.example', 'not an origin', '']);
    fc.assert(
      fc.property(urls, signedIn, (url, listed) => {
        const found = portalFileAt(url, listed);
        if (found === null) return true;
        const parsed = new URL(url);
        return (
          listed.some(
            (origin) => origin !== 'not an origin' && origin !== '' && new URL(origin).origin === found.origin,
          ) &&
          parsed.origin === found.origin &&
          Number.isSafeInteger(found.fileId) &&
          found.fileId > 0
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('names a file exactly when every part of the address is the portal’s (near misses, any mix)', () => {
    const part = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
      fc.oneof(
        { arbitrary: valid.map((value) => ({ value, ok: true })), weight: 4 },
        { arbitrary: invalid.map((value) => ({ value, ok: false })), weight: 1 },
      );
    const address = fc.record({
      scheme: part(fc.constant('https://'), fc.constantFrom('http://', 'javascript:', 'blob:https://', 'ftp://')),
      user: part(fc.constant(''), fc.constantFrom('user:pw@', 'a@', ':pw@')),
      host: part(
        fc.constantFrom('acme.onlyoffice.com', 'ACME.onlyoffice.com'),
        fc.constantFrom('evil.example', 'acme.onlyoffice.com.evil.example', 'onlyoffice.com', '127.0.0.1'),
      ),
      port: part(fc.constantFrom('', ':443'), fc.constantFrom(':8443', ':80', ':8092')),
      page: part(
        fc.constantFrom(
          '/doceditor?fileid=',
          '/doceditor/?x=1&fileId=',
          '/media/view/',
          '/rooms/shared/1/filter?preview=',
        ),
        fc.constantFrom(
          '/doceditorx?fileid=',
          '/doceditor?file=',
          '/media/views/',
          '/rooms?previews=',
          '/doceditor#fileid=',
        ),
      ),
      id: part(
        fc.integer({ min: 1, max: 10 ** 15 }).map(String),
        fc.constantFrom('', '0', '007', '1e3', '-1', 'abc', '9'.repeat(20), '1 2', '%2D1'),
      ),
      fragment: fc.constantFrom('', '#x', '#?fileid=1'),
    });
    const listed = fc.subarray([PORTAL, SANDBOX, 'https://other.example']);
    fc.assert(
      fc.property(address, listed, (a, signedIn) => {
        const url = `${a.scheme.value}${a.user.value}${a.host.value}${a.port.value}${a.page.value}${a.id.value}${a.fragment}`;
        // The parts that make the origin may combine into another signed-in portal's (the sandbox's).
        const origin = [PORTAL, SANDBOX].find(
          (candidate) =>
            signedIn.includes(candidate) &&
            `${a.scheme.value}${a.host.value.toLowerCase()}${a.port.value.replace(':443', '')}` === candidate,
        );
        const expected = origin !== undefined && a.user.ok && a.page.ok && a.id.ok;
        const found = portalFileAt(url, signedIn);
        if (!expected) return found === null;
        return found?.origin === origin && found.fileId === Number(a.id.value);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the entries’ match patterns', () => {
  it('name the file pages of a portal by scheme and host (patterns take no port)', () => {
    expect(filePagePatterns(PORTAL)).toEqual([
      'https://acme.onlyoffice.com/doceditor*',
      'https://acme.onlyoffice.com/media/view/*',
      'https://acme.onlyoffice.com/*preview=*',
    ]);
    expect(filePagePatterns(SANDBOX)).toEqual([
      'http://127.0.0.1/doceditor*',
      'http://127.0.0.1/media/view/*',
      'http://127.0.0.1/*preview=*',
    ]);
    expect(portalPagePatterns('https://docs.example.org:8443')).toEqual(['https://docs.example.org/*']);
  });

  it('name nothing for origins no pattern can hold', () => {
    for (const origin of ['http://intranet.example', 'https://[::1]:8443', 'garbage', 'ftp://x.example']) {
      expect(filePagePatterns(origin), origin).toBeNull();
      expect(portalPagePatterns(origin), origin).toBeNull();
    }
  });
});

describe('the accounts the entries act as', () => {
  it('one per origin, signed in with site access; the shown one where an origin has several', () => {
    const accounts = [
      { id: 'a|1', origin: PORTAL, usable: true },
      { id: 'a|2', origin: PORTAL, usable: true },
      { id: 'b|1', origin: 'https://b.example', usable: false },
      { id: 's|1', origin: SANDBOX, usable: true },
    ];
    expect(menuPortals(accounts, null)).toEqual([
      { id: 'a|1', origin: PORTAL },
      { id: 's|1', origin: SANDBOX },
    ]);
    expect(menuPortals(accounts, 'a|2')).toEqual([
      { id: 'a|2', origin: PORTAL },
      { id: 's|1', origin: SANDBOX },
    ]);
    // The shown account does not count when it cannot act (signed out, no site access).
    expect(menuPortals([{ ...accounts[0]!, usable: false }, accounts[1]!], 'a|1')).toEqual([
      { id: 'a|2', origin: PORTAL },
    ]);
    expect(menuPortals([], null)).toEqual([]);
  });
});

// tests/support/request-validator.ts checks what a client sent (the sandbox log) against the
// official spec: a documented request passes; an undocumented path, a method the path does not
// have, an Authorization header without a scheme, a bad query and a bad body are each reported.
import { describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_FOLDERS, DEMO_PASSWORD } from '../../sandbox/server.ts';
import type { LogEntry } from '../../sandbox/server.ts';
import { specAvailability } from '../../support/openapi-spec.ts';
import { requestValidator } from '../../support/request-validator.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox();
const availability = specAvailability();

/** Sends the requests, then returns the log entries they produced. */
async function sent(...calls: Array<() => Promise<unknown>>): Promise<LogEntry[]> {
  const before = t.sandbox.log.lastSeq;
  for (const call of calls) await call();
  return t.sandbox.log.since(before);
}

describe.skipIf(!availability.available)('request validator', () => {
  it('documented requests pass (Bearer key, query, JSON body, form-free GETs)', async () => {
    const entries = await sent(
      () => t.call('GET', '/api/2.0/files/recent?count=25&startIndex=0&sortBy=DateAndTime&sortOrder=1'),
      () => t.call('POST', `/api/2.0/files/folder/${DEMO_FOLDERS.q1}`, { body: { title: 'Validated' } }),
      () => t.call('GET', `/api/2.0/files/${DEMO_FOLDERS.q1}?fields=files.id,total`),
      () => t.call('GET', '/api/2.0/capabilities', { headers: null }),
    );
    expect(entries).toHaveLength(4);
    expect(requestValidator().validateAll(entries)).toEqual([]);
  });

  it('reads a query DTO as its properties, and a link expiry as the ISO string or null the server reads', () => {
    const move = {
      method: 'GET',
      path: '/api/2.0/files/fileops/move',
      query: { destFolderId: '12', fileIds: ['1', '2'] },
      authorizationScheme: 'Bearer',
    };
    expect(requestValidator().validate(move)).toEqual([]);
    expect(requestValidator().validate({ ...move, query: { ...move.query, nonsense: '1' } })).toEqual([
      expect.objectContaining({ kind: 'query', message: expect.stringContaining('"nonsense"') }),
    ]);
    const link = (expirationDate: unknown) => ({
      method: 'PUT',
      path: '/api/2.0/files/rooms/104/links',
      query: {},
      authorizationScheme: 'Bearer',
      contentType: 'application/json',
      body: { linkId: '00000000-0000-0000-0000-000000000001', access: 2, expirationDate, linkType: 1 },
    });
    expect(requestValidator().validate(link('2027-01-01T00:00:00.000Z'))).toEqual([]);
    expect(requestValidator().validate(link(null))).toEqual([]);
    expect(requestValidator().validate(link('next week'))).toEqual([expect.objectContaining({ kind: 'body' })]);
  });

  it('reports the hidden alias GET files/@recent as undocumented', async () => {
    const [entry] = await sent(() => t.call('GET', '/api/2.0/files/@recent'));
    const violations = requestValidator().validate(entry!);
    expect(violations).toEqual([
      expect.objectContaining({ kind: 'undocumented-path', method: 'GET', path: '/api/2.0/files/@recent' }),
    ]);
    expect(violations[0]!.message).toContain('closest: /api/2.0/files/{folderId}');
  });

  it('reports a method the path does not document', async () => {
    const [entry] = await sent(() => t.call('DELETE', '/api/2.0/files/@root'));
    expect(requestValidator().validate(entry!)).toEqual([
      expect.objectContaining({ kind: 'undocumented-method', message: expect.stringContaining('documented: GET') }),
    ]);
  });

  it('reports an Authorization header without a scheme, and the log keeps the scheme only', async () => {
    const login = await t.call('POST', '/api/2.0/authentication', {
      headers: null,
      body: { userName: DEMO_EMAIL, password: DEMO_PASSWORD },
    });
    const token = login.json.response.token as string;
    const [bare, bearer] = await sent(
      () => t.call('GET', '/api/2.0/people/@self', { headers: { Authorization: token } }),
      () => t.call('GET', '/api/2.0/people/@self', { headers: { Authorization: `Bearer ${token}` } }),
    );
    expect(bare).toMatchObject({ authorizationScheme: '', status: 200 });
    expect(bearer).toMatchObject({ authorizationScheme: 'Bearer' });
    expect(JSON.stringify([bare, bearer])).not.toContain(token);
    expect(requestValidator().validate(bare!)).toEqual([expect.objectContaining({ kind: 'authorization' })]);
    expect(requestValidator().validate(bearer!)).toEqual([]);
  });

  it('reports a query value against its schema and an undocumented query parameter', async () => {
    const [entry] = await sent(() => t.call('GET', `/api/2.0/files/${DEMO_FOLDERS.q1}?count=many&color=blue`));
    const violations = requestValidator().validate(entry!);
    expect(violations.map((v) => v.kind)).toEqual(['query', 'query']);
    expect(violations[0]!.message).toMatch(/query parameter count.*integer/);
    expect(violations[1]!.message).toContain('undocumented query parameter "color"');
  });

  it('reports a body that does not match the request schema, or comes as the wrong media type', async () => {
    const [typed, extra, plain] = await sent(
      () => t.call('POST', `/api/2.0/files/folder/${DEMO_FOLDERS.q1}`, { body: { title: ['not', 'a', 'string'] } }),
      () => t.call('POST', `/api/2.0/files/folder/${DEMO_FOLDERS.q1}`, { body: { title: 'ok', colour: 'red' } }),
      () =>
        t.call('POST', `/api/2.0/files/folder/${DEMO_FOLDERS.q1}`, {
          raw: JSON.stringify({ title: 'x' }),
          contentType: 'text/plain',
        }),
    );
    expect(requestValidator().validate(typed!)).toEqual([
      expect.objectContaining({ kind: 'body', message: expect.stringContaining('body/title') }),
    ]);
    expect(requestValidator().validate(extra!)).toEqual([
      expect.objectContaining({ kind: 'body', message: expect.stringContaining('additional properties') }),
    ]);
    expect(requestValidator().validate(plain!)).toEqual([
      expect.objectContaining({ kind: 'body', message: expect.stringContaining('Content-Type "text/plain"') }),
    ]);
  });

  it('the log masks secrets in bodies and keeps the raw query string', async () => {
    const [login] = await sent(() =>
      t.call('POST', '/api/2.0/authentication?culture=en', {
        headers: null,
        body: { userName: DEMO_EMAIL, password: DEMO_PASSWORD },
      }),
    );
    expect(login).toMatchObject({
      search: 'culture=en',
      contentType: 'application/json',
      body: { userName: DEMO_EMAIL, password: '***' },
    });
    expect(JSON.stringify(login)).not.toContain(DEMO_PASSWORD);
  });

  it('pages and handlers are not API operations: not checked', () => {
    const page = { method: 'GET', path: '/filehandler.ashx', query: { action: 'download' }, authorizationScheme: null };
    expect(requestValidator().validate(page)).toEqual([]);
  });
});

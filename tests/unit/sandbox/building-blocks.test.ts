import { describe, expect, it } from 'vitest';
import { apiDate, utcDateTime } from '../../sandbox/dates.ts';
import { fileTypeOf, humanSize } from '../../sandbox/file-kinds.ts';
import { Router, splitPath } from '../../sandbox/router.ts';
import { RequestLog } from '../../sandbox/request-log.ts';

describe('apiDate', () => {
  const d = new Date('2025-05-20T10:15:30.123Z');
  it('writes portal-local time with 7 fraction digits and the offset', () => {
    expect(apiDate(d, 180)).toBe('2025-05-20T13:15:30.1230000+03:00');
    expect(apiDate(d, -330)).toBe('2025-05-20T04:45:30.1230000-05:30');
  });
  it('writes Z at offset 0', () => {
    expect(apiDate(d, 0)).toBe('2025-05-20T10:15:30.1230000Z');
  });
  it('crosses the date line', () => {
    expect(apiDate(new Date('2025-12-31T22:30:00Z'), 180)).toBe('2026-01-01T01:30:00.0000000+03:00');
  });
  it('utcDateTime fills the sub-millisecond digits', () => {
    expect(utcDateTime(d, 4567)).toBe('2025-05-20T10:15:30.1234567Z');
  });
});

describe('file kinds', () => {
  it.each([
    ['a.docx', 7],
    ['a.XLSX', 5],
    ['a.pptx', 6],
    ['a.pdf', 10],
    ['a.png', 4],
    ['a.mp4', 2],
    ['a.mp3', 3],
    ['a.zip', 1],
    ['a.vsdx', 11],
    ['a.xyz', 0],
    ['no-extension', 0],
  ])('%s is FileType %i', (title, type) => {
    expect(fileTypeOf(title)).toBe(type);
  });

  it('formats sizes like FilesSizeToString', () => {
    expect(humanSize(0)).toBe('0 bytes');
    expect(humanSize(1023)).toBe('1,023 bytes');
    expect(humanSize(12_800)).toBe('12.5 KB');
    expect(humanSize(1_843_200)).toBe('1.76 MB');
    expect(humanSize(5 * 1024 ** 3)).toBe('5 GB');
  });
});

describe('router', () => {
  const ok = () => ({ status: 200 });
  const router = new Router()
    .get('/api/2.0/files/:folderId', 'authenticated', ok)
    .get('/api/2.0/files/rooms', 'authenticated', ok)
    .get('/api/2.0/files/@root', 'authenticated', ok);

  it('prefers literal segments over parameters, whatever the registration order', () => {
    const rooms = router.match('GET', splitPath('/api/2.0/files/rooms')!);
    expect(rooms.kind === 'found' && rooms.route.pattern).toBe('/api/2.0/files/rooms');
    const folder = router.match('GET', splitPath('/api/2.0/files/42')!);
    expect(folder.kind === 'found' && folder.params).toEqual({ folderId: '42' });
  });

  it('matches literals case-insensitively and decodes parameters', () => {
    const root = router.match('GET', splitPath('/API/2.0/Files/%40root/')!);
    expect(root.kind === 'found' && root.route.pattern).toBe('/api/2.0/files/@root');
  });

  it('tells a wrong method from an unknown path; HEAD runs GET routes', () => {
    expect(router.match('POST', splitPath('/api/2.0/files/rooms')!)).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET'],
    });
    expect(router.match('GET', splitPath('/api/2.0/nope/x/y')!).kind).toBe('not-found');
    expect(router.match('HEAD', splitPath('/api/2.0/files/rooms')!).kind).toBe('found');
    expect(splitPath('/bad/%E0%A4%A')).toBeNull();
  });
});

describe('RequestLog', () => {
  it('keeps seq increasing across clear and trims past its capacity', () => {
    const log = new RequestLog(10);
    const entry = {
      time: '',
      method: 'GET',
      path: '/',
      query: {},
      status: 200,
      identity: null,
      authPresent: false,
      authScheme: null,
      origin: null,
      userAgent: null,
      refusedBy: null,
      bytesIn: 0,
      bytesOut: 0,
      durationMs: 0,
    };
    for (let i = 0; i < 25; i++) log.append(entry);
    expect(log.length).toBeLessThanOrEqual(10);
    expect(log.since(22).map((e) => e.seq)).toEqual([23, 24, 25]);
    log.clear();
    expect(log.append(entry).seq).toBe(26);
  });
});

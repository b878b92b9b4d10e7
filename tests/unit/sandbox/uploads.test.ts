// Uploads: a 25 MB file round-trips byte for byte through every chunk protocol (10 MiB chunks),
// simple upload versions, size limits, session expiry, and the multipart parser on its own.
import { describe, expect, it } from 'vitest';
import { DEMO_SECTIONS } from '../../sandbox/server.ts';
import { MultipartParser, parseMultipart } from '../../sandbox/uploads/multipart.ts';
import { useApiSandbox } from './api-client.ts';
import { multipartBody, seededBytes } from './multipart-client.ts';

const t = useApiSandbox({ tuning: { fileOperationItemMs: 0 } });
const MY = DEMO_SECTIONS.my.id;
const CHUNK = 10 * 1024 * 1024;
const SIZE = 25 * 1024 * 1024 + 12_345;
const bytes = seededBytes(SIZE, 20_260_302);

const form = (data: Buffer) => multipartBody([{ name: 'file', filename: 'blob', data }]);
const chunks = (data: Buffer): Buffer[] => {
  const out: Buffer[] = [];
  for (let at = 0; at < data.length; at += CHUNK) out.push(data.subarray(at, at + CHUNK));
  return out;
};

async function download(fileId: number, range?: string): Promise<{ status: number; body: Buffer }> {
  const res = await t.call('GET', `/filehandler.ashx?action=download&fileid=${fileId}`, {
    headers: range ? { Range: range } : null,
  });
  return { status: res.status, body: res.bytes };
}

async function expectRoundTrip(fileId: number): Promise<void> {
  const whole = await download(fileId);
  expect(whole.status).toBe(200);
  expect(whole.body.length).toBe(SIZE);
  expect(whole.body.equals(bytes)).toBe(true);
  const part = await download(fileId, `bytes=${CHUNK - 10}-${CHUNK + 9}`);
  expect(part.status).toBe(206);
  expect(part.body.equals(bytes.subarray(CHUNK - 10, CHUNK + 10))).toBe(true);
}

describe('25 MB chunked upload round trips byte for byte', () => {
  it('ChunkedUploader.ashx, sequential: 200 per chunk, 201 with the file on the last', async () => {
    const session = await t.response('POST', `/api/2.0/files/${MY}/upload/create_session`, {
      body: { fileName: 'Sequential.bin', fileSize: SIZE },
    });
    expect(session.success).toBe(true);
    const location: string = session.data.location;
    const parts = chunks(bytes);
    expect(parts).toHaveLength(3);
    let last;
    for (const [i, part] of parts.entries()) {
      const body = form(part);
      const res = await t.call('POST', location, { raw: body.body, contentType: body.contentType });
      expect(res.status).toBe(i === parts.length - 1 ? 201 : 200);
      expect(res.json.success).toBe(true);
      last = res.json;
    }
    expect(last.data).toMatchObject({
      title: 'Sequential.bin',
      folderId: MY,
      version: 1,
      uploaded: true,
      file: { pureContentLength: SIZE },
    });
    await expectRoundTrip(last.data.id);
  });

  it('ChunkedUploader.ashx, parallel: numbered chunks in any order, then finalize', async () => {
    const session = await t.response('POST', `/api/2.0/files/${MY}/upload/create_session`, {
      body: { fileName: 'Parallel.bin', fileSize: SIZE },
    });
    const location: string = session.data.location;
    const parts = chunks(bytes);
    await Promise.all(
      parts.map(async (part, i) => {
        const body = form(part);
        const res = await t.call('POST', `${location}&chunkNumber=${i + 1}&upload=true`, {
          raw: body.body,
          contentType: body.contentType,
        });
        expect(res.status).toBe(200);
        expect(res.json).toMatchObject({ success: true, data: { id: session.data.id, bytes_total: SIZE } });
      }),
    );
    const done = await t.call('POST', `${location}&finalize=true`);
    expect(done.status).toBe(201);
    expect(done.json.data).toMatchObject({ title: 'Parallel.bin', uploaded: true });
    await expectRoundTrip(done.json.data.id);
  });

  it('REST session: chunks to session/{id} finalize by themselves (201)', async () => {
    const session = await t.response('POST', `/api/2.0/files/${MY}/session`, {
      body: { fileName: 'Rest.bin', fileSize: SIZE },
    });
    expect(session).toMatchObject({ bytes_total: SIZE, path: [MY] });
    let result;
    for (const part of chunks(bytes)) {
      const body = form(part);
      result = await t.call('POST', `/api/2.0/files/${MY}/session/${session.id}`, {
        raw: body.body,
        contentType: body.contentType,
      });
    }
    expect(result?.status).toBe(201);
    expect(result?.json.response).toMatchObject({ title: 'Rest.bin', uploaded: true });
    await expectRoundTrip(result?.json.response.id);
  });
});

describe('upload rules', () => {
  it('simple upload: same name makes a new version; createNewIfExist makes "Name (1).ext"', async () => {
    const send = async (text: string, query = '') => {
      const body = multipartBody([{ name: 'file', filename: 'Versioned.txt', data: text }]);
      return t.response('POST', `/api/2.0/files/${MY}/upload${query}`, {
        raw: body.body,
        contentType: body.contentType,
      });
    };
    const [v1] = await send('one');
    const [v2] = await send('two, longer');
    expect(v2).toMatchObject({ id: v1.id, version: 2, pureContentLength: 11 });
    const history = await t.response('GET', `/api/2.0/files/file/${v1.id}/history`);
    expect(history.map((f: { version: number }) => f.version)).toEqual([2, 1]);
    expect((await download(v1.id)).body.toString()).toBe('two, longer');
    expect(
      (await t.call('GET', `/filehandler.ashx?action=download&fileid=${v1.id}&version=1`, { headers: null })).text,
    ).toBe('one');
    expect(await t.response('GET', `/api/2.0/files/file/${v1.id}?version=1`)).toMatchObject({
      id: v1.id,
      version: 1,
      pureContentLength: 3,
    });
    expect((await t.call('GET', `/api/2.0/files/file/${v1.id}?version=7`)).status).toBe(404);
    const [copy] = await send('three', '?createNewIfExist=true');
    expect(copy.title).toBe('Versioned (1).txt');
  });

  it('limits: simple upload over the maximum (402), a chunk over chunkUploadSize, an expired session', async () => {
    t.sandbox.tuning.maxUploadSize = 1000;
    try {
      const body = multipartBody([{ name: 'file', filename: 'big.bin', data: seededBytes(1001, 1) }]);
      const res = await t.call('POST', `/api/2.0/files/${MY}/upload`, {
        raw: body.body,
        contentType: body.contentType,
      });
      expect(res.status).toBe(402);
      expect(res.json.error.message).toBe('The maximum file size is exceeded (1,000 bytes).');
    } finally {
      t.sandbox.tuning.maxUploadSize = 100 * 1024 * 1024;
    }

    t.sandbox.tuning.chunkUploadSize = 100;
    try {
      const session = await t.response('POST', `/api/2.0/files/${MY}/upload/create_session`, {
        body: { fileName: 'Chunky.bin', fileSize: 1000 },
      });
      const body = form(seededBytes(101, 2));
      const res = await t.call('POST', session.data.location, { raw: body.body, contentType: body.contentType });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ success: false, message: 'The maximum file size is exceeded (100 MB).' });
    } finally {
      t.sandbox.tuning.chunkUploadSize = CHUNK;
    }

    t.sandbox.tuning.uploadSessionTtlMs = 50;
    try {
      const session = await t.response('POST', `/api/2.0/files/${MY}/session`, {
        body: { fileName: 'Late.bin', fileSize: 20 },
      });
      await new Promise((resolve) => setTimeout(resolve, 80));
      const body = form(seededBytes(20, 3));
      const legacy = await t.call('POST', session.location, { raw: body.body, contentType: body.contentType });
      expect(legacy.json).toEqual({
        success: false,
        message: 'Not authorized or session with specified upload id already expired',
      });
    } finally {
      t.sandbox.tuning.uploadSessionTtlMs = 12 * 60 * 60 * 1000;
    }
  });

  it("another user's session is not found by ChunkedUploader.ashx", async () => {
    const session = await t.response('POST', `/api/2.0/files/${MY}/session`, {
      body: { fileName: 'Mine.bin', fileSize: 10 },
    });
    const res = await t.call('POST', session.location, { headers: null });
    expect(res.json).toEqual({
      success: false,
      message: 'Not authorized or session with specified upload id already expired',
    });
  });
});

describe('multipart parser', () => {
  const parts = [
    { name: 'title', data: 'Résumé.docx' },
    { name: 'file', filename: 'a.bin', contentType: 'application/octet-stream', data: seededBytes(70_000, 7) },
    { name: 'file2', filename: 'crlf.bin', data: Buffer.from('\r\n--not-a-boundary\r\n\r\n--') },
  ];
  const { body, contentType } = multipartBody(parts, 'XyZ-boundary');
  const boundary = contentType.split('boundary=')[1] ?? '';

  it('parses text fields and binary files', () => {
    const parsed = parseMultipart(body, boundary);
    expect(parsed.map((p) => [p.name, p.filename])).toEqual([
      ['title', undefined],
      ['file', 'a.bin'],
      ['file2', 'crlf.bin'],
    ]);
    expect(parsed[0]?.data.toString('utf8')).toBe('Résumé.docx');
    expect(parsed[1]?.data.equals(parts[1]!.data as Buffer)).toBe(true);
    expect(parsed[2]?.data.toString('latin1')).toBe('\r\n--not-a-boundary\r\n\r\n--');
  });

  it('gives the same parts for any chunking of the stream (boundaries split across chunks)', () => {
    let seed = 1;
    for (let round = 0; round < 40; round++) {
      const parser = new MultipartParser(boundary);
      for (let at = 0; at < body.length;) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        const size = 1 + (seed % (round < 20 ? 7 : 5000));
        parser.write(body.subarray(at, at + size));
        at += size;
      }
      const parsed = parser.end();
      expect(parsed).toHaveLength(3);
      expect(parsed[1]?.data.equals(parts[1]!.data as Buffer)).toBe(true);
      expect(parsed[2]?.data.toString('latin1')).toBe('\r\n--not-a-boundary\r\n\r\n--');
    }
  });

  it('rejects a truncated body', () => {
    expect(() => parseMultipart(body.subarray(0, body.length - 10), boundary)).toThrow(/Unexpected end/);
  });
});

// Contract: uploads — simple, insert, pre-check, chunked sessions (legacy double wrapper, REST
// sessions, ChunkedUploader.ashx) — against the OpenAPI spec + wire exceptions.
import { expect, it } from 'vitest';
import { DEMO_SECTIONS } from '../../../sandbox/server.ts';
import { multipartBody, seededBytes } from '../multipart-client.ts';
import { contractSuite } from './harness.ts';

const MY = DEMO_SECTIONS.my.id;

contractSuite('upload', (c) => {
  const form = (data: Buffer, filename = 'chunk.bin', name = 'file') => multipartBody([{ name, filename, data }]);

  it('simple upload, insert, pre-check', async () => {
    const file = form(Buffer.from('hello upload'), 'Hello.txt');
    const uploaded = await c.ok('POST', '/api/2.0/files/{folderId}/upload', {
      params: { folderId: MY },
      raw: file.body,
      contentType: file.contentType,
    });
    expect(uploaded.json.response).toEqual([expect.objectContaining({ title: 'Hello.txt', pureContentLength: 12 })]);
    const mine = form(Buffer.from('to my documents'), 'Mine.txt');
    await c.ok('POST', '/api/2.0/files/@my/upload', { raw: mine.body, contentType: mine.contentType });
    const inserted = await c.ok('POST', '/api/2.0/files/{folderId}/insert', {
      params: { folderId: MY },
      query: { title: 'Raw.bin' },
      raw: seededBytes(1000, 1),
      contentType: 'application/octet-stream',
    });
    expect(inserted.json.response).toMatchObject({ title: 'Raw.bin', pureContentLength: 1000 });
    const check = await c.ok('POST', '/api/2.0/files/{folderId}/upload/check', {
      params: { folderId: MY },
      body: { filesTitle: ['Hello.txt', 'Absent.txt'] },
    });
    expect(check.json.response).toEqual(['Hello.txt']);
  });

  it('legacy create_session + ChunkedUploader.ashx (sequential, then abort)', async () => {
    const bytes = seededBytes(20, 2);
    c.sandbox.tuning.chunkUploadSize = 8;
    try {
      const created = await c.ok('POST', '/api/2.0/files/{folderId}/upload/create_session', {
        params: { folderId: MY },
        body: { fileName: 'Legacy.bin', fileSize: 20 },
      });
      expect(created.json.response.success).toBe(true);
      const location: string = created.json.response.data.location;
      const send = (data: Buffer, query = '') => {
        const body = form(data);
        return fetch(location + query, {
          method: 'POST',
          headers: { ...c.apiKeyHeaders, 'Content-Type': body.contentType },
          body: new Uint8Array(body.body),
        });
      };
      const validate = async (res: Response) => {
        const json: unknown = await res.json();
        expect(c.spec.validate('POST', '/ChunkedUploader.ashx', res.status, json)).toEqual([]);
        c.validated.add('POST /ChunkedUploader.ashx');
        return json as { success: boolean; data?: Record<string, unknown>; message: string };
      };
      expect(await validate(await send(bytes.subarray(0, 8)))).toMatchObject({ success: true, message: '' });
      await validate(await send(bytes.subarray(8, 16)));
      const last = await send(bytes.subarray(16));
      expect(last.status).toBe(201);
      expect(await validate(last)).toMatchObject({ success: true, data: { title: 'Legacy.bin', uploaded: true } });

      const other = await c.ok('POST', '/api/2.0/files/{folderId}/upload/create_session', {
        params: { folderId: MY },
        body: { fileName: 'Aborted.bin', fileSize: 20 },
      });
      const aborted = await fetch(`${other.json.response.data.location}&abort=true`, {
        method: 'POST',
        headers: c.apiKeyHeaders,
      });
      expect(await validate(aborted)).toEqual({ success: true, message: '' });
      const gone = await fetch(other.json.response.data.location, { method: 'POST', headers: c.apiKeyHeaders });
      expect(await validate(gone)).toEqual({
        success: false,
        message: 'Not authorized or session with specified upload id already expired',
      });
    } finally {
      c.sandbox.tuning.chunkUploadSize = 10 * 1024 * 1024;
    }
  });

  it('REST sessions: sequential auto-finalize (201), parallel + finalize (201), abort', async () => {
    c.sandbox.tuning.chunkUploadSize = 8;
    try {
      const bytes = seededBytes(20, 3);
      const s1 = await c.ok('POST', '/api/2.0/files/{folderId}/session', {
        params: { folderId: MY },
        body: { fileName: 'Rest.bin', fileSize: 20 },
      });
      const sessionId: string = s1.json.response.id;
      const chunk = async (data: Buffer, status: number) => {
        const body = form(data);
        return c.ok(
          'POST',
          '/api/2.0/files/{folderId}/session/{sessionId}',
          { params: { folderId: MY, sessionId }, raw: body.body, contentType: body.contentType },
          status,
        );
      };
      expect((await chunk(bytes.subarray(0, 8), 200)).json.response).toMatchObject({ uploaded: false });
      await chunk(bytes.subarray(8, 16), 200);
      expect((await chunk(bytes.subarray(16), 201)).json.response).toMatchObject({
        uploaded: true,
        title: 'Rest.bin',
        version: 1,
      });

      const s2 = await c.ok('POST', '/api/2.0/files/{folderId}/session', {
        params: { folderId: MY },
        body: { fileName: 'Parallel.bin', fileSize: 20 },
      });
      const id2: string = s2.json.response.id;
      for (const [n, from, to] of [
        [3, 16, 20],
        [1, 0, 8],
        [2, 8, 16],
      ] as const) {
        const body = form(bytes.subarray(from, to));
        await c.ok('POST', '/api/2.0/files/{folderId}/session/{sessionId}/upload', {
          params: { folderId: MY, sessionId: id2 },
          query: { chunkNumber: n },
          raw: body.body,
          contentType: body.contentType,
        });
      }
      await c.ok(
        'PUT',
        '/api/2.0/files/{folderId}/session/{sessionId}/finalize',
        { params: { folderId: MY, sessionId: id2 } },
        201,
      );

      const s3 = await c.ok('POST', '/api/2.0/files/{folderId}/session', {
        params: { folderId: MY },
        body: { fileName: 'Abort.bin', fileSize: 20 },
      });
      await c.ok('DELETE', '/api/2.0/files/{folderId}/session/{sessionId}', {
        params: { folderId: MY, sessionId: s3.json.response.id },
      });
    } finally {
      c.sandbox.tuning.chunkUploadSize = 10 * 1024 * 1024;
    }
  });

  it('errors: upload into the Rooms root (403), chunk over the limit (402)', async () => {
    const file = form(Buffer.from('x'), 'x.txt');
    expect(
      (
        await c.call('POST', '/api/2.0/files/{folderId}/upload', {
          params: { folderId: DEMO_SECTIONS.rooms.id },
          raw: file.body,
          contentType: file.contentType,
        })
      ).status,
    ).toBe(403);
    c.sandbox.tuning.chunkUploadSize = 4;
    try {
      const s = await c.ok('POST', '/api/2.0/files/{folderId}/session', {
        params: { folderId: MY },
        body: { fileName: 'Big.bin', fileSize: 100 },
      });
      const big = form(seededBytes(5, 4));
      const res = await c.call('POST', '/api/2.0/files/{folderId}/session/{sessionId}', {
        params: { folderId: MY, sessionId: s.json.response.id },
        raw: big.body,
        contentType: big.contentType,
      });
      expect(res.status).toBe(402);
    } finally {
      c.sandbox.tuning.chunkUploadSize = 10 * 1024 * 1024;
    }
  });
});

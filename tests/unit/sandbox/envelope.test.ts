import { describe, expect, it } from 'vitest';
import { API_DATE, hasNoNulls, useSandbox } from './helpers.ts';

const t = useSandbox();

describe('success envelope', () => {
  it('wraps an object payload with count 1, links and status 0', async () => {
    const res = await t.get('/api/2.0/settings?x=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(res.json)).toEqual(['response', 'count', 'links', 'status', 'statusCode']);
    expect(res.json).toMatchObject({
      count: 1,
      links: [{ href: `${t.sandbox.url}/api/2.0/settings?x=1`, action: 'GET' }],
      status: 0,
      statusCode: 200,
    });
  });

  it('counts array payloads by length', async () => {
    const res = await t.get('/api/2.0/files/@root', t.apiKey);
    expect(Array.isArray(res.json.response)).toBe(true);
    expect(res.json.count).toBe(res.json.response.length);
  });

  it('sends Server-Timing on every response, including errors and empty 401s', async () => {
    for (const res of [
      await t.get('/api/2.0/settings'),
      await t.get('/api/2.0/files/999999', t.apiKey),
      await t.get('/api/2.0/people/@self'),
    ]) {
      expect(res.headers.get('server-timing')).toMatch(/^aspnetcore-request-time;dur=\d+$/);
    }
  });

  it('omits null properties in success bodies', async () => {
    for (const path of [
      '/api/2.0/files/@root',
      '/api/2.0/files/rooms',
      '/api/2.0/people/@self',
      '/api/2.0/files/@trash',
    ]) {
      const res = await t.get(path, t.apiKey);
      expect(hasNoNulls(res.json), path).toBe(true);
    }
  });

  it('writes dates as portal-local strings with 7 fraction digits', async () => {
    const res = await t.get('/api/2.0/people/@self', t.apiKey);
    expect(res.json.response.registrationDate).toBe('2025-01-15T11:30:00.0000000+03:00');
    const rooms = await t.get('/api/2.0/files/rooms', t.apiKey);
    for (const room of rooms.json.response.folders) {
      expect(room.created).toMatch(API_DATE);
      expect(room.updated).toMatch(API_DATE);
    }
  });
});

describe('anonymous portal checks', () => {
  it('GET /settings says docSpace with the public shape', async () => {
    const { response } = (await t.get('/api/2.0/settings')).json;
    expect(response).toMatchObject({
      docSpace: true,
      version: '3.7.2',
      culture: 'en-US',
      greetingSettings: 'Sandbox DocSpace',
      standalone: true,
      tenantStatus: 0,
      tenantAlias: 'sandbox',
      passwordHash: { size: 256, iterations: 100000 },
    });
    expect(typeof response.passwordHash.salt).toBe('string');
    expect(response.timezone).toBeUndefined();
  });

  it('GET /settings adds tenant details when signed in', async () => {
    const { response } = (await t.get('/api/2.0/settings', t.apiKey)).json;
    expect(response).toMatchObject({ docSpace: true, timezone: 'Europe/Istanbul', utcHoursOffset: 3 });
  });

  it('GET /capabilities and /settings/version/build answer anonymously', async () => {
    expect((await t.get('/api/2.0/capabilities')).json.response).toMatchObject({
      ldapEnabled: false,
      oauthEnabled: true,
    });
    expect((await t.get('/api/2.0/settings/version/build')).json.response).toMatchObject({ docSpace: '3.7.2' });
  });
});

describe('errors', () => {
  it('unknown folder: 404 with the error body (nulls kept)', async () => {
    const res = await t.get('/api/2.0/files/999999', t.apiKey);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      error: {
        message: 'The required folder was not found',
        type: 'ASC.Common.Web.ItemNotFoundException',
        stack: null,
        hresult: 0,
      },
      status: 1,
      statusCode: 404,
    });
  });

  it('non-numeric folder and unknown file ids are 404 too', async () => {
    expect((await t.get('/api/2.0/files/not-a-folder', t.apiKey)).json.error.message).toBe(
      'The required folder was not found',
    );
    const file = await t.get('/api/2.0/files/file/999999', t.apiKey);
    expect(file.status).toBe(404);
    expect(file.json.error.message).toBe('The required file was not found');
  });

  it('unknown route under /api/2.0: 404 error body', async () => {
    const res = await t.get('/api/2.0/no/such/thing', t.apiKey);
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: { stack: null, hresult: 0 }, status: 1, statusCode: 404 });
  });

  it.each([['500'], ['0'], ['-1']])('count=%s: 400 ValidationProblemDetails in the envelope', async (count) => {
    const res = await t.get(`/api/2.0/files/@my?count=${count}`, t.apiKey);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      response: {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { Count: ['The field Count must be between 1 and 100.'] },
      },
      count: 1,
      links: [{ action: 'GET' }],
      status: 1,
      statusCode: 400,
    });
    expect(res.json.response.traceId).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  });

  it('non-integer count and bad enum values are 400 as well, all errors at once', async () => {
    const res = await t.get('/api/2.0/files/rooms?count=ten&sortOrder=sideways&type=Nope', t.apiKey);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.response.errors).sort()).toEqual(['Count', 'SortOrder', 'Type']);
    expect(res.json.response.errors.Count).toEqual(["The value 'ten' is not valid for Count."]);
  });
});

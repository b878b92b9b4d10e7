import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { staticAuth } from '../../../src/docspace/request-auth.ts';
import { DocSpaceClient, type FetchLike } from '../../../src/docspace/client.ts';
import { AppError } from '../../../src/errors/index.ts';
import { english } from '../support/english.ts';
import { systemClock } from '../../../src/scheduler/clock.ts';
import { DEFAULT_LIMITS } from '../../../src/scheduler/limits.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import { MemoryBudgetStore } from '../scheduler/fake-clock.ts';
import { SimpleQueue } from '../../../src/scheduler/simple-queue.ts';

const origin = 'https://team.onlyoffice.com';
const schema = v.looseObject({ id: v.number() });

function clientWith(fetch: FetchLike, timeoutMs = 1000) {
  return new DocSpaceClient({
    baseUrl: origin,
    fetch,
    auth: staticAuth({ kind: 'apiKey', apiKey: `sk-${'a'.repeat(64)}` }),
    executor: new SimpleQueue(2),
    timeoutMs,
  });
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a failure');
}

describe('DocSpaceClient', () => {
  it('sends Authorization, Accept and Content-Type, omits cookies, builds the query', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const client = clientWith(async (url, init) => {
      seen = { url, init };
      return json({ response: { id: 1 }, count: 1, status: 0, statusCode: 200 });
    });
    const result = await client.call('/api/2.0/files/rooms', {
      schema,
      query: { count: 10, startIndex: 0, type: [1, 2], skip: undefined },
    });
    expect(result.data).toEqual({ id: 1 });
    const headers = seen!.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe(`Bearer sk-${'a'.repeat(64)}`);
    expect(headers.Accept).toBe('application/json');
    expect(headers['Content-Type']).toBe('application/json');
    expect(seen!.init.credentials).toBe('omit');
    expect(seen!.url).toBe(`${origin}/api/2.0/files/rooms?count=10&startIndex=0&type=1&type=2`);
  });

  it('sends a session token with the Bearer scheme, as the spec documents', async () => {
    let auth: string | undefined;
    const client = new DocSpaceClient({
      baseUrl: origin,
      fetch: async (_url, init) => {
        auth = (init.headers as Record<string, string>).Authorization;
        return json({ response: { id: 2 }, status: 0 });
      },
      auth: staticAuth({ kind: 'token', token: 'opaque-token', expires: null }),
      executor: new SimpleQueue(),
    });
    await client.call('/api/2.0/people/@self', { schema });
    expect(auth).toBe('Bearer opaque-token');
  });

  it('sends no Authorization on anonymous calls and refuses authenticated ones without credentials', async () => {
    let headers: Record<string, string> = {};
    const client = new DocSpaceClient({
      baseUrl: origin,
      fetch: async (_url, init) => {
        headers = init.headers as Record<string, string>;
        return json({ response: { id: 3 } });
      },
      auth: staticAuth(null),
      executor: new SimpleQueue(),
    });
    await client.call('/api/2.0/settings', { schema, anonymous: true });
    expect(headers.Authorization).toBeUndefined();
    expect((await failure(client.call('/api/2.0/people/@self', { schema }))).key).toBe('signInAgain');
  });

  it('maps an error status with the DocSpace error body', async () => {
    const client = clientWith(async () =>
      json({ error: { message: 'Folder not found' }, status: 1, statusCode: 404 }, 404),
    );
    const error = await failure(client.call('/api/2.0/files/9', { schema }));
    expect(error.code).toBe('notFound');
    expect(error.status).toBe(404);
  });

  it('maps an empty-bodied 401 and 429', async () => {
    expect(
      (await failure(clientWith(async () => new Response(null, { status: 401 })).call('/x', { schema }))).code,
    ).toBe('unauthorized');
    const limited = await failure(
      clientWith(async () => new Response(null, { status: 429, headers: { 'X-RateLimit-Limit': '1500' } })).call('/x', {
        schema,
      }),
    );
    expect(limited.code).toBe('rateLimited');
  });

  it.each([
    ['not JSON', '<html>hi</html>', 'not JSON'],
    ['no envelope', '{"id":1}', 'no "response"'],
    ['wrong payload', '{"response":{"id":"x"},"status":0}', 'unexpected data at "id"'],
  ])('turns a malformed answer (%s) into badResponse', async (_name, body, fragment) => {
    const error = await failure(clientWith(async () => json(body)).call('/x', { schema }));
    expect(error.code).toBe('badResponse');
    expect(english(error)).toContain(fragment);
  });

  it('reports a network failure as retryable', async () => {
    const error = await failure(
      clientWith(async () => {
        throw new TypeError('Failed to fetch');
      }).call('/x', { schema }),
    );
    expect(error).toMatchObject({ code: 'network', retryable: true });
  });

  it('gives up on a portal that does not answer in time', async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const error = await failure(clientWith(hang, 50).call('/x', { schema }));
    expect(error.code).toBe('timeout');
  });

  it('reports a caller cancellation as cancelled, not as a timeout', async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const controller = new AbortController();
    const pending = clientWith(hang, 5_000).call('/x', { schema, signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).code).toBe('cancelled');
  });
});

describe('DocSpaceClient against a hostile or broken portal', () => {
  it('never follows a redirect: the header (or a password) must not reach another origin', async () => {
    const seen: RequestInit[] = [];
    const client = clientWith(async (_url, init) => {
      seen.push(init);
      return new Response(null, {
        status: 307,
        headers: { Location: 'https://evil.example.com/api/2.0/authentication' },
      });
    });
    const error = await failure(
      client.call('/api/2.0/authentication', { method: 'POST', body: { password: 'x' }, schema }),
    );
    expect(error).toMatchObject({ key: 'portalRedirected', retryable: false });
    expect(seen[0]?.redirect).toBe('manual');
    expect(seen).toHaveLength(1);
  });

  it('refuses an answer from another origin (what a followed redirect looks like)', async () => {
    const client = clientWith(async () => {
      const response = json({ response: { id: 1 } });
      Object.defineProperty(response, 'url', { value: 'https://evil.example.com/api/2.0/x' });
      return response;
    });
    expect((await failure(client.call('/x', { schema }))).key).toBe('portalRedirected');
  });

  it('refuses an oversized answer, declared or streamed, instead of reading it all', async () => {
    const big = 'x'.repeat(2_000);
    const declared = new DocSpaceClient({
      baseUrl: origin,
      fetch: async () => new Response(big, { headers: { 'Content-Length': String(big.length) } }),
      auth: staticAuth({ kind: 'apiKey', apiKey: `sk-${'a'.repeat(64)}` }),
      executor: new SimpleQueue(),
      maxResponseBytes: 1_000,
    });
    expect((await failure(declared.call('/x', { schema }))).key).toBe('responseTooLarge');
    const streamed = new DocSpaceClient({
      baseUrl: origin,
      fetch: async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode(big));
              controller.close();
            },
          }),
        ),
      auth: staticAuth({ kind: 'apiKey', apiKey: `sk-${'a'.repeat(64)}` }),
      executor: new SimpleQueue(),
      maxResponseBytes: 5_000,
    });
    const error = await failure(streamed.call('/x', { schema }));
    expect(error).toMatchObject({ key: 'responseTooLarge', retryable: true });
    expect(english(error)).toContain('larger than');
  });
});

describe('a portal that hangs', () => {
  it('a click is retried once, background work three times', async () => {
    const attempts: Record<string, number> = { interactive: 0, user: 0 };
    const scheduler = new Scheduler({
      key: 'p',
      settings: DEFAULT_LIMITS,
      clock: systemClock,
      store: new MemoryBudgetStore(),
      fresh: true,
      backoff: { baseMs: 1, capMs: 2 },
    });
    let lane = 'interactive';
    const hang: FetchLike = (_url, init) => {
      attempts[lane]!++;
      return new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    };
    const client = new DocSpaceClient({
      baseUrl: origin,
      fetch: hang,
      auth: staticAuth({ kind: 'apiKey', apiKey: `sk-${'a'.repeat(64)}` }),
      executor: scheduler,
      timeoutMs: 20,
    });
    expect((await failure(client.call('/x', { schema, lane: 'interactive' }))).code).toBe('timeout');
    lane = 'user';
    expect((await failure(client.call('/y', { schema, lane: 'user' }))).code).toBe('timeout');
    expect(attempts).toEqual({ interactive: 2, user: 4 });
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultArg, pathMatcher, validateFaultSpec } from '../../../sandbox/faults/spec.ts';
import { manualClock } from '../../../sandbox/limits/clock.ts';
import { startSandbox } from '../../../sandbox/server.ts';
import type { Sandbox } from '../../../sandbox/server.ts';

const clock = manualClock();
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clock });
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(async () => {
  const cleared = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
  expect((await cleared.json()).faults).toEqual([]);
});

const apiKey = (): Record<string, string> => ({ Authorization: `Bearer ${sandbox.demo.apiKey}` });

async function addFaults(body: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(body) });
}

function self(headers: Record<string, string> = apiKey()): Promise<Response> {
  return fetch(`${sandbox.url}/api/2.0/people/@self`, { headers });
}

function login(): Promise<Response> {
  return fetch(`${sandbox.url}/api/2.0/authentication`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName: sandbox.demo.email, password: sandbox.demo.password }),
  });
}

const lastEntry = () => sandbox.log.since(0).at(-1);

describe('faults', () => {
  it('latency: a fixed delay for the next matching request only, logged as "latency"', async () => {
    expect((await addFaults({ type: 'latency', ms: 200, path: '/api/2.0/people/*', count: 1 })).status).toBe(200);
    let t = performance.now();
    expect((await self()).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(190);
    expect(lastEntry()?.fault).toBe('latency');
    t = performance.now();
    expect((await self()).status).toBe(200);
    expect(performance.now() - t).toBeLessThan(150);
    expect(lastEntry()?.fault).toBeNull();
    const list = (await (await fetch(`${sandbox.url}/__sandbox/faults`)).json()).faults;
    expect(list).toMatchObject([{ id: 1, type: 'latency', ms: 200, applied: 1, active: false }]);
  });

  it('latency range: random in [min, max], reproducible with the same seed', async () => {
    // The delay the sandbox chose is logged, so reproducibility is checked exactly, not through noisy timings.
    const delays = async (): Promise<Array<[number, number]>> => {
      await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
      await addFaults({ seed: 42, faults: ['latency=20..120'] });
      const out: Array<[number, number]> = [];
      for (let i = 0; i < 4; i++) {
        await self();
        const entry = lastEntry()!;
        out.push([entry.faultDelayMs!, entry.durationMs]);
      }
      return out;
    };
    const a = await delays();
    const b = await delays();
    for (const [chosen, took] of a) {
      expect(chosen).toBeGreaterThanOrEqual(20);
      expect(chosen).toBeLessThanOrEqual(120);
      expect(took).toBeGreaterThanOrEqual(chosen - 1);
    }
    expect(new Set(a.map(([chosen]) => chosen)).size).toBeGreaterThan(1);
    expect(b.map(([chosen]) => chosen)).toEqual(a.map(([chosen]) => chosen));
  });

  it('error500 / error502 by share, reproducible with the seed; limited to a path and method', async () => {
    const pattern = async (): Promise<number[]> => {
      await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
      await addFaults({
        seed: 7,
        faults: [{ type: 'error500', share: 0.5, method: 'GET', path: '/api/2.0/people/**' }],
      });
      const out: number[] = [];
      for (let i = 0; i < 16; i++) out.push((await self()).status);
      return out;
    };
    const first = await pattern();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
    // Other paths are untouched.
    expect((await fetch(`${sandbox.url}/api/2.0/files/@my`, { headers: apiKey() })).status).toBe(200);

    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    await addFaults(['error500=1,count=1', 'error502=1,count=1']);
    const e500 = await self();
    expect(e500.status).toBe(500);
    expect(await e500.json()).toMatchObject({
      error: { message: 'Internal server error (sandbox fault)' },
      status: 1,
      statusCode: 500,
    });
    const e502 = await self();
    expect(e502.status).toBe(502);
    expect(await e502.text()).toContain('502 Bad Gateway');
    expect((await self()).status).toBe(200);
    expect(
      sandbox.log
        .since(0)
        .slice(-3)
        .map((e) => e.fault),
    ).toEqual(['error500', 'error502', null]);
  });

  it('error500 afterHandler: the effect persists, the answer is a 500', async () => {
    const before = sandbox.store.sessions.size;
    await addFaults({ type: 'error500', afterHandler: true, method: 'POST', count: 1 });
    expect((await login()).status).toBe(500);
    expect(sandbox.store.sessions.size).toBe(before + 1);
  });

  it('resetBefore: the socket is reset and the handler does not run', async () => {
    const before = sandbox.store.sessions.size;
    await addFaults('resetBefore=1,method=POST,count=1');
    await expect(login()).rejects.toThrow();
    expect(sandbox.store.sessions.size).toBe(before);
    expect(lastEntry()).toMatchObject({ method: 'POST', status: 0, fault: 'resetBefore' });
    expect((await login()).status).toBe(200);
  });

  it('resetAfter: the handler runs and its effect persists, then the socket is reset', async () => {
    const before = sandbox.store.sessions.size;
    await addFaults('resetAfter=1,method=POST,count=1');
    await expect(login()).rejects.toThrow();
    expect(sandbox.store.sessions.size).toBe(before + 1);
    expect(lastEntry()).toMatchObject({ status: 0, fault: 'resetAfter' });
  });

  it('malformedJson: 200 with a body cut in half', async () => {
    const whole = await (await self()).text();
    await addFaults({ type: 'malformedJson', count: 1 });
    const res = await self();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toBe(whole.slice(0, Math.floor(Buffer.byteLength(whole) / 2)));
    expect(() => JSON.parse(text)).toThrow();
    expect(JSON.parse(await (await self()).text()).response.email).toBe(sandbox.demo.email);
  });

  it('hang: the response comes after `ms` (35 s by default), then normally', async () => {
    await addFaults({ type: 'hang', ms: 600, count: 1 });
    const t = performance.now();
    const res = await self();
    expect(res.status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(590);
    expect(parseFaultArg('hang')).toEqual({ type: 'hang' });
  });

  it('expireTokens: sessions issued before are refused (401), later ones and API keys work; apiKeys:true refuses keys too', async () => {
    const oldToken = (await (await login()).json()).response.token as string;
    expect((await self({ Authorization: oldToken })).status).toBe(200);
    await addFaults({ type: 'expireTokens' });
    expect((await self({ Authorization: oldToken })).status).toBe(401);
    expect((await self({ Cookie: `asc_auth_key=${oldToken}` })).status).toBe(401);
    expect(lastEntry()).toMatchObject({ fault: 'expireTokens', identity: null, status: 401 });
    expect((await self()).status).toBe(200);
    const newToken = (await (await login()).json()).response.token as string;
    expect((await self({ Authorization: newToken })).status).toBe(200);

    await addFaults({ type: 'expireTokens', apiKeys: true });
    expect((await self()).status).toBe(401);

    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    expect((await self({ Authorization: oldToken })).status).toBe(200);
    expect((await self()).status).toBe(200);
  });

  it('expireTokens answers 401 on [AllowAnonymous] routes too; asServer answers them as the server (403)', async () => {
    const folder = (headers: Record<string, string>) => fetch(`${sandbox.url}/api/2.0/files/101`, { headers });
    const key = { Authorization: `Bearer ${sandbox.demo.apiKey}` };
    await addFaults({ type: 'expireTokens', apiKeys: true });
    const challenged = await folder(key);
    expect(challenged.status).toBe(401);
    expect(challenged.headers.get('www-authenticate')).toBe('Basic');
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    await addFaults('expireTokens=apiKeys,asServer');
    const refused = await folder(key);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ message: 'Access denied', stack: null, hresult: 0 });
    expect((await self()).status).toBe(401);
  });

  it('storm503: the next N requests get 503 + Retry-After + error body, logged as refused', async () => {
    await addFaults('storm503=3,retryAfter=7');
    for (let i = 0; i < 3; i++) {
      const res = await self();
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('7');
      expect((await res.json()).statusCode).toBe(503);
      expect(lastEntry()).toMatchObject({ refusedBy: 'fault/storm503', fault: 'storm503' });
    }
    expect((await self()).status).toBe(200);
  });

  it('storm503 for a duration (by the clock)', async () => {
    await addFaults({ type: 'storm503', durationMs: 5_000 });
    expect((await self()).status).toBe(503);
    clock.advance(4_999);
    expect((await self()).status).toBe(503);
    clock.advance(1);
    expect((await self()).status).toBe(200);
  });

  it('storm429: 429, empty body, X-RateLimit headers; with retryAfter also Retry-After and X-RateLimit-Reset', async () => {
    await addFaults(['storm429=1', 'storm429=1,retryAfter=30,limit=10000']);
    const plain = await self();
    expect(plain.status).toBe(429);
    expect(await plain.text()).toBe('');
    expect(plain.headers.get('x-ratelimit-limit')).toBe('1500');
    expect(plain.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(plain.headers.get('retry-after')).toBeNull();
    const daily = await self();
    expect(daily.status).toBe(429);
    expect(daily.headers.get('x-ratelimit-limit')).toBe('10000');
    expect(daily.headers.get('retry-after')).toBe('30');
    expect(daily.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil(clock() / 1000 + 30)));
    expect((await self()).status).toBe(200);
  });

  it('admin route: validates input, removes one fault by id', async () => {
    expect((await addFaults({ type: 'nope' })).status).toBe(400);
    expect((await addFaults({ type: 'latency' })).status).toBe(400);
    expect((await addFaults({ type: 'error500', share: 2 })).status).toBe(400);
    expect((await addFaults('latency=abc')).status).toBe(400);
    const added = await (await addFaults(['error500=0.1', 'latency=5'])).json();
    expect(added.faults.map((f: { id: number }) => f.id)).toEqual([1, 2]);
    const after = await (await fetch(`${sandbox.url}/__sandbox/faults?id=1`, { method: 'DELETE' })).json();
    expect(after.faults.map((f: { type: string }) => f.type)).toEqual(['latency']);
    expect((await fetch(`${sandbox.url}/__sandbox/faults?id=99`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('fault specs', () => {
  it('parses the CLI form', () => {
    expect(parseFaultArg('latency=50..200')).toEqual({ type: 'latency', minMs: 50, maxMs: 200 });
    expect(parseFaultArg('latency=100,method=GET|post,path=/api/2.0/files/**')).toEqual({
      type: 'latency',
      ms: 100,
      method: ['GET', 'POST'],
      path: '/api/2.0/files/**',
    });
    expect(parseFaultArg('error500=0.1')).toEqual({ type: 'error500', share: 0.1 });
    expect(parseFaultArg('storm503=20,retryAfter=5')).toEqual({ type: 'storm503', count: 20, retryAfter: 5 });
    expect(parseFaultArg('expireTokens=apiKeys')).toEqual({ type: 'expireTokens', apiKeys: true });
    expect(parseFaultArg('expireTokens,asServer')).toEqual({ type: 'expireTokens', asServer: true });
    expect(parseFaultArg('error502=1,afterHandler')).toEqual({ type: 'error502', share: 1, afterHandler: true });
    expect(() => parseFaultArg('teleport=1')).toThrow(/Unknown fault type/);
    expect(() => parseFaultArg('error500=0.1,bogus=1')).toThrow(/Unknown fault field/);
    expect(() => validateFaultSpec({ type: 'latency', minMs: 5 })).toThrow(/together/);
  });

  it('matches paths by glob or regex, case-insensitively', () => {
    expect(pathMatcher('/api/2.0/files/*')('/api/2.0/files/204')).toBe(true);
    expect(pathMatcher('/api/2.0/files/*')('/api/2.0/files/204/subfolders')).toBe(false);
    expect(pathMatcher('/api/2.0/files/**')('/API/2.0/files/204/subfolders')).toBe(true);
    expect(pathMatcher('^/api/2\\.0/files/\\d+$')('/api/2.0/files/204')).toBe(true);
    expect(pathMatcher(undefined)('/anything')).toBe(true);
  });
});

describe('shutdown', () => {
  it('close() does not wait for a pending 35 s hang', async () => {
    const other = await startSandbox({ port: 0, faults: ['hang'] });
    const pending = fetch(`${other.url}/api/2.0/authentication`).catch(() => 'aborted');
    while (other.faults.list()[0]?.applied === 0) await new Promise((r) => setTimeout(r, 10));
    const t = performance.now();
    await other.close();
    expect(performance.now() - t).toBeLessThan(2_000);
    await pending;
  });
});

// /__sandbox/* refuses cross-origin and DNS-rebinding use (issue 14 item 13): a page elsewhere
// cannot add faults, change limits or reset the sandbox `npm start` keeps running.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkControlRequest } from '../../sandbox/control-guard.ts';
import { useApiSandbox } from './api-client.ts';

const t = useApiSandbox();

/** A raw request with any Host header (fetch does not let a caller set Host). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; text: string }> {
  const url = new URL(t.sandbox.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('sandbox controls', () => {
  it('a foreign-Origin text/plain POST to /__sandbox/faults is refused and adds no fault', async () => {
    const before = t.sandbox.faults.list().length;
    const res = await fetch(`${t.sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: 'https://evil.example' },
      body: JSON.stringify({ type: 'error500' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toEqual({ error: 'Origin https://evil.example may not use the sandbox controls' });
    expect(t.sandbox.faults.list()).toHaveLength(before);
  });

  it('a rebinding Host is refused, also for reads and reset', async () => {
    const rebound = { Host: `evil.example:${t.sandbox.port}` };
    expect((await raw('GET', '/__sandbox/log', rebound)).status).toBe(403);
    const reset = await raw('POST', '/__sandbox/reset', rebound);
    expect(reset.status).toBe(403);
    expect(JSON.parse(reset.text).error).toBe(`Host evil.example:${t.sandbox.port} is not this sandbox`);
    // Another port on loopback is not this sandbox either.
    expect((await raw('GET', '/__sandbox/state', { Host: `127.0.0.1:${t.sandbox.port + 1}` })).status).toBe(403);
  });

  it('the sandbox itself (any loopback name, own origin or none) still works', async () => {
    expect((await raw('GET', '/__sandbox/state', { Host: `localhost:${t.sandbox.port}` })).status).toBe(200);
    const own = await fetch(`${t.sandbox.url}/__sandbox/state`, { headers: { Origin: t.sandbox.url } });
    expect(own.status).toBe(200);
    expect((await fetch(`${t.sandbox.url}/__sandbox/state`)).status).toBe(200);
    // The API itself stays open to any origin (CORS "*"), as DocSpace's is.
    const api = await fetch(`${t.sandbox.url}/api/2.0/capabilities`, { headers: { Origin: 'https://evil.example' } });
    expect(api.status).toBe(200);
  });

  it('the rule, as a pure function', () => {
    expect(checkControlRequest({ host: '127.0.0.1:8090' }, 8090)).toEqual({ allowed: true });
    expect(checkControlRequest({ host: '[::1]:8090', origin: 'http://[::1]:8090' }, 8090)).toEqual({ allowed: true });
    expect(checkControlRequest({ host: '127.0.0.1:8090', origin: 'null' }, 8090).allowed).toBe(false);
    expect(checkControlRequest({ host: '127.0.0.1:8090', origin: 'http://127.0.0.1:9999' }, 8090).allowed).toBe(false);
    expect(checkControlRequest({}, 8090).allowed).toBe(false);
  });
});

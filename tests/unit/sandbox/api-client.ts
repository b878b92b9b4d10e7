// A sandbox per test file with a small client for any method, JSON or raw bodies (behaviour tests
// of writes, operations, uploads and sharing).
import { afterAll, beforeAll } from 'vitest';
import { startSandbox } from '../../sandbox/server.ts';
import type { Sandbox, SandboxOptions } from '../../sandbox/server.ts';

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  bytes: Buffer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface CallInit {
  body?: unknown;
  raw?: Buffer | string;
  contentType?: string;
  /** Defaults to the demo API key; `null` sends none. */
  headers?: Record<string, string> | null;
}

export interface ApiSandbox {
  readonly sandbox: Sandbox;
  readonly auth: Record<string, string>;
  call(method: string, path: string, init?: CallInit): Promise<CallResult>;
  /** `call` that expects the status (200 by default) and returns `json.response`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  response(method: string, path: string, init?: CallInit, status?: number): Promise<any>;
}

export function useApiSandbox(options: SandboxOptions = {}): ApiSandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, ...options });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const current = (): Sandbox => {
    if (!sandbox) throw new Error('sandbox not started');
    return sandbox;
  };
  const call = async (method: string, path: string, init: CallInit = {}): Promise<CallResult> => {
    const s = current();
    const headers: Record<string, string> = {
      ...(init.headers === null ? {} : (init.headers ?? { Authorization: `Bearer ${s.demo.apiKey}` })),
    };
    let body: BodyInit | undefined;
    if (init.raw !== undefined) {
      body = typeof init.raw === 'string' ? init.raw : new Uint8Array(init.raw);
      if (init.contentType) headers['Content-Type'] = init.contentType;
    } else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['Content-Type'] = 'application/json';
    }
    const res = await fetch(path.startsWith('http') ? path : s.url + path, { method, headers, body });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    const isJson = res.headers.get('content-type')?.includes('json') ?? false;
    return {
      status: res.status,
      headers: res.headers,
      text,
      bytes,
      json: text && isJson ? JSON.parse(text) : undefined,
    };
  };
  return {
    get sandbox() {
      return current();
    },
    get auth() {
      return { Authorization: `Bearer ${current().demo.apiKey}` };
    },
    call,
    async response(method, path, init, status = 200) {
      const res = await call(method, path, init);
      if (res.status !== status)
        throw new Error(`${method} ${path}: expected ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
      return res.json?.response;
    },
  };
}

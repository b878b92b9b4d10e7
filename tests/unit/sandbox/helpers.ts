// Shared setup for sandbox tests: one sandbox per test file on a free port, and a small fetch wrapper.
import { afterAll, beforeAll } from 'vitest';
import { startSandbox } from '../../sandbox/server.ts';
import type { Sandbox } from '../../sandbox/server.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. Loosely typed: tests inspect bodies ad hoc. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface TestSandbox {
  readonly sandbox: Sandbox;
  get(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  /** Headers that authenticate with the demo API key. */
  readonly apiKey: Record<string, string>;
}

async function call(url: string, init: RequestInit): Promise<ApiResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  const isJson = res.headers.get('content-type')?.startsWith('application/json') ?? false;
  return { status: res.status, headers: res.headers, text, json: text && isJson ? JSON.parse(text) : undefined };
}

/** Starts a sandbox before the file's tests and stops it after them. */
export function useSandbox(): TestSandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const current = (): Sandbox => {
    if (!sandbox) throw new Error('sandbox not started');
    return sandbox;
  };
  return {
    get sandbox() {
      return current();
    },
    get apiKey() {
      return { Authorization: `Bearer ${current().demo.apiKey}` };
    },
    get: (path, headers = {}) => call(current().url + path, { headers }),
    post: (path, body, headers = {}) =>
      call(current().url + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}

/** True when no property anywhere in the value is null (the API omits nulls). */
export function hasNoNulls(value: unknown): boolean {
  if (value === null) return false;
  if (Array.isArray(value)) return value.every(hasNoNulls);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(hasNoNulls);
  return true;
}

export const API_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+03:00$/;

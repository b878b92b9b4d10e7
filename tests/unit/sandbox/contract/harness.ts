// Contract-test harness: one sandbox per test file, a `call` that fills a path template, sends the
// request, validates the JSON answer against the spec (with the wire exceptions applied) and records
// which endpoints were validated, so each file can check it covered its part of CONTRACT_ENDPOINTS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../sandbox/server.ts';
import type { Sandbox, SandboxOptions } from '../../../sandbox/server.ts';
import { CONTRACT_ENDPOINTS } from './endpoints.ts';
import type { ContractArea } from './endpoints.ts';
import { loadContractSpec, specAvailability } from './openapi.ts';
import type { ContractSpec } from './openapi.ts';
import { NO_BODY_RESPONSES } from './wire-exceptions.ts';

type QueryValue = string | number | boolean | ReadonlyArray<string | number>;

export interface CallOptions {
  params?: Record<string, string | number>;
  query?: Record<string, QueryValue | undefined>;
  /** JSON body (serialized) — or raw bytes / text with `contentType`. */
  body?: unknown;
  raw?: Buffer | string;
  contentType?: string;
  /** Defaults to the demo API key; `null` sends no credentials. */
  headers?: Record<string, string> | null;
  /** Skip validation (e.g. the body is deliberately malformed). Coverage is not recorded. */
  noValidate?: boolean;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  /** Absolute URL called. */
  url: string;
}

export function fillTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${template}`);
    return encodeURIComponent(String(value));
  });
}

export function queryString(query: CallOptions['query'] = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) search.append(name, String(v));
    else search.append(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export class Contract {
  private sandboxRef: Sandbox | undefined;
  readonly validated = new Set<string>();
  readonly validatedErrors = new Set<string>();
  private specRef: ContractSpec | undefined;

  constructor(private readonly options: SandboxOptions = {}) {}

  async start(): Promise<void> {
    this.specRef = loadContractSpec();
    this.sandboxRef = await startSandbox({ port: 0, ...this.options });
  }

  async stop(): Promise<void> {
    await this.sandboxRef?.close();
  }

  get sandbox(): Sandbox {
    if (!this.sandboxRef) throw new Error('sandbox not started');
    return this.sandboxRef;
  }

  get spec(): ContractSpec {
    if (!this.specRef) throw new Error('spec not loaded');
    return this.specRef;
  }

  get apiKeyHeaders(): Record<string, string> {
    return { Authorization: `Bearer ${this.sandbox.demo.apiKey}` };
  }

  /** Sends `METHOD template` and validates a JSON answer (success or error) against the contract. */
  async call(method: string, template: string, options: CallOptions = {}): Promise<CallResult> {
    const url = this.sandbox.url + fillTemplate(template, options.params) + queryString(options.query);
    const headers: Record<string, string> = {
      ...(options.headers === null ? {} : (options.headers ?? this.apiKeyHeaders)),
    };
    let body: BodyInit | undefined;
    if (options.raw !== undefined) {
      body = typeof options.raw === 'string' ? options.raw : new Uint8Array(options.raw);
      if (options.contentType) headers['Content-Type'] = options.contentType;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    const res = await fetch(url, { method, headers, body });
    const text = await res.text();
    const isJson = /^application\/([\w.-]+\+)?json/.test(res.headers.get('content-type') ?? '');
    const json: unknown = text && isJson ? JSON.parse(text) : undefined;
    const key = `${method.toUpperCase()} ${template}`;
    if (!options.noValidate && json !== undefined) {
      const errors = this.spec.validate(method, template, res.status, json);
      expect(errors, `${key} → ${res.status} does not match the contract:\n${text.slice(0, 600)}`).toEqual([]);
      (res.status < 400 ? this.validated : this.validatedErrors).add(key);
    }
    if (
      !options.noValidate &&
      json === undefined &&
      NO_BODY_RESPONSES.some((e) => `${e.method} ${e.path}` === key && e.status === res.status)
    ) {
      expect(text, `${key} → ${res.status} should have no body`).toBe('');
      this.validated.add(key);
    }
    return { status: res.status, headers: res.headers, text, json, url };
  }

  /** `call` + asserts the HTTP status; returns `json.response` for enveloped answers. */
  async ok(method: string, template: string, options: CallOptions = {}, status = 200): Promise<CallResult> {
    const result = await this.call(method, template, options);
    expect(result.status, `${method} ${template}: ${result.text.slice(0, 400)}`).toBe(status);
    return result;
  }
}

/** A describe block for one area of CONTRACT_ENDPOINTS; skipped (with the reason printed) when the
 *  spec file is absent. Ends with a test that every endpoint of the area was validated. */
export function contractSuite(area: ContractArea, body: (c: Contract) => void, options: SandboxOptions = {}): void {
  const availability = specAvailability();
  if (!availability.available) {
    console.warn(`[contract:${area}] ${availability.reason}`);
    describe.skip(`contract: ${area} — ${availability.reason}`, () => {
      it('needs the OpenAPI spec', () => undefined);
    });
    return;
  }
  describe(`contract: ${area}`, () => {
    const c = new Contract(options);
    beforeAll(() => c.start());
    afterAll(() => c.stop());
    body(c);
    it(`validated every ${area} endpoint listed in endpoints.ts`, () => {
      const expected = CONTRACT_ENDPOINTS.filter((e) => e.area === area).map((e) => `${e.method} ${e.path}`);
      const missing = expected.filter((key) => !c.validated.has(key));
      expect(missing).toEqual([]);
    });
  });
}

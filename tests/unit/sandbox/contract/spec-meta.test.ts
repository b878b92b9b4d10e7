// Checks the contract setup itself: every wire exception still changes the current spec (unless it
// is marked defensive), every covered endpoint is in the spec or listed as absent, and the
// endpoints listed as absent really are.
import { describe, expect, it } from 'vitest';
import { CONTRACT_ENDPOINTS } from './endpoints.ts';
import { loadContractSpec, specAvailability } from './openapi.ts';
import {
  ABSENT_FROM_SPEC,
  NO_BODY_RESPONSES,
  SCHEMA_OVERRIDES,
  SUCCESS_STATUS_EXCEPTIONS,
  WIRE_EXCEPTIONS,
} from './wire-exceptions.ts';

const availability = specAvailability();
if (!availability.available) console.warn(`[contract:spec-meta] ${availability.reason}`);

describe.skipIf(!availability.available)(
  `contract setup${availability.available ? '' : ` — ${availability.reason}`}`,
  () => {
    it('rejects answers that break the contract (the checker is not vacuous)', () => {
      const spec = loadContractSpec();
      const file = { id: 1, title: 'a.docx', fileType: 7, created: '2025-05-20T13:15:30.0000000+03:00' };
      const envelope = (response: unknown) => ({
        response,
        count: 1,
        links: [{ href: 'http://127.0.0.1/x', action: 'GET' }],
        status: 0,
        statusCode: 200,
      });
      expect(spec.validate('GET', '/api/2.0/files/file/{fileId}', 200, envelope(file))).toEqual([]);
      expect(
        spec.validate('GET', '/api/2.0/files/file/{fileId}', 200, envelope({ ...file, id: { nested: true } })),
      ).not.toEqual([]);
      expect(
        spec.validate('GET', '/api/2.0/files/file/{fileId}', 200, envelope({ ...file, fileType: 'Document' })),
      ).not.toEqual([]);
      expect(spec.validate('GET', '/api/2.0/files/file/{fileId}', 200, { ...envelope(file), status: 200 })).not.toEqual(
        [],
      );
    });

    it('is the 3.7 spec the wire exceptions were written against', () => {
      expect(loadContractSpec().version).toMatch(/^3\.7\./);
    });

    it('every wire exception rewrites at least one schema (or is marked defensive)', () => {
      const { exceptions } = loadContractSpec();
      expect(exceptions.map((e) => e.id)).toEqual(WIRE_EXCEPTIONS.map((e) => e.id));
      for (const exception of WIRE_EXCEPTIONS) {
        const changed = exceptions.find((e) => e.id === exception.id)?.changed ?? 0;
        if (!exception.defensive) expect(changed, exception.id).toBeGreaterThan(0);
      }
    });

    it('every covered endpoint is in the spec (with a schema, an override or no body) or listed as absent', () => {
      const spec = loadContractSpec();
      const key = (e: { method: string; path: string }) => `${e.method} ${e.path}`;
      const absent = new Set(ABSENT_FROM_SPEC.map(key));
      const ownSchema = new Set([...SCHEMA_OVERRIDES, ...NO_BODY_RESPONSES].map(key));
      const problems: string[] = [];
      for (const endpoint of CONTRACT_ENDPOINTS) {
        if (absent.has(key(endpoint))) continue;
        if (!spec.hasPath(endpoint.method, endpoint.path))
          problems.push(`${key(endpoint)}: not in the spec and not in ABSENT_FROM_SPEC`);
        else if (!spec.hasOperation(endpoint.method, endpoint.path) && !ownSchema.has(key(endpoint)))
          problems.push(`${key(endpoint)}: no 200 JSON schema and no override`);
      }
      expect(problems).toEqual([]);
      expect(new Set(CONTRACT_ENDPOINTS.map(key)).size).toBe(CONTRACT_ENDPOINTS.length);
    });

    it('the endpoints listed as absent are absent, the overridden ones present', () => {
      const spec = loadContractSpec();
      for (const a of ABSENT_FROM_SPEC) expect(spec.hasPath(a.method, a.path), `${a.method} ${a.path}`).toBe(false);
      for (const o of [...SCHEMA_OVERRIDES, ...NO_BODY_RESPONSES, ...SUCCESS_STATUS_EXCEPTIONS]) {
        expect(spec.hasPath(o.method, o.path), `${o.method} ${o.path}`).toBe(true);
      }
    });
  },
);

import type { RequestLog } from '../sandbox/request-log.ts';
import { requestValidator } from './request-validator.ts';

/**
 * What the extension sent during one test that the official OpenAPI documents do not describe (issue 14,
 * item 14: the whole e2e suite should produce no request violation). One line per kind of violation and
 * route, so a repeated request does not drown the report.
 */
export function specViolations(log: Pick<RequestLog, 'since'>, sinceSeq: number): string[] {
  const lines = new Set<string>();
  for (const v of requestValidator().validateAll(log.since(sinceSeq)))
    lines.add(`${v.kind}: ${v.method} ${v.path} (${v.message})`);
  return [...lines];
}

import { describe, expect, it } from 'vitest';
import { english } from '../support/english.ts';
import { errorFromResponse, messageFromBody, parseRetryAfter } from '../../../src/docspace/http-errors.ts';

const origin = 'https://team.onlyoffice.com';
const noHeaders = new Headers();

describe('errorFromResponse', () => {
  it.each([
    [400, 'validation', false, 'none'],
    [401, 'unauthorized', false, 'signIn'],
    [402, 'forbidden', false, 'none'],
    [403, 'forbidden', false, 'none'],
    [404, 'notFound', false, 'retry'],
    [429, 'rateLimited', true, 'wait'],
    [503, 'unavailable', true, 'wait'],
    [500, 'server', true, 'retry'],
    [502, 'server', true, 'retry'],
  ] as const)('HTTP %i → %s', (status, code, retryable, action) => {
    const error = errorFromResponse(status, '', noHeaders, origin);
    expect(error).toMatchObject({ code, retryable, action, status });
    expect(english(error).length).toBeGreaterThan(20);
  });

  it('uses the server message from the DocSpace error body', () => {
    const body = JSON.stringify({
      error: { message: 'Folder is locked', type: 'x', stack: null, hresult: 0 },
      status: 1,
      statusCode: 403,
    });
    expect(english(errorFromResponse(403, body, noHeaders, origin))).toContain('Folder is locked');
  });

  it('a 10,000-character server message reaches the page cut to a length a notice can show', () => {
    const body = JSON.stringify({ error: { message: 'x'.repeat(10_000) }, status: 1, statusCode: 403 });
    const error = errorFromResponse(403, body, noHeaders, origin);
    expect(Math.max(...error.params.map((p) => p.length))).toBeLessThanOrEqual(300);
    expect(english(error).length).toBeLessThan(600);
  });

  it('reads validation details from a ValidationProblemDetails in the envelope', () => {
    const body = JSON.stringify({
      response: {
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { Count: ['The field Count must be between 1 and 100.'] },
      },
      count: 1,
      status: 1,
      statusCode: 400,
    });
    expect(english(errorFromResponse(400, body, noHeaders, origin))).toContain('between 1 and 100');
  });

  it('carries Retry-After on 503 and 429', () => {
    expect(errorFromResponse(503, '', new Headers({ 'Retry-After': '3' }), origin).retryAfterSeconds).toBe(3);
    expect(errorFromResponse(429, '', new Headers({ 'Retry-After': '60' }), origin).retryAfterSeconds).toBe(60);
    expect(errorFromResponse(429, '', noHeaders, origin).retryAfterSeconds).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T10:00:00Z');
  it('reads delta-seconds', () => expect(parseRetryAfter(' 12 ', now)).toBe(12));
  it('reads an HTTP-date', () => expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30));
  it('never goes negative for a date in the past', () =>
    expect(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', now)).toBe(0));
  it('ignores garbage', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });
});

describe('messageFromBody', () => {
  it('is undefined for empty, HTML and unrelated JSON', () => {
    expect(messageFromBody('')).toBeUndefined();
    expect(messageFromBody('<html>')).toBeUndefined();
    expect(messageFromBody('{"foo":1}')).toBeUndefined();
  });
});

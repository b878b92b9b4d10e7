import { describe, expect, it } from 'vitest';
import { english } from '../support/english.ts';
import { normalisePortalUrl } from '../../../src/docspace/portal-url.ts';
import { AppError } from '../../../src/errors/index.ts';

describe('normalisePortalUrl', () => {
  it.each([
    ['team.onlyoffice.com', 'https://team.onlyoffice.com'],
    ['  https://Team.OnlyOffice.com/  ', 'https://team.onlyoffice.com'],
    ['https://team.onlyoffice.com/rooms/shared/12/filter?folder=12', 'https://team.onlyoffice.com'],
    ['http://127.0.0.1:8090', 'http://127.0.0.1:8090'],
    ['http://localhost:8090/', 'http://localhost:8090'],
    ['https://docs.example.org:8443/#/x', 'https://docs.example.org:8443'],
    ['https://team.onlyoffice.com.', 'https://team.onlyoffice.com'],
    ['HTTPS://Team.Example.com/api/2.0/', 'https://team.example.com'],
    ['team.example.com/api/2.0/files/rooms', 'https://team.example.com'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePortalUrl(input)).toBe(expected);
  });

  it.each([
    ['', 'Enter the address'],
    ['ftp://files.example.com', 'Only http and https'],
    ['javascript:alert(1)', 'is not a web address'],
    ['https://user:pw@team.onlyoffice.com', 'Remove the user name'],
    ['intranet', 'no full host name'],
    ['http://', 'is not a web address'],
    ['http://docs.example.org', 'Use https://docs.example.org'],
    // The manifest can only ask plain-http access for 127.0.0.1 and localhost.
    ['http://127.0.0.2:8090', 'Use https://127.0.0.2:8090'],
  ])('refuses %j with a message that says what to do', (input, fragment) => {
    try {
      normalisePortalUrl(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalidUrl');
      expect(english(error as AppError)).toContain(fragment);
    }
  });
});

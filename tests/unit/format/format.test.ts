import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/format/date.ts';
import { readFileSync } from 'node:fs';
import { formatSize, type SizeWords } from '../../../src/format/size.ts';
import { renderMessage } from '../support/english.ts';

const wordsOf = (lang: 'en' | 'ru'): SizeWords => {
  const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
  return (key, params) => renderMessage(messages, key, params);
};
const en = wordsOf('en');
const ru = wordsOf('ru');

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [1023, '1,023 B'],
    [12800, '12.5 KB'],
    [10 * 1024 * 1024, '10 MB'],
    [150 * 1024 * 1024, '150 MB'],
    [3.5 * 1024 ** 4, '3.5 TB'],
  ])('%i bytes → %s', (bytes, text) => expect(formatSize(bytes, 'en-US', en)).toBe(text));
  it('uses the reader’s decimal separator and unit names', () => {
    expect(formatSize(12800, 'ru-RU', ru)).toBe('12,5 КБ');
    expect(formatSize(512, 'ru-RU', ru)).toBe('512 Б');
    expect(formatSize(150 * 1024 * 1024, 'ru-RU', ru)).toBe('150 МБ');
  });
  it('is empty for an unknown size', () => {
    expect(formatSize(null, 'en-US', en)).toBe('');
    expect(formatSize(-1, 'en-US', en)).toBe('');
  });
});

describe('formatDate', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it('shows a time for today, converted from the portal offset', () => {
    expect(formatDate('2026-11-28T13:15:30.0000000+03:00', 'en-US', now, 'UTC')).toBe('10:15 AM');
  });
  it('drops the year within this year and keeps it before', () => {
    expect(formatDate('2026-05-20T13:15:30.0000000+03:00', 'en-US', now, 'UTC')).toBe('May 20');
    expect(formatDate('2025-05-20T13:15:30.0000000+03:00', 'en-US', now, 'UTC')).toBe('May 20, 2025');
  });
  it('is empty for a missing or broken date', () => {
    expect(formatDate('', 'en-US', now)).toBe('');
    expect(formatDate('yesterday', 'en-US', now)).toBe('');
  });
});

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const load = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  const en = load('en');
  const ru = load('ru');

  it('ru has exactly the keys of en, none empty', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(ru)) expect(value.message, key).not.toBe('');
  });

  it('has every literal key the UI asks for, and every dynamic family', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('extension')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(en, `missing message "${key}"`).toHaveProperty(key);
    const codes = [
      'invalidUrl',
      'notDocSpace',
      'unreachable',
      'unauthorized',
      'forbidden',
      'notFound',
      'validation',
      'rateLimited',
      'unavailable',
      'server',
      'network',
      'timeout',
      'badResponse',
      'permissionDenied',
      'notSignedIn',
      'tooManyAttempts',
      'twoFactorRequired',
      'cancelled',
      'internal',
    ];
    for (const code of codes) expect(en).toHaveProperty(`errorTitle_${code}`);
    for (const section of ['rooms', 'my', 'recent', 'favorites', 'trash']) {
      expect(en).toHaveProperty(`section_${section}`);
      expect(en).toHaveProperty(`empty_${section}`);
    }
    for (const status of ['signedIn', 'signInRequired', 'permissionMissing'])
      expect(en).toHaveProperty(`portalStatus_${status}`);
    for (const roomType of [1, 2, 5, 6, 8]) expect(en).toHaveProperty(`roomType_${roomType}`);
    for (const reason of ['retryAfter', 'rateLimitReset', 'backoff']) expect(en).toHaveProperty(`pauseTitle_${reason}`);
    for (const status of ['running', 'done', 'cancelled', 'failed']) expect(en).toHaveProperty(`jobStatus_${status}`);
  });
});

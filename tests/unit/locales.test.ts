import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_MESSAGES } from '../../src/errors/index.ts';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  const en = load('en');
  const ru = load('ru');

  it('ru has exactly the keys of en (plus the plural forms Russian grammar needs), none empty', () => {
    const base = (keys: string[]) => [...new Set(keys.map((key) => key.replace(/_(one|few|many|other)$/, '')))].sort();
    expect(base(Object.keys(ru))).toEqual(base(Object.keys(en)));
    for (const [key, value] of Object.entries(ru)) expect(value.message, key).not.toBe('');
  });

  it('has every literal key the UI asks for, and every dynamic family', () => {
    const used = new Set<string>();
    const plurals = new Set<string>();
    for (const file of sourceFiles('extension')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const file of sourceFiles('extension').filter((f) => !f.endsWith('plural.ts'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/plural\([^,]+,\s*'([A-Za-z0-9_]+)'/g)) {
        plurals.add(match[1]!);
      }
      if (!file.includes('/actions/')) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(/label: '([A-Za-z0-9_]+)'/g)) used.add(match[1]!);
    }
    for (const key of used) expect(en, `missing message "${key}"`).toHaveProperty(key);
    for (const key of plurals) {
      for (const form of ['one', 'other']) expect(en, `missing ${key}_${form}`).toHaveProperty(`${key}_${form}`);
      for (const form of ['one', 'few', 'many', 'other'])
        expect(ru, `missing ru ${key}_${form}`).toHaveProperty(`${key}_${form}`);
    }
    const codes = ERROR_CODES;
    for (const code of codes) expect(en).toHaveProperty(`errorTitle_${code}`);
    for (const section of ['rooms', 'my', 'shared', 'recent', 'favorites', 'trash']) {
      expect(en).toHaveProperty(`section_${section}`);
      expect(en).toHaveProperty(`empty_${section}`);
    }
    for (const status of ['signedIn', 'signInRequired', 'permissionMissing'])
      expect(en).toHaveProperty(`portalStatus_${status}`);
    for (const roomType of [1, 2, 5, 6, 8]) expect(en).toHaveProperty(`roomType_${roomType}`);
    for (const reason of ['retryAfter', 'rateLimitReset', 'backoff']) expect(en).toHaveProperty(`pauseTitle_${reason}`);
    for (const status of [
      'running',
      'waiting_signIn',
      'waiting_portal',
      'verifying',
      'paused',
      'done',
      'cancelled',
      'failed',
    ])
      expect(en).toHaveProperty(`jobStatus_${status}`);
  });

  it('has every error message of the catalogue in en and ru, each using exactly its parameters', () => {
    for (const [key, spec] of Object.entries(ERROR_MESSAGES)) {
      for (const [lang, messages] of [
        ['en', en],
        ['ru', ru],
      ] as const) {
        const entry = messages[`err_${key}`];
        expect(entry, `${lang} err_${key}`).toBeDefined();
        const declared = Object.entries(entry!.placeholders ?? {}).map(([name, p]) => [name, p.content]);
        expect(declared, `${lang} err_${key} placeholders`).toEqual(
          spec.params.map((name, i) => [name.toLowerCase(), `$${i + 1}`]),
        );
        for (const name of spec.params)
          expect(entry!.message, `${lang} err_${key}`).toContain(`$${name.toUpperCase()}$`);
      }
    }
    const stale = Object.keys(en).filter((key) => key.startsWith('err_') && !(key.slice(4) in ERROR_MESSAGES));
    expect(stale).toEqual([]);
  });

  it('has no English left in the Russian messages the user reads', () => {
    const untranslated = Object.entries(ru).filter(
      ([key, value]) =>
        value.message === en[key]?.message && /[a-z]{4,}/i.test(value.message.replace(/\$[A-Z_]+\$/g, '')),
    );
    expect(
      // Languages are named in their own language (a reader looking for theirs finds it), so English stays English.
      untranslated
        .map(([key]) => key)
        .filter((key) => !['extName', 'actionTitle', 'err_legacy', 'language_en'].includes(key)),
    ).toEqual([]);
  });
});

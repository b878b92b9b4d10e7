import { describe, expect, it } from 'vitest';
import { buildSettingsFile, parseSettingsFile } from '../../../src/settings/settings-file.ts';
import { english } from '../support/english.ts';

const file = buildSettingsFile(
  { theme: 'dark', language: 'ru' },
  [
    {
      origin: 'https://team.example.com',
      // What a stored record might also hold never reaches the file.
      limits: { requestsPer10s: 100, windowScale: 0.5, ...({ apiKey: 'sk-secret' } as object) },
      prefs: { limitProfile: 'custom', popupSections: ['rooms', 'my'], ...({ token: 'tok' } as object) },
    },
  ],
  new Date('2026-12-02T04:00:00Z'),
);
const text = JSON.stringify(file);
const reason = (input: string) => {
  const parsed = parseSettingsFile(input);
  return parsed.ok ? 'accepted' : english(parsed.error);
};

describe('settings files', () => {
  it('round-trips what it exports, field by field, with nothing it was not asked for', () => {
    expect(parseSettingsFile(text)).toEqual({ ok: true, file });
    expect(file.portals[0]).toEqual({
      origin: 'https://team.example.com',
      limits: { requestsPer10s: 100, windowScale: 0.5 },
      prefs: { limitProfile: 'custom', popupSections: ['rooms', 'my'] },
    });
    expect(text).not.toContain('sk-secret');
    expect(text).not.toContain('tok');
  });

  it('refuses a file that is not JSON, not ours, too new, or has one bad value, saying which', () => {
    expect(reason('{ "format": ')).toContain('is not JSON');
    expect(reason('[]')).toContain('not a DocSpace Power Tools settings file');
    expect(reason('null')).toContain('not a DocSpace Power Tools settings file');
    expect(reason(JSON.stringify({ ...file, version: 7 }))).toContain('version 7, newer than');
    expect(reason(JSON.stringify({ ...file, settings: { theme: 'neon', language: 'en' } }))).toContain(
      'settings.theme',
    );
    expect(reason(JSON.stringify({ ...file, portals: [{ ...file.portals[0], origin: 'not a url' }] }))).toContain(
      'portals.0.origin',
    );
    expect(
      reason(JSON.stringify({ ...file, portals: [{ ...file.portals[0], limits: { requestsPer10s: 2.5 } }] })),
    ).toContain('portals.0.limits.requestsPer10s');
    expect(
      reason(JSON.stringify({ ...file, portals: [{ ...file.portals[0], prefs: { popupSections: [] } }] })),
    ).toContain('portals.0.prefs.popupSections');
  });

  it('refuses unknown keys anywhere (a credential pasted in is not dropped in silence)', () => {
    expect(reason(JSON.stringify({ ...file, apiKey: 'sk-x' }))).toContain('apiKey');
    expect(reason(JSON.stringify({ ...file, portals: [{ ...file.portals[0], password: 'p' }] }))).toContain('password');
    expect(reason(JSON.stringify({ ...file, settings: { ...file.settings, token: 't' } }))).toContain('token');
  });
});

import { describe, expect, it } from 'vitest';
import {
  defaultDescription,
  MAX_SUGGESTIONS,
  toSuggestions,
  type Translate,
} from '../../../src/feedback/omnibox-suggestions.ts';
import type { Entry } from '../../../src/protocol/index.ts';

const t: Translate = (key, params) => (params?.length ? `${key}(${params.join('|')})` : key);

const file = (id: number, title: string, extra: Partial<Entry> = {}): Entry =>
  ({
    kind: 'file',
    id,
    title,
    updated: '',
    author: '',
    isFavorite: false,
    can: { rename: true, delete: true, move: true, copy: true, download: true, share: true },
    webUrl: `https://team.example.com/doceditor?fileId=${id}`,
    fileType: 7,
    extension: '.docx',
    sizeBytes: 1,
    version: 1,
    hasThumbnail: false,
    locked: false,
    location: { roomTitle: 'Marketing', folderTitle: 'Plans' },
    ...extra,
  }) as Entry;
const folder = (id: number, title: string): Entry =>
  ({ ...file(id, title), kind: 'folder', webUrl: `https://team.example.com/rooms/shared/${id}` }) as Entry;

describe('omnibox suggestions', () => {
  it('lists files first, then folders, each opening its DocSpace address, with where it lives', () => {
    const out = toSuggestions([folder(1, 'Plan folder'), file(2, 'Plan.docx')], 'plan', 'xml', t);
    expect(out.map((s) => s.content)).toEqual([
      'https://team.example.com/doceditor?fileId=2',
      'https://team.example.com/rooms/shared/1',
    ]);
    expect(out[0]!.description).toBe('<match>Plan</match>.docx — <dim>omniboxFile · Marketing › Plans</dim>');
    expect(out[1]!.description).toContain('omniboxFolder');
  });

  it('escapes a hostile title in Chrome and leaves it as text in Firefox', () => {
    const hostile = file(3, '</match><url>x</url> & Co');
    const [xml] = toSuggestions([hostile], 'co', 'xml', t);
    expect(xml!.description.startsWith('&lt;/match&gt;&lt;url&gt;x&lt;/url&gt; &amp; <match>Co</match>')).toBe(true);
    const [plain] = toSuggestions([hostile], 'co', 'plain', t);
    expect(plain!.description).toBe('</match><url>x</url> & Co — omniboxFile · Marketing › Plans');
  });

  it('leaves out entries without an address and duplicates, and stops at the most the browser shows', () => {
    const many = Array.from({ length: 10 }, (_, i) => file(i + 10, `Doc ${i}`));
    const out = toSuggestions([file(1, 'x', { webUrl: null }), many[0]!, many[0]!, ...many], 'doc', 'xml', t);
    expect(out).toHaveLength(MAX_SUGGESTIONS);
    expect(new Set(out.map((s) => s.content)).size).toBe(MAX_SUGGESTIONS);
    expect(out.some((s) => s.content.endsWith('fileId=1'))).toBe(false);
  });

  it('says where an entry lives once when its room and folder are the same, and nothing when unknown', () => {
    const [same] = toSuggestions([file(1, 'A', { location: { roomTitle: 'R', folderTitle: 'R' } })], 'a', 'plain', t);
    expect(same!.description).toBe('A — omniboxFile · R');
    const [none] = toSuggestions([file(1, 'A', { location: {} })], 'a', 'plain', t);
    expect(none!.description).toBe('A — omniboxFile');
  });

  it('the default row escapes the typed text too', () => {
    expect(defaultDescription(' <b>&', 'xml', t)).toBe('omniboxSearchIn(&lt;b&gt;&amp;)');
    expect(defaultDescription(' <b>&', 'plain', t)).toBe('omniboxSearchIn(<b>&)');
  });
});

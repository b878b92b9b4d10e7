import { describe, expect, it } from 'vitest';
import { cleanTitle, folderTitles } from '../../../src/docspace/titles.ts';

describe('cleanTitle (Global.ReplaceInvalidCharsAndTruncate)', () => {
  it.each([
    ['Q1: plan', 'Q1_ plan'],
    ['a/b\\c', 'a_b_c'],
    ['x?*"<>|', 'x______'],
    ['C++ notes', 'C__ notes'],
    // A tab pasted from a spreadsheet cell is replaced inside the name and trimmed at its edges.
    ['Invoice\t2026', 'Invoice_2026'],
    ['\tIndented\t', 'Indented'],
    ['\u00A0non-breaking\u3000', 'non-breaking'],
    // The server's regex sees UTF-16 code units: an emoji is two surrogates, so two underscores.
    ['📁 Docs', '__ Docs'],
  ])('%j → %j', (raw, clean) => expect(cleanTitle(raw)).toBe(clean));

  it('cuts to 170 characters, keeping a short extension', () => {
    expect(cleanTitle(`${'a'.repeat(200)}.docx`)).toBe(`${'a'.repeat(165)}.docx`);
    expect(cleanTitle('b'.repeat(200))).toHaveLength(170);
  });

  it('is what every "does it exist" check compares: cleaning twice changes nothing', () => {
    for (const raw of ['A\tB', ' x:y ', '📁', `${'z'.repeat(300)}.pdf`])
      expect(cleanTitle(cleanTitle(raw))).toBe(cleanTitle(raw));
  });
});

describe('folderTitles', () => {
  it('cleans each pasted line the way DocSpace will store it, so a re-run finds them', () => {
    expect(folderTitles(['Name\twith tab', 'Q1: plan', '  Spaced  ', 'Name\twith tab'])).toEqual([
      'Name_with tab',
      'Q1_ plan',
      'Spaced',
    ]);
  });
});

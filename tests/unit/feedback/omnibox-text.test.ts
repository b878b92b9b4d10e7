import { describe, expect, it } from 'vitest';
import { dim, escapeOmniboxXml, markMatches, plainText } from '../../../src/feedback/omnibox-text.ts';

describe('omnibox descriptions', () => {
  it('escapes what Chrome would read as XML, so a server title can neither break nor add markup', () => {
    expect(escapeOmniboxXml(`Q&A <b>"draft"</b> it's`)).toBe('Q&amp;A &lt;b&gt;&quot;draft&quot;&lt;/b&gt; it&apos;s');
    expect(escapeOmniboxXml('<match>x</match>')).not.toContain('<');
  });

  it('drops control characters XML forbids and folds line breaks into spaces', () => {
    expect(plainText('a\u0000b\u001fc\nd\r\te')).toBe('abc d e');
    expect(escapeOmniboxXml('x\u0007y')).toBe('xy');
  });

  it('marks every match of the query, case-insensitively, escaping around the marks', () => {
    expect(markMatches('Budget & budget.xlsx', 'budget', 'xml')).toBe(
      '<match>Budget</match> &amp; <match>budget</match>.xlsx',
    );
    expect(markMatches('a<b', '<', 'xml')).toBe('a<match>&lt;</match>b');
    expect(markMatches('Report', 'zzz', 'xml')).toBe('Report');
  });

  it('gives Firefox plain text: no marks, no entities', () => {
    expect(markMatches('Q&A <draft>', 'draft', 'plain')).toBe('Q&A <draft>');
    expect(dim('Room › Folder & co', 'plain')).toBe('Room › Folder & co');
    expect(dim('Room & co', 'xml')).toBe('<dim>Room &amp; co</dim>');
  });

  it('does not mark when lower-casing changes the length (positions would be off), but still escapes', () => {
    expect(markMatches('İstanbul & co', 'stan', 'xml')).toBe('İstanbul &amp; co');
  });
});

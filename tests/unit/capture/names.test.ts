import { describe, expect, it } from 'vitest';
import { internetShortcut } from '../../../src/capture/link-file.ts';
import { renderName } from '../../../src/capture/name-template.ts';
import { responseFileName } from '../../../src/capture/response-name.ts';
import { DEFAULT_NAME_TEMPLATE } from '../../../src/capture/save-settings.ts';

const now = new Date(2026, 11, 2, 9, 5);
const url = 'https://news.example/story';

describe('the name template', () => {
  it('is the page title and the date by default, and fills the other fields', () => {
    expect(renderName(DEFAULT_NAME_TEMPLATE, { title: 'A story', url, now }, '.html')).toBe('A story 2026-12-02.html');
    expect(renderName('{host} – {title} {time}', { title: 'A', url, now })).toBe('news.example – A 09-05');
    expect(renderName('{date}', { title: 'ignored', url, now }, '.url')).toBe('2026-12-02.url');
  });

  it('is cleaned as DocSpace cleans titles, never empty and never too long', () => {
    expect(renderName('{title}', { title: 'a/b: c? "d" <e>|f*', url, now }, '.html')).toBe('a_b_ c_ _d_ _e__f_.html');
    expect(renderName('{title}', { title: '   ', url, now }, '.html')).toBe('news.example.html');
    expect(renderName('{title}', { title: '', url: 'not a url', now })).toBe('2026-12-02');
    const long = renderName('{title}', { title: 'x'.repeat(400), url, now }, '.mhtml');
    expect(long.length).toBeLessThanOrEqual(170);
    expect(long.endsWith('.mhtml')).toBe(true);
    // An emoji is two code units the server replaces: what we look for is what it stores.
    expect(renderName('{title}', { title: 'Hi 😀', url, now })).toBe('Hi __');
  });
});

describe('the name of a fetched file', () => {
  const headers = (contentDisposition: string | null, contentType: string | null) => ({
    contentDisposition,
    contentType,
  });

  it('comes from Content-Disposition (filename* first), never a path', () => {
    expect(
      responseFileName(
        headers(
          `attachment; filename="fallback.bin"; filename*=UTF-8''Q3%20report%20%E2%84%961.pdf`,
          'application/pdf',
        ),
        url,
      ),
    ).toBe('Q3 report №1.pdf');
    expect(responseFileName(headers('attachment; filename="say \\"hi\\".txt"', null), url)).toBe('say _hi_.txt');
    expect(responseFileName(headers('attachment; filename=../../etc/passwd', null), url)).toBe('passwd');
    expect(responseFileName(headers("inline; filename*=UTF-8''%E0%A4%A", null), 'https://x.example/a/b.zip')).toBe(
      'b.zip',
    );
  });

  it('else from the address, with the extension the type says where the address has none or an image lies', () => {
    expect(responseFileName(headers(null, 'image/png'), 'https://x.example/image/picture')).toBe('picture.png');
    expect(responseFileName(headers(null, 'image/webp'), 'https://x.example/p/photo.jpg?w=200')).toBe('photo.webp');
    expect(responseFileName(headers(null, 'image/jpeg'), 'https://x.example/p/photo.jpeg')).toBe('photo.jpeg');
    expect(responseFileName(headers(null, 'image/gif'), 'https://x.example/render.php')).toBe('render.gif');
    // Other types keep the address's name: a CSV served as plain text is still a CSV.
    expect(responseFileName(headers(null, 'text/plain; charset=utf-8'), 'https://x.example/data.csv')).toBe('data.csv');
    expect(responseFileName(headers(null, 'application/octet-stream'), 'https://x.example/')).toBe('download');
    expect(responseFileName(headers(null, 'application/pdf'), 'https://x.example/')).toBe('download.pdf');
    expect(responseFileName(headers(null, null), 'https://x.example/dir/My%20file.docx')).toBe('My file.docx');
  });
});

describe('the link file', () => {
  it('is an Internet Shortcut whose address cannot add lines', () => {
    expect(internetShortcut('https://a.example/x')).toBe('[InternetShortcut]\r\nURL=https://a.example/x\r\n');
    expect(internetShortcut('https://a.example/x\r\nIconFile=evil')).toBe(
      '[InternetShortcut]\r\nURL=https://a.example/xIconFile=evil\r\n',
    );
  });
});

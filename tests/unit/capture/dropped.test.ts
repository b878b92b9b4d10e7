import { describe, expect, it } from 'vitest';
import { droppedItems } from '../../../src/capture/dropped.ts';

describe('what a drop from a web page saves', () => {
  it('an image dragged: its address, as an image', () => {
    expect(
      droppedItems({
        uriList: 'https://i.example/p?a=1&b=2',
        html: '<img src="https://i.example/p?a=1&amp;b=2" alt="x">',
        text: '',
      }),
    ).toEqual([{ kind: 'image', url: 'https://i.example/p?a=1&b=2' }]);
  });

  it('a link dragged (an image inside it too): a link named by its text', () => {
    expect(
      droppedItems({
        uriList: 'https://a.example/doc',
        html: '<a href="https://a.example/doc">The <b>report</b> &amp; notes</a>',
        text: 'https://a.example/doc',
      }),
    ).toEqual([{ kind: 'link', url: 'https://a.example/doc', title: 'The report & notes' }]);
    expect(
      droppedItems({
        uriList: 'https://a.example/x',
        html: '<a href="https://a.example/x"><img src="https://a.example/x"></a>',
        text: '',
      }),
    ).toEqual([{ kind: 'link', url: 'https://a.example/x' }]);
  });

  it('several addresses, comments and non-web ones left out', () => {
    expect(
      droppedItems({
        uriList: '# comment\r\nhttps://a.example/1\r\njavascript:alert(1)\r\nhttps://a.example/2',
        html: '',
        text: '',
      }),
    ).toEqual([
      { kind: 'link', url: 'https://a.example/1' },
      { kind: 'link', url: 'https://a.example/2' },
    ]);
  });

  it('selected text: a document, with its markup when the drag had it; nothing for an empty drag', () => {
    expect(droppedItems({ uriList: '', html: '<p>Hello <em>there</em></p>', text: 'Hello there' })).toEqual([
      { kind: 'text', text: 'Hello there', html: '<p>Hello <em>there</em></p>' },
    ]);
    expect(droppedItems({ uriList: '', html: '', text: 'plain words' })).toEqual([
      { kind: 'text', text: 'plain words' },
    ]);
    expect(droppedItems({ uriList: '', html: ' ', text: '  ' })).toEqual([]);
  });
});

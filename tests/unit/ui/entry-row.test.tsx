// @vitest-environment happy-dom
import { cleanup } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryRow } from '../../../extension/ui/components/EntryRow.tsx';
import type { Entry } from '../../../src/protocol/index.ts';
import { fakePagePlatform } from './fake-page-platform.ts';
import { renderWith } from './render.tsx';
import { fileEntry, folderEntry } from './sample-entries.ts';

afterEach(cleanup);

function metaOf(entry: Entry): HTMLElement {
  const none = () => undefined;
  const { container } = renderWith(
    fakePagePlatform().platform,
    <EntryRow
      entry={entry}
      index={0}
      top={0}
      active
      selected={false}
      showLocation={false}
      thumbnail={undefined}
      onOpen={none}
      onSelect={none}
      onMenu={none}
      onFocus={none}
    />,
  );
  return container.querySelector('.row-meta')!;
}

describe('EntryRow meta line', () => {
  it('isolates the server strings in it: a right-to-left author or tag cannot reorder the line', () => {
    const meta = metaOf(fileEntry(1, { author: 'مريم حداد', sizeBytes: 2048 }));
    expect(meta.textContent).toBe('DOCX · 2 KB · مريم حداد');
    expect([...meta.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['DOCX', 'مريم حداد']);
  });

  it('shows a room’s tags as one run, each isolated, with reordering marks made visible', () => {
    const room = folderEntry(2, 'Launch', { roomType: 6, tags: ['launch', 'שנה\u202E'] });
    const meta = metaOf(room);
    expect(meta.textContent).toMatch(/^Public room · #launch #שנה\uFFFD/);
    expect([...meta.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['#launch', '#שנה\uFFFD']);
  });
});

import { useRef } from 'preact/hooks';
import type { SectionId } from '../../../src/protocol/index.ts';
import { usePlatform } from '../platform-context.ts';

export const SECTIONS: readonly SectionId[] = ['rooms', 'my', 'shared', 'recent', 'favorites', 'trash'];

/** The sections as one tab stop: Left/Right/Home/End move and open, as a tab list does. */
export function SectionTabs({ current, onSelect }: { current: SectionId; onSelect: (section: SectionId) => void }) {
  const { t } = usePlatform();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = SECTIONS.indexOf(current);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % SECTIONS.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + SECTIONS.length) % SECTIONS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? SECTIONS.length - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    onSelect(SECTIONS[to]!);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-section="${SECTIONS[to]}"]`)?.focus());
  };
  return (
    <div ref={list} class="tabs" role="tablist" aria-label={t('sections')} onKeyDown={onKeyDown}>
      {SECTIONS.map((section) => (
        <button
          key={section}
          type="button"
          role="tab"
          id={`tab-${section}`}
          class="tab"
          aria-selected={section === current}
          aria-controls="view"
          tabIndex={section === current ? 0 : -1}
          data-section={section}
          title={t(`section_${section}`)}
          onClick={() => onSelect(section)}
        >
          {t(`tab_${section}`)}
        </button>
      ))}
    </div>
  );
}

import { useRef } from 'preact/hooks';
import type { SectionId } from '../../../src/protocol/index.ts';
import { ALL_SECTIONS } from '../../../src/settings/preferences.ts';
import { usePlatform } from '../platform-context.ts';

export const SECTIONS: readonly SectionId[] = ALL_SECTIONS;

/** The sections as one tab stop: Left/Right/Home/End move and open, as a tab list does. */
export function SectionTabs({
  current,
  onSelect,
  sections = SECTIONS,
}: {
  current: SectionId;
  onSelect: (section: SectionId) => void;
  /** The sections the user chose to show for this portal (options › Settings), in this order. */
  sections?: readonly SectionId[];
}) {
  const { t } = usePlatform();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = sections.indexOf(current);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % sections.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + sections.length) % sections.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? sections.length - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    onSelect(sections[to]!);
    requestAnimationFrame(() => {
      const tab = list.current?.querySelector<HTMLElement>(`[data-section="${sections[to]}"]`);
      tab?.focus();
      tab?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
  };
  return (
    <div
      ref={list}
      class="tabs"
      role="tablist"
      aria-label={t('sections')}
      onKeyDown={onKeyDown}
      // A mouse wheel turns the strip, which has no scroll bar of its own.
      onWheel={(event) => {
        if (Math.abs(event.deltaY) > Math.abs(event.deltaX)) event.currentTarget.scrollLeft += event.deltaY;
      }}
    >
      {sections.map((section) => (
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

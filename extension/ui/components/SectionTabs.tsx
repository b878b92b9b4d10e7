import type { SectionId } from '../../../src/protocol/index.ts';
import { usePlatform } from '../platform-context.ts';

export const SECTIONS: readonly SectionId[] = ['rooms', 'my', 'recent', 'favorites', 'trash'];

export function SectionTabs({ current, onSelect }: { current: SectionId; onSelect: (section: SectionId) => void }) {
  const { t } = usePlatform();
  return (
    <div class="tabs" role="tablist" aria-label={t('sections')}>
      {SECTIONS.map((section) => (
        <button
          key={section}
          type="button"
          role="tab"
          class="tab"
          aria-selected={section === current}
          data-section={section}
          onClick={() => onSelect(section)}
        >
          {t(`section_${section}`)}
        </button>
      ))}
    </div>
  );
}

import type { Crumb } from '../../../src/protocol/index.ts';
import { usePlatform } from '../platform-context.ts';
import { ServerText } from './ServerText.tsx';

/** A folder picker's path from the Rooms root (each step a button back there) and its filter box. */
export function PickerNav({
  at,
  onAt,
  query,
  onQuery,
}: {
  at: Crumb[];
  onAt(path: Crumb[]): void;
  query: string;
  onQuery(query: string): void;
}) {
  const { t } = usePlatform();
  return (
    <>
      <nav class="picker-path" aria-label={t('breadcrumbs')}>
        <button type="button" class="crumb" onClick={() => onAt([])}>
          {t('section_rooms')}
        </button>
        {at.map((crumb, i) => (
          <span key={String(crumb.id)}>
            {' › '}
            <button type="button" class="crumb" onClick={() => onAt(at.slice(0, i + 1))}>
              <ServerText text={crumb.title} />
            </button>
          </span>
        ))}
      </nav>
      <label class="field">
        <span class="visually-hidden">{t('pickerSearch')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('pickerSearch')}
          onInput={(e) => onQuery(e.currentTarget.value)}
        />
      </label>
    </>
  );
}

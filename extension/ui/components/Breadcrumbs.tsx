import { visibleText } from '../../../src/format/text.ts';
import type { Crumb } from '../../../src/protocol/index.ts';
import { usePlatform } from '../platform-context.ts';
import { Menu } from './Menu.tsx';
import { ServerText } from './ServerText.tsx';

/** More than this many levels: the middle ones fold into a "…" menu, first and last two stay. */
const MAX_SHOWN = 4;

/** Where the list is, on one line: the first and the last levels stay, the middle collapses into a menu. */
export function Breadcrumbs({ crumbs, onOpen }: { crumbs: Crumb[]; onOpen: (crumb: Crumb, index: number) => void }) {
  const { t } = usePlatform();
  const folded = crumbs.length > MAX_SHOWN ? crumbs.slice(1, crumbs.length - 2) : [];
  const shown = crumbs
    .map((crumb, index) => ({ crumb, index }))
    .filter(({ index }) => folded.length === 0 || index === 0 || index >= crumbs.length - 2);
  return (
    <nav class="breadcrumbs" aria-label={t('breadcrumbs')}>
      <ol>
        {shown.map(({ crumb, index }) => {
          const last = index === crumbs.length - 1;
          return [
            index === crumbs.length - 2 && folded.length > 0 ? (
              <li key="folded">
                <Menu
                  label={t('moreLevels')}
                  buttonClass="crumb crumb-more"
                  items={() =>
                    folded.map((hidden, i) => ({
                      id: String(hidden.id),
                      label: visibleText(hidden.title),
                      run: () => onOpen(hidden, i + 1),
                    }))
                  }
                >
                  …
                </Menu>
              </li>
            ) : null,
            <li key={`${crumb.id}`}>
              {last ? (
                <span class="crumb-current" aria-current="page" title={visibleText(crumb.title)}>
                  <ServerText text={crumb.title} />
                </span>
              ) : (
                <button
                  type="button"
                  class="crumb"
                  title={visibleText(crumb.title)}
                  onClick={() => onOpen(crumb, index)}
                >
                  <ServerText text={crumb.title} />
                </button>
              )}
            </li>,
          ];
        })}
      </ol>
    </nav>
  );
}

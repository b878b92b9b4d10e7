import type { Crumb } from '../../../src/protocol/index.ts';
import { visibleText } from '../../../src/format/text.ts';
import { usePlatform } from '../platform-context.ts';
import { ServerText } from './ServerText.tsx';

export function Breadcrumbs({ crumbs, onOpen }: { crumbs: Crumb[]; onOpen: (crumb: Crumb, index: number) => void }) {
  const { t } = usePlatform();
  return (
    <nav class="breadcrumbs" aria-label={t('breadcrumbs')}>
      <ol>
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={`${crumb.id}`}>
              {last ? (
                <span aria-current="page" title={visibleText(crumb.title)}>
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
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

import type { Crumb } from '../../../src/protocol/index.ts';
import { usePlatform } from '../platform-context.ts';

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
                <span aria-current="page" title={crumb.title}>
                  {crumb.title}
                </span>
              ) : (
                <button type="button" class="crumb" title={crumb.title} onClick={() => onOpen(crumb, index)}>
                  {crumb.title}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

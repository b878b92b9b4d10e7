import { useState } from 'preact/hooks';
import type { PortalSummary } from '../../src/protocol/index.ts';
import { visibleText } from '../../src/format/text.ts';
import { ServerText } from '../ui/components/ServerText.tsx';
import { usePlatform } from '../ui/platform-context.ts';
import { KeyDetails } from './KeyDetails.tsx';

export interface PortalCardActions {
  signInAgain(): void;
  signOut(): void;
  remove(): void;
  rename(label: string): void;
  move(by: -1 | 1): void;
  makeActive(): void;
}

interface Props {
  portal: PortalSummary;
  index: number;
  count: number;
  active: boolean;
  actions: PortalCardActions;
}

/** One account: what it is called, who is signed in how, its state, and everything that can be done with it. */
export function PortalCard({ portal, index, count, active, actions }: Props) {
  const { t } = usePlatform();
  const [renaming, setRenaming] = useState(false);
  const [label, setLabel] = useState(portal.label ?? '');
  const title = portal.label || portal.name;
  const signedIn = portal.status === 'signedIn';
  const headingId = `portal-${index}-title`;

  return (
    <li
      class="portal-card"
      data-testid="portal-card"
      data-status={portal.status}
      data-active={active}
      aria-labelledby={headingId}
    >
      <div class="portal-card-text">
        {renaming ? (
          <form
            class="portal-rename"
            onSubmit={(e) => {
              e.preventDefault();
              actions.rename(label.trim());
              setRenaming(false);
            }}
          >
            <label for={`${headingId}-label`} class="visually-hidden">
              {t('portalLabelField')}
            </label>
            <input
              id={`${headingId}-label`}
              value={label}
              maxLength={80}
              placeholder={visibleText(portal.name)}
              autoFocus
              onInput={(e) => setLabel(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setRenaming(false);
              }}
            />
            <button type="submit" class="button">
              {t('save')}
            </button>
          </form>
        ) : (
          <strong class="portal-card-name" id={headingId}>
            <ServerText text={title} />
          </strong>
        )}
        <span class="muted">
          {portal.label ? (
            <>
              <ServerText text={portal.name} /> ·{' '}
            </>
          ) : null}
          {portal.origin}
        </span>
        <span>
          {t('signedInAs', [visibleText(portal.user.displayName), visibleText(portal.user.email)])} ·{' '}
          {t(`authMethod_${portal.authMethod}`)}
          {portal.remember === false && <> · {t('keptUntilBrowserCloses')}</>}
        </span>
        {portal.keyInfo && <KeyDetails info={portal.keyInfo} />}
        {portal.readOnly && (
          <span class="status status-signInRequired" data-testid="portal-read-only">
            {t('portalReadOnly')}
          </span>
        )}
        <span class={`status status-${portal.status}`} data-testid="portal-status">
          {t(`portalStatus_${portal.status}`)}
          {active && count > 1 && <> · {t('portalShownInPopup')}</>}
        </span>
      </div>
      <div class="portal-card-actions">
        {!signedIn && (
          <button type="button" class="button button-primary" onClick={actions.signInAgain}>
            {t('signInAgainButton')}
          </button>
        )}
        {!active && count > 1 && (
          <button type="button" class="button" onClick={actions.makeActive}>
            {t('portalMakeActive')}
          </button>
        )}
        <button
          type="button"
          class="button"
          aria-label={t('portalRenameNamed', visibleText(title))}
          onClick={() => setRenaming(!renaming)}
        >
          {t('portalRename')}
        </button>
        {count > 1 && (
          <>
            <button
              type="button"
              class="button"
              disabled={index === 0}
              aria-label={t('portalMoveUp', visibleText(title))}
              onClick={() => actions.move(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              class="button"
              disabled={index === count - 1}
              aria-label={t('portalMoveDown', visibleText(title))}
              onClick={() => actions.move(1)}
            >
              ↓
            </button>
          </>
        )}
        {portal.status !== 'signedOut' && (
          <button type="button" class="button" onClick={actions.signOut}>
            {t('signOut')}
          </button>
        )}
        <button type="button" class="button button-danger" onClick={actions.remove}>
          {t('portalRemove')}
        </button>
      </div>
    </li>
  );
}

import { SelectField } from '../ui/components/SelectField.tsx';
import type { AppState, PortalSummary } from '../../src/protocol/index.ts';
import { visibleText } from '../../src/format/text.ts';
import { Icon } from '../ui/components/Icon.tsx';
import { ServerText } from '../ui/components/ServerText.tsx';
import { usePlatform } from '../ui/platform-context.ts';

interface Props {
  state: AppState | null;
  portal: PortalSummary | null;
  panel: boolean;
  onSwitch(portalId: string): void;
}

/** The portal (a switcher when there are several), and the buttons that leave the list: side panel, options. */
export function Header({ state, portal, panel, onSwitch }: Props) {
  const { t, openOptionsPage, openSidePanel } = usePlatform();
  const portals = state?.portals ?? [];
  return (
    <header class="popup-header">
      <img src="/icons/icon-32.png" alt="" width="20" height="20" />
      <div class="popup-title">
        <h1 class="visually-hidden">{t('extName')}</h1>
        {portals.length > 1 && portal ? (
          <SelectField
            class="portal-switch"
            labelClass="visually-hidden"
            label={t('portalSwitch')}
            value={portal.id}
            onChange={onSwitch}
            testId="portal-switch"
          >
            {portals.map((p) => (
              <option key={p.id} value={p.id}>
                {visibleText(p.label || p.name)} · {new URL(p.origin).host}
              </option>
            ))}
          </SelectField>
        ) : (
          <span class="portal-name">{portal ? <ServerText text={portal.label || portal.name} /> : t('extName')}</span>
        )}
        {portal && (
          <span class="portal-user">
            <ServerText text={portal.user.displayName} /> · {new URL(portal.origin).host}
          </span>
        )}
      </div>
      {!panel && (
        <button
          type="button"
          class="icon-button"
          onClick={() => void openSidePanel().then((opened) => opened && window.close())}
          title={t('openSidePanel')}
          aria-label={t('openSidePanel')}
        >
          <Icon name="panel" />
        </button>
      )}
      <button
        type="button"
        class="icon-button"
        onClick={() => void openOptionsPage()}
        title={t('settings')}
        aria-label={t('settings')}
      >
        <Icon name="settings" />
      </button>
    </header>
  );
}

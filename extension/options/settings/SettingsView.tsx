import { useEffect, useState } from 'preact/hooks';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { GlobalSettings, PortalSummary } from '../../../src/protocol/index.ts';
import { LANGUAGES, THEMES } from '../../../src/settings/preferences.ts';
import { ErrorNotice } from '../../ui/components/ErrorNotice.tsx';
import type { Connector } from '../../ui/connector.ts';
import { usePlatform } from '../../ui/platform-context.ts';
import { PortalBehaviourForm } from './PortalBehaviourForm.tsx';
import { PortalPicker } from './PortalPicker.tsx';
import { SettingsFiles } from './SettingsFiles.tsx';
import { Shortcuts } from './Shortcuts.tsx';

/** Global settings (theme, language, shortcuts, settings files) and each portal's behaviour. */
export function SettingsView({
  connector,
  portals,
  activePortalId,
}: {
  connector: Connector;
  portals: PortalSummary[];
  activePortalId: string | null;
}) {
  const { t } = usePlatform();
  const [settings, setSettings] = useState<GlobalSettings | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [portalId, setPortalId] = useState(portals.find((p) => p.id === activePortalId)?.id ?? portals[0]?.id ?? null);
  useEffect(() => {
    const off = connector.on('settingsChanged', setSettings);
    connector.send('getSettings', {}).then(setSettings, (e: unknown) => setError(toErrorData(e)));
    return off;
  }, [connector]);

  const change = async (next: Partial<GlobalSettings>) => {
    try {
      setSettings(await connector.send('setSettings', next));
      setError(null);
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  return (
    <div class="settings-stack" data-testid="settings-view">
      <section aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">{t('appearanceHeading')}</h2>
        {error && <ErrorNotice error={error} />}
        {settings && (
          <>
            <fieldset>
              <legend>{t('themeLegend')}</legend>
              <div class="radio-row">
                {THEMES.map((theme) => (
                  <label key={theme}>
                    <input
                      type="radio"
                      name="theme"
                      value={theme}
                      checked={settings.theme === theme}
                      onChange={() => void change({ theme })}
                    />
                    {t(`theme_${theme}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div class="field">
              {/* Not wrapping the select: a wrapping label would add the chosen option's text to its name. */}
              <label for="language-select">{t('languageLabel')}</label>
              <select
                id="language-select"
                name="language"
                value={settings.language}
                onChange={(e) => void change({ language: e.currentTarget.value as GlobalSettings['language'] })}
              >
                {LANGUAGES.map((language) => (
                  <option key={language} value={language}>
                    {t(`language_${language}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </section>
      <section aria-labelledby="behaviour-heading">
        <h2 id="behaviour-heading">{t('behaviourHeading')}</h2>
        {portalId ? (
          <>
            <PortalPicker portals={portals} value={portalId} onChange={setPortalId} />
            <PortalBehaviourForm key={portalId} connector={connector} portalId={portalId} />
          </>
        ) : (
          <p class="muted">{t('behaviourNoPortal')}</p>
        )}
      </section>
      <Shortcuts />
      <SettingsFiles connector={connector} />
    </div>
  );
}

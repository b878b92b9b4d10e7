import { useEffect, useState } from 'preact/hooks';
import { renderName } from '../../src/capture/name-template.ts';
import { toErrorData, type ErrorData } from '../../src/errors/index.ts';
import type { PortalSummary, SaveSettings as Settings, UploadConflict } from '../../src/protocol/index.ts';
import { ErrorNotice } from '../ui/components/ErrorNotice.tsx';
import { FolderPicker } from '../ui/components/FolderPicker.tsx';
import { SelectField } from '../ui/components/SelectField.tsx';
import { ServerText } from '../ui/components/ServerText.tsx';
import type { Connector } from '../ui/connector.ts';
import { usePlatform } from '../ui/platform-context.ts';

const EXAMPLE = { title: 'Harbour lights — a history', url: 'https://news.example/harbour' };

/**
 * How saving from pages works for a signed-in portal: the default folder (picked from the portal's folders),
 * the file name template with a live preview, what to do with a name that exists. Recent destinations are the
 * saves' own and only shown.
 */
export function SaveSettings({ connector, portals }: { connector: Connector; portals: PortalSummary[] }) {
  const { t } = usePlatform();
  const signedIn = portals.filter((p) => p.status === 'signedIn');
  const [portalId, setPortalId] = useState<string | null>(signedIn[0]?.id ?? null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [template, setTemplate] = useState('');
  const [conflict, setConflict] = useState<UploadConflict>('duplicate');
  const [convert, setConvert] = useState(false);
  const [picking, setPicking] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);

  useEffect(() => {
    if (!portalId && signedIn[0]) setPortalId(signedIn[0].id);
  }, [signedIn[0]?.id]);
  useEffect(() => {
    if (!portalId) return;
    setSettings(null);
    connector.send('getSaveSettings', { portalId }).then(
      (loaded) => {
        setSettings(loaded);
        setTemplate(loaded.nameTemplate);
        setConflict(loaded.conflict);
        setConvert(loaded.convertToDocx === true);
      },
      (err: unknown) => setError(toErrorData(err)),
    );
  }, [portalId]);

  if (signedIn.length === 0 || !portalId) return null;

  const store = async (
    change: Partial<Pick<Settings, 'defaultFolder' | 'nameTemplate' | 'conflict' | 'convertToDocx'>>,
  ) => {
    if (!settings) return;
    setError(null);
    setSaved(false);
    try {
      const next = await connector.send('setSaveSettings', {
        portalId,
        defaultFolder: settings.defaultFolder,
        nameTemplate: template.trim() || settings.nameTemplate,
        conflict,
        convertToDocx: convert,
        ...change,
      });
      setSettings(next);
      setTemplate(next.nameTemplate);
      setSaved(true);
    } catch (err) {
      setError(toErrorData(err));
    }
  };
  const preview = renderName(template, { ...EXAMPLE, now: new Date() }, '.html');

  return (
    <section aria-labelledby="save-heading" data-testid="save-settings">
      <h2 id="save-heading">{t('saveSettingsHeading')}</h2>
      <p class="muted">{t('saveSettingsIntro')}</p>
      {signedIn.length > 1 && (
        <SelectField label={t('saveSettingsPortal')} value={portalId} onChange={setPortalId}>
          {signedIn.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name || p.origin}
            </option>
          ))}
        </SelectField>
      )}
      {error && <ErrorNotice error={error} />}
      {settings && (
        <form
          class="save-settings"
          onSubmit={(e) => {
            e.preventDefault();
            void store({});
          }}
        >
          <div class="field">
            <span>{t('saveSettingsDefaultFolder')}</span>
            <p data-testid="save-default-folder">
              {settings.defaultFolder ? (
                <ServerText text={settings.defaultFolder.title} />
              ) : (
                t('saveSettingsMyDocuments')
              )}
            </p>
            <button type="button" class="button" aria-expanded={picking} onClick={() => setPicking(!picking)}>
              {t('saveSettingsChooseFolder')}
            </button>
          </div>
          {picking && (
            <FolderPicker
              portalId={portalId}
              connector={connector}
              shortcuts={settings.recent}
              pickLabel={(place) => t('pickerSaveHere', place.title)}
              onPick={(place) => {
                setPicking(false);
                void store({ defaultFolder: place });
              }}
            />
          )}
          {settings.recent.length > 0 && (
            <p class="muted" data-testid="save-recent">
              {t('saveSettingsRecent', '')}
              <ServerText text={settings.recent.map((f) => f.title).join(', ')} />
            </p>
          )}
          <label class="field">
            <span>{t('saveSettingsTemplate')}</span>
            <input
              name="nameTemplate"
              value={template}
              maxLength={200}
              aria-describedby="save-template-help save-template-preview"
              onInput={(e) => setTemplate(e.currentTarget.value)}
            />
          </label>
          <p id="save-template-help" class="muted">
            {t('saveSettingsTemplateHelp')}
          </p>
          <p id="save-template-preview" data-testid="save-template-preview" aria-live="polite">
            {t('saveSettingsPreview', preview)}
          </p>
          <SelectField
            label={t('saveSettingsConflict')}
            value={conflict}
            onChange={(value) => setConflict(value as UploadConflict)}
            testId="save-conflict"
          >
            <option value="duplicate">{t('saveSettingsConflictDuplicate')}</option>
            <option value="overwrite">{t('saveSettingsConflictOverwrite')}</option>
            <option value="skip">{t('saveSettingsConflictSkip')}</option>
          </SelectField>
          <div class="check-field">
            <label>
              <input
                type="checkbox"
                name="convertToDocx"
                checked={convert}
                aria-describedby="save-convert-help"
                data-testid="save-convert"
                onChange={(e) => setConvert(e.currentTarget.checked)}
              />
              {t('saveSettingsConvert')}
            </label>
            <small id="save-convert-help" class="muted">
              {t('saveSettingsConvertHelp')}
            </small>
          </div>
          <div class="form-actions">
            <button type="submit" class="button button-primary">
              {t('saveSettingsSave')}
            </button>
            {saved && (
              <span role="status" data-testid="save-settings-saved">
                {t('saveSettingsSaved')}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

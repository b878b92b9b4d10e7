import { useState } from 'preact/hooks';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import { parseSettingsFile } from '../../../src/settings/settings-file.ts';
import { ErrorNotice } from '../../ui/components/ErrorNotice.tsx';
import type { Connector } from '../../ui/connector.ts';
import { usePlatform } from '../../ui/platform-context.ts';
import { plural } from '../../ui/plural.ts';

/** Export the settings to a file and import one; a bad file is refused whole, with what is wrong in it. */
export function SettingsFiles({ connector }: { connector: Connector }) {
  const platform = usePlatform();
  const { t } = platform;
  const [error, setError] = useState<ErrorData | null>(null);
  const [done, setDone] = useState('');

  const exportFile = async () => {
    try {
      const file = await connector.send('exportSettings', {});
      platform.saveFile('docspace-power-tools-settings.json', JSON.stringify(file, null, 2), 'application/json');
      setError(null);
      setDone(t('settingsExported'));
    } catch (e) {
      setError(toErrorData(e));
    }
  };
  const importFile = async (input: HTMLInputElement) => {
    const picked = input.files?.[0];
    if (!picked) return;
    setDone('');
    const text = await picked.text().catch(() => '');
    // The same file may be picked again after it is fixed.
    input.value = '';
    const parsed = parseSettingsFile(text);
    if (!parsed.ok) return setError(toErrorData(parsed.error));
    try {
      const outcome = await connector.send('importSettings', { file: parsed.file });
      setError(null);
      setDone(
        `${t('settingsImported')} ${plural(platform, 'settingsImportedPortals', outcome.applied)}` +
          (outcome.unknown > 0 ? ` ${plural(platform, 'settingsImportedUnknown', outcome.unknown)}` : ''),
      );
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">{t('settingsFilesHeading')}</h2>
      <p class="muted">{t('settingsFilesHint')}</p>
      <div class="form-actions">
        <button type="button" class="button" onClick={() => void exportFile()}>
          {t('settingsExport')}
        </button>
        <label class="button">
          {t('settingsImport')}
          <input
            type="file"
            name="settingsFile"
            accept="application/json,.json"
            class="visually-hidden"
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
      </div>
      {error && <ErrorNotice error={error} />}
      <p role="status" class="muted" data-testid="settings-file-status">
        {done}
      </p>
    </section>
  );
}

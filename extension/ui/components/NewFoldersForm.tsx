import { useState } from 'preact/hooks';
import { usePlatform } from '../platform-context.ts';
import { plural } from '../plural.ts';

/** One folder name per line; the background creates them as a durable job. */
export function NewFoldersForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (text: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const platform = usePlatform();
  const { t } = platform;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const count = text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
  return (
    <form
      class="new-folders"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onSubmit(text).then((ok) => {
          setBusy(false);
          if (ok) setText('');
        });
      }}
    >
      <label class="field">
        <span>{t('newFoldersLabel')}</span>
        <textarea
          name="folders"
          rows={5}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          placeholder={t('newFoldersPlaceholder')}
        />
      </label>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy || count === 0}>
          {plural(platform, 'createFolders', count)}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

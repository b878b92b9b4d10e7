import { useState } from 'preact/hooks';
import type { ErrorData, UploadConflict } from '../../../src/protocol/index.ts';
import { toErrorData } from '../../../src/errors/index.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { ServerText } from '../components/ServerText.tsx';
import { usePlatform } from '../platform-context.ts';
import { pluralKey } from '../plural.ts';
import { Sentence } from '../components/Sentence.tsx';

const CHOICES: readonly UploadConflict[] = ['duplicate', 'overwrite', 'skip'];
const NAMES_SHOWN = 8;

/** Some picked files have names the folder holds already: one choice for all of them, with the names listed. */
export function UploadConflictDialog(props: {
  folderTitle: string;
  existing: string[];
  onChoose(conflict: UploadConflict): Promise<void>;
  onClose(): void;
}) {
  const platform = usePlatform();
  const { t } = platform;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const choose = async (conflict: UploadConflict) => {
    setBusy(true);
    setError(null);
    try {
      await props.onChoose(conflict);
    } catch (err) {
      setError(toErrorData(err));
      setBusy(false);
    }
  };
  const more = props.existing.length - NAMES_SHOWN;
  return (
    <Dialog title={t('uploadConflictTitle')} onClose={props.onClose}>
      <p data-testid="upload-conflicts">
        <Sentence
          k={pluralKey(platform, 'conflictsFound', props.existing.length)}
          params={[String(props.existing.length), props.folderTitle]}
        />
      </p>
      <ul class="conflict-names" data-testid="upload-conflict-names">
        {props.existing.slice(0, NAMES_SHOWN).map((name) => (
          <li key={name}>
            <ServerText text={name} />
          </li>
        ))}
        {more > 0 && <li>…</li>}
      </ul>
      {error && <ErrorNotice error={error} />}
      <div class="dialog-form">
        {CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            class={choice === 'duplicate' ? 'button button-primary' : 'button'}
            disabled={busy}
            onClick={() => void choose(choice)}
          >
            {t(`uploadConflict_${choice}`)}
          </button>
        ))}
        <button type="button" class="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
      </div>
    </Dialog>
  );
}

import { useState } from 'preact/hooks';
import { Dialog } from '../components/Dialog.tsx';
import { usePlatform } from '../platform-context.ts';
import { FieldError } from './FieldError.tsx';
import { useSubmit } from './use-submit.ts';

interface Props {
  title: string;
  label: string;
  submitLabel: string;
  initial: string;
  /** How much of the initial value is selected (a file's name without its extension). */
  selectTo?: number;
  onSubmit(name: string): Promise<void>;
  onClose(): void;
}

/** One name to type: a rename, a new folder, a new document. */
export function NameDialog(props: Props) {
  const { t } = usePlatform();
  const [name, setName] = useState(props.initial);
  const { busy, error, run } = useSubmit();
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form
        method="dialog"
        class="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => props.onSubmit(name));
        }}
      >
        <label class="field">
          <span>{props.label}</span>
          <input
            name="name"
            value={name}
            maxLength={500}
            autofocus
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'name-error' : undefined}
            ref={(input) => {
              if (input && props.selectTo !== undefined && input.dataset.selected !== '1') {
                input.dataset.selected = '1';
                requestAnimationFrame(() => input.setSelectionRange(0, props.selectTo!));
              }
            }}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </label>
        <FieldError id="name-error" error={error} />
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy || name.trim() === ''}>
            {props.submitLabel}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

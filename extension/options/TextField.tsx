import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import type { ErrorData } from '../../src/errors/index.ts';
import { FieldError } from '../ui/dialogs/FieldError.tsx';

interface Props {
  name: string;
  label: string;
  value: string;
  onInput(value: string): void;
  type?: string;
  inputMode?: 'url' | 'numeric' | 'text' | 'email';
  autoComplete?: string;
  placeholder?: string;
  hint?: string;
  error: ErrorData | null;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and its error under it, both named by aria-describedby; invalid when in error. */
export function TextField(props: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        ref={props.inputRef}
        name={props.name}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
        spellcheck={false}
        value={props.value}
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <FieldError id={errorId} error={props.error} />
      {props.hint && (
        <small id={hintId} class="muted">
          {props.hint}
        </small>
      )}
    </div>
  );
}

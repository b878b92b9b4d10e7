import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/**
 * A labelled <select>. Named by its label alone: a <label> wrapped around a select would also read out the
 * chosen option ("Room type Collaboration room"), which screen readers then announce twice.
 */
export function SelectField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  children: ComponentChildren;
  class?: string;
  labelClass?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div class={props.class ?? 'field'}>
      <span id={id} class={props.labelClass}>
        {props.label}
      </span>
      <select
        aria-labelledby={id}
        value={props.value}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.children}
      </select>
    </div>
  );
}

import type { ErrorData } from '../../../src/errors/index.ts';
import { errorText, usePlatform } from '../platform-context.ts';

/** The error of one field, next to it, named by the field's aria-describedby. */
export function FieldError({ id, error }: { id: string; error: ErrorData | null }) {
  const { t } = usePlatform();
  if (!error) return null;
  return (
    <p id={id} class="field-error" role="alert" data-error-key={error.key}>
      {errorText(t, error)}
    </p>
  );
}

import { useState } from 'preact/hooks';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';

/** A form's one request: busy while it runs, its error kept as data for the field that caused it. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}

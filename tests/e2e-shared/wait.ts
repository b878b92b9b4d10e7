/**
 * Polls `probe` until it returns something other than undefined, for at most `timeoutMs`. The drivers use it
 * where a browser offers no event to wait for (a worker's state, a tab's first URL). A probe that throws counts
 * as "not yet": pages that are still navigating throw on evaluate.
 */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() + delay > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  const cause = lastError === undefined ? '' : ` (last error: ${String(lastError)})`;
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
}

/** Bounds a promise that has no timeout of its own (closing a browser, a protocol call). */
export function within<T>(what: string, timeoutMs: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

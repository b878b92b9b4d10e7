import { COMPETITOR_AGENT } from './sandbox-log.ts';

/**
 * A second client on the same account (another app, another browser): steady GETs at `perSecond`, on an
 * absolute schedule so a busy event loop does not turn it into bursts (when it falls behind it skips
 * ahead rather than catching up). It does not retry: a refusal is the harm being measured.
 */
export function startCompetitor(url: string, apiKey: string, perSecond: number): { stop(): Promise<number> } {
  const interval = 1000 / perSecond;
  let next = performance.now();
  let stopped = false;
  let sent = 0;
  const inFlight = new Set<Promise<unknown>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = (): void => {
    if (stopped) return;
    const now = performance.now();
    if (now - next > interval) next = now;
    const request = fetch(`${url}/api/2.0/people/@self`, {
      headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json', 'User-Agent': COMPETITOR_AGENT },
    })
      .then((r) => r.arrayBuffer())
      .catch(() => undefined);
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
    sent++;
    next += interval;
    timer = setTimeout(tick, Math.max(0, next - performance.now()));
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.all(inFlight);
      return sent;
    },
  };
}

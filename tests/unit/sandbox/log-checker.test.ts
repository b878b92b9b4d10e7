import { describe, expect, it } from 'vitest';
import { breaches, checkLog, maxConcurrency, maxInWindow } from '../../sandbox/log-checker.ts';
import type { CheckableEntry } from '../../sandbox/log-checker.ts';
import { startSandbox } from '../../sandbox/server.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

function entry(seq: number, startMs: number, extra: Partial<CheckableEntry> = {}): CheckableEntry {
  return {
    seq,
    time: new Date(startMs).toISOString(),
    method: 'GET',
    status: 200,
    identity: 'u1',
    refusedBy: null,
    startMs,
    endMs: startMs + 5,
    ...extra,
  };
}

/** `n` requests evenly spread over `spanMs`, from `from`. */
function stream(
  n: number,
  from: number,
  spanMs: number,
  seq0 = 1,
  extra: Partial<CheckableEntry> = {},
): CheckableEntry[] {
  return Array.from({ length: n }, (_, i) => entry(seq0 + i, from + Math.floor((i * spanMs) / n), extra));
}

describe('log checker', () => {
  it('does not flag a compliant stream: 500 per 10 s, steadily, for a minute', () => {
    const entries = stream(3_000, T0, 60_000); // one every 20 ms
    expect(maxInWindow(entries, 10_000).count).toBe(500);
    expect(breaches(entries, { windowMs: 10_000, limit: 500 })).toEqual([]);
    const report = checkLog(entries, { windowMs: 10_000, limit: 500 });
    expect(report.breaches).toEqual([]);
    expect(report.accounts).toEqual([
      expect.objectContaining({
        account: 'u1',
        requests: 3_000,
        refusals: 0,
        maxInWindow: expect.objectContaining({ count: 500 }),
      }),
    ]);
  });

  it('catches a burst that breaks a window, with its time range and seqs', () => {
    // Compliant 400 in the first 9 s, then a burst of 150 within 90 ms at t0 + 9.9 s.
    const entries = [...stream(400, T0, 9_000), ...stream(150, T0 + 9_900, 90, 401)];
    const found = breaches(entries, { windowMs: 10_000, limit: 500 });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      account: 'u1',
      limit: 500,
      windowMs: 10_000,
      peak: 550,
      fromMs: T0,
      fromSeq: 1,
      toSeq: 550,
    });
    expect(found[0]!.toMs).toBeLessThan(T0 + 10_000);
    // The same entries against the minute limit are fine.
    expect(breaches(entries, { windowMs: 60_000, limit: 1_500 })).toEqual([]);
  });

  it('a window is half-open: a request exactly one window later is in the next one', () => {
    const entries = [entry(1, T0), entry(2, T0 + 10_000)];
    expect(maxInWindow(entries, 10_000).count).toBe(1);
    expect(maxInWindow(entries, 10_001).count).toBe(2);
  });

  it('keeps accounts apart, counts refusals, and can leave refused requests out', () => {
    const entries = [
      ...stream(5, T0, 100, 1),
      ...stream(5, T0, 100, 6, { identity: 'u2' }),
      entry(11, T0 + 100, { status: 429, refusedBy: 'server/sliding' }),
      entry(12, T0 + 101, { identity: null, status: 503 }),
    ];
    const report = checkLog(entries, { windowMs: 1_000, limit: 5 });
    const u1 = report.accounts.find((a) => a.account === 'u1')!;
    expect(u1).toMatchObject({
      requests: 6,
      refusals: 1,
      refusalsBy: { 'server/sliding': 1 },
      maxInWindow: { count: 6 },
    });
    expect(report.accounts.find((a) => a.account === 'anonymous')).toMatchObject({
      refusals: 1,
      refusalsBy: { 'status 503': 1 },
    });
    expect(report.breaches.map((b) => b.account)).toEqual(['u1']);
    expect(checkLog(entries, { windowMs: 1_000, limit: 5, countRefused: false }).breaches).toEqual([]);
  });

  it('measures concurrency from [startMs, endMs), GET and others apart', () => {
    const entries = [
      entry(1, T0, { endMs: T0 + 100 }),
      entry(2, T0 + 10, { endMs: T0 + 50 }),
      entry(3, T0 + 50, { endMs: T0 + 60 }), // starts when #2 ends: no overlap with it
      entry(4, T0 + 20, { method: 'POST', endMs: T0 + 30 }),
    ];
    expect(maxConcurrency(entries.filter((e) => e.method === 'GET'))).toBe(2);
    expect(checkLog(entries, { windowMs: 1_000 }).accounts[0]!.maxConcurrent).toEqual({ get: 2, other: 1 });
  });

  it('GET /__sandbox/check reports on the live log', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const headers = { Authorization: `Bearer ${sandbox.demo.apiKey}` };
      await Promise.all(
        Array.from({ length: 12 }, () =>
          fetch(`${sandbox.url}/api/2.0/authentication`, { headers }).then((r) => r.text()),
        ),
      );
      const report = await (await fetch(`${sandbox.url}/__sandbox/check?windowMs=10000&limit=10`)).json();
      expect(report.entries).toBe(12);
      expect(report.accounts[0]).toMatchObject({
        account: sandbox.demo.userId,
        requests: 12,
        maxInWindow: { count: 12 },
      });
      expect(report.accounts[0].maxConcurrent.get).toBeGreaterThanOrEqual(1);
      expect(report.breaches).toEqual([expect.objectContaining({ account: sandbox.demo.userId, peak: 12, limit: 10 })]);
      const entries = sandbox.log.since(0);
      expect(entries.every((e) => e.endMs >= e.startMs && Math.abs(e.startMs - Date.parse(e.time)) < 5)).toBe(true);
      expect((await fetch(`${sandbox.url}/__sandbox/check?windowMs=0`)).status).toBe(400);
    } finally {
      await sandbox.close();
    }
  });
});

import { expect, test, type SandboxLogEntry } from './fixtures.ts';

async function addFault(sandboxUrl: string, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: 'POST',
    body: JSON.stringify({ faults: [fault], replace: true }),
  });
  expect(response.ok).toBe(true);
}

const startOf = (e: SandboxLogEntry & { startMs?: number }) =>
  e.startMs ?? Date.parse(String((e as { time?: string }).time));

for (const storm of [
  {
    name: '503 with Retry-After: 3 (the documented limiter)',
    fault: { type: 'storm503', retryAfter: 3 },
    status: 503,
    pauseMs: 3_000,
  },
  {
    name: '429 with X-RateLimit-* and Retry-After: 2 (the server limiter)',
    fault: { type: 'storm429', retryAfter: 2, limit: 1500 },
    status: 429,
    pauseMs: 2_000,
  },
]) {
  test(`${storm.name}: the account pauses, the popup counts down, nothing is sent before the end`, async ({
    signInWithApiKey,
    openPopup,
    sandbox,
    sandboxLog,
  }) => {
    await signInWithApiKey();
    const popup = await openPopup();
    await expect(popup.locator('.entries')).toContainText('Marketing');
    await addFault(sandbox.url, { ...storm.fault, count: 1, path: '/api/2.0/files/**' });

    await popup.getByRole('tab', { name: 'My documents' }).click();
    const banner = popup.getByTestId('pause-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(/Continuing in \d s/);
    // The request is sent again by itself after the pause, and the list appears.
    await expect(popup.locator('.entry-title').first()).toBeVisible({ timeout: storm.pauseMs + 8_000 });
    await expect(banner).toBeHidden();

    const log = (await sandboxLog()) as Array<SandboxLogEntry & { startMs: number; refusedBy: string | null }>;
    const refused = log.filter((e) => e.status === storm.status);
    expect(refused).toHaveLength(1);
    const refusedAt = startOf(refused[0]!);
    const after = log.filter((e) => e.seq > refused[0]!.seq && e.identity === refused[0]!.identity);
    expect(after.length).toBeGreaterThan(0);
    // Nothing for this account until the pause is over (the sandbox's clock, 100 ms of timer slack).
    expect(Math.min(...after.map(startOf)) - refusedAt).toBeGreaterThanOrEqual(storm.pauseMs - 100);
    expect(after.some((e) => e.path === '/api/2.0/files/@my' && e.status === 200)).toBe(true);
  });
}

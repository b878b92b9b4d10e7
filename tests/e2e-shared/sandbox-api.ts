import type { LogEntry as SandboxLogEntry } from '../sandbox/request-log.ts';

// The sandbox's test-only endpoints, called from Node (never from the browser).
export type { SandboxLogEntry };

async function post(url: string, body?: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
}

export async function sandboxLog(sandboxUrl: string): Promise<SandboxLogEntry[]> {
  const response = await fetch(`${sandboxUrl}/__sandbox/log`);
  return ((await response.json()) as { entries: SandboxLogEntry[] }).entries;
}

/** Store back to the seed and every issued session token dropped, as a password change would. */
export const resetSandbox = (sandboxUrl: string) => post(`${sandboxUrl}/__sandbox/reset`);

export const addFault = (sandboxUrl: string, fault: Record<string, unknown>) =>
  post(`${sandboxUrl}/__sandbox/faults`, { faults: [fault], replace: true });

export const setSandboxLimits = (sandboxUrl: string, limits: Record<string, unknown>) =>
  post(`${sandboxUrl}/__sandbox/limits`, limits);

export interface LogCheck {
  breaches: unknown[];
  accounts: Array<{ account: string; refusals: number; maxConcurrent: { get: number; other: number } }>;
}

/** The sandbox's own audit of its log: any window of `windowMs` with more than `limit` requests is a breach. */
export async function checkSandboxLog(sandboxUrl: string, windowMs: number, limit: number): Promise<LogCheck> {
  const response = await fetch(`${sandboxUrl}/__sandbox/check?windowMs=${windowMs}&limit=${limit}`);
  return (await response.json()) as LogCheck;
}

/** Sandbox tuning (chunkUploadSize, maxChunkedUploadSize, uploadSessionTtlMs, …); `{ reset: true }` restores defaults. */
export const setSandboxTuning = (sandboxUrl: string, tuning: Record<string, number | boolean>) =>
  post(`${sandboxUrl}/__sandbox/tuning`, tuning);

import { createBackground, type Background } from '../../../extension/background/app.ts';
import type { CommandContext } from '../../../extension/platform/ports.ts';
import { dispatchCommand } from '../../../src/messaging/dispatch.ts';
import { AppError, isErrorData } from '../../../src/errors/index.ts';
import type { CommandName, CommandRequest, CommandResponse } from '../../../src/protocol/index.ts';
import type { startSandbox } from '../../sandbox/server.ts';
import type { fakePlatform } from './fake-platform.ts';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const context: CommandContext = { senderUrl: 'chrome-extension://test/extension/popup/index.html' };

/** Sends a command the way a page does: as a message through the dispatcher, errors back as data. */
export async function send<K extends CommandName>(
  background: Background,
  name: K,
  payload: CommandRequest<K>,
): Promise<CommandResponse<K>> {
  await background.ready;
  const reply = await dispatchCommand(background.handlers, { type: 'dpt/command', name, payload }, context);
  if (!reply) throw new Error(`${name} was not dispatched`);
  if (reply.ok) return reply.value as CommandResponse<K>;
  throw isErrorData(reply.error) ? AppError.fromData(reply.error) : new Error(JSON.stringify(reply.error));
}

/** A background "worker" over the given fake platform; settle delays short, as on a fast local portal. */
export function startBackground(fake: ReturnType<typeof fakePlatform>, settleDelayMs = 50): Background {
  const background = createBackground(fake.platform, { settleDelayMs: async () => settleDelayMs });
  void background.start();
  return background;
}

export async function signInWithKey(background: Background, sandbox: Sandbox) {
  return send(background, 'signIn', { url: sandbox.url, method: 'apiKey', apiKey: sandbox.demo.apiKey });
}

export async function waitFor<T>(probe: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function sandboxLog(sandbox: Sandbox) {
  const response = await fetch(`${sandbox.url}/__sandbox/log`);
  return ((await response.json()) as { entries: Array<{ method: string; path: string; status: number }> }).entries;
}

export async function fault(sandbox: Sandbox, spec: Record<string, unknown>) {
  const response = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(spec) });
  if (!response.ok) throw new Error(`fault refused: ${await response.text()}`);
}

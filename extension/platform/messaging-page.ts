import { AppError, isErrorData } from '../../src/errors.ts';
import {
  EVENTS_PORT_NAME,
  type CommandMessage,
  type CommandName,
  type CommandReply,
  type CommandRequest,
  type CommandResponse,
  type EventMessage,
  type EventName,
  type Events,
} from '../../src/protocol.ts';
import { browser } from './browser.ts';

/** Sends a command to the background; a failure comes back as data and is re-thrown here as AppError. */
export async function sendCommand<K extends CommandName>(
  name: K,
  payload: CommandRequest<K>,
): Promise<CommandResponse<K>> {
  const message: CommandMessage<K> = { type: 'dpt/command', name, payload };
  let reply: CommandReply<K> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(message)) as CommandReply<K> | undefined;
  } catch (error) {
    throw new AppError(
      {
        code: 'internal',
        message: 'The extension background did not answer. Reload the extension and try again.',
        retryable: true,
        action: 'retry',
      },
      { cause: error },
    );
  }
  if (!reply) {
    throw new AppError({
      code: 'internal',
      message: 'The extension background gave no answer. Try again.',
      retryable: true,
      action: 'retry',
    });
  }
  if (reply.ok) return reply.value;
  throw isErrorData(reply.error)
    ? AppError.fromData(reply.error)
    : new AppError({ code: 'internal', message: 'Unknown error.', retryable: true, action: 'retry' });
}

type Listener = { [K in EventName]?: Array<(payload: Events[K]) => void> };

/** One port to the background for pushed events; it reconnects when the service worker restarts. */
export function subscribeEvents(): {
  on<K extends EventName>(name: K, listener: (payload: Events[K]) => void): () => void;
} {
  const listeners: Listener = {};
  const connect = (): void => {
    const port = browser.runtime.connect({ name: EVENTS_PORT_NAME });
    port.onMessage.addListener((raw: unknown) => {
      const message = raw as EventMessage;
      if (message?.type !== 'dpt/event') return;
      for (const listener of listeners[message.name] ?? []) (listener as (payload: unknown) => void)(message.payload);
    });
    port.onDisconnect.addListener(() => setTimeout(connect, 250));
  };
  connect();
  return {
    on(name, listener) {
      const list = (listeners[name] ??= []) as Array<typeof listener>;
      list.push(listener);
      return () => {
        const index = list.indexOf(listener);
        if (index >= 0) list.splice(index, 1);
      };
    },
  };
}

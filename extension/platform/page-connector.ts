import type { Browser } from 'webextension-polyfill';
import { AppError, appError, isErrorData } from '../../src/errors/index.ts';
import type { CommandMessage, CommandReply, EventMessage } from '../../src/protocol/index.ts';
import { EVENTS_PORT_NAME } from '../../src/protocol/wire.ts';
import type { Connector } from '../ui/connector.ts';

/**
 * The page's one way to the background: commands over runtime.sendMessage (a failure comes back as data and
 * is re-thrown here as AppError), events over one port that reconnects when the worker restarts.
 */
export function createPageConnector(browser: Browser): Connector {
  const listeners = new Map<string, Array<(payload: unknown) => void>>();
  const connect = (): void => {
    const port = browser.runtime.connect({ name: EVENTS_PORT_NAME });
    port.onMessage.addListener((raw: unknown) => {
      const message = raw as EventMessage;
      if (message?.type !== 'dpt/event') return;
      for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
    });
    port.onDisconnect.addListener(() => setTimeout(connect, 250));
  };
  connect();

  return {
    async send(name, payload) {
      const message: CommandMessage<typeof name> = { type: 'dpt/command', name, payload };
      let reply: CommandReply<typeof name> | undefined;
      try {
        reply = (await browser.runtime.sendMessage(message)) as CommandReply<typeof name> | undefined;
      } catch (error) {
        throw appError('backgroundNoAnswer', {}, { cause: error });
      }
      if (!reply) throw appError('backgroundEmptyAnswer', {});
      if (reply.ok) return reply.value;
      throw isErrorData(reply.error) ? AppError.fromData(reply.error) : appError('backgroundEmptyAnswer', {});
    },
    on(name, listener) {
      const list = listeners.get(name) ?? [];
      list.push(listener as (payload: unknown) => void);
      listeners.set(name, list);
      return () => {
        const index = list.indexOf(listener as (payload: unknown) => void);
        if (index >= 0) list.splice(index, 1);
      };
    },
  };
}

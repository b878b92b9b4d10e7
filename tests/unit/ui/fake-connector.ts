import type { CommandName, CommandRequest, CommandResponse, EventName, Events } from '../../../src/protocol/index.ts';
import type { Connector } from '../../../extension/ui/connector.ts';

type Handler = { [K in CommandName]?: (request: CommandRequest<K>) => Promise<CommandResponse<K>> };

/** The in-memory stand-in for the background: UI stores are tested without a browser. */
export function fakeConnector(handlers: Handler) {
  const sent: Array<{ name: CommandName; payload: unknown }> = [];
  const listeners = new Map<EventName, Array<(payload: unknown) => void>>();
  const connector: Connector = {
    send(name, payload) {
      sent.push({ name, payload });
      const handler = handlers[name] as
        ((request: typeof payload) => Promise<CommandResponse<typeof name>>) | undefined;
      if (!handler) return Promise.reject(new Error(`no fake for ${name}`));
      return handler(payload);
    },
    on(name, listener) {
      const list = listeners.get(name) ?? [];
      list.push(listener as (payload: unknown) => void);
      listeners.set(name, list);
      return () => undefined;
    },
  };
  const emit = <K extends EventName>(name: K, payload: Events[K]) => listeners.get(name)?.forEach((l) => l(payload));
  return { connector, sent, emit };
}
